import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_URL_LENGTH, safeUrl, type UrlPolicy } from './url-policy';

const base = 'https://app.example/chat/index.html';

describe('safeUrl', () => {
  it.each([
    ['https://cdn.example/a.png', 'https://cdn.example/a.png'],
    ['http://cdn.example/a.png', 'http://cdn.example/a.png'],
    ['HTTPS://CDN.EXAMPLE/A.png', 'https://cdn.example/A.png'],
    ['https://例子.测试/路径', 'https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84'],
    [
      'blob:https://app.example/0b9e2f6c-5d1e-4d8c-9a44-2f0d2f4f8a11',
      'blob:https://app.example/0b9e2f6c-5d1e-4d8c-9a44-2f0d2f4f8a11',
    ],
    ['/media/a.png', 'https://app.example/media/a.png'],
    ['media/a.png?x=1#y', 'https://app.example/chat/media/a.png?x=1#y'],
    ['./a b.png', 'https://app.example/chat/a%20b.png'],
  ])('lets %s through as %s', (input, expected) => {
    expect(safeUrl(input, { base })).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' javascript:alert(1)',
    'javascript:alert(1) ',
    '\u200bjavascript:alert(1)',
    'javascript&#58;alert(1)'.replace('&#58;', ':'),
    'jav&#x09;ascript:alert(1)'.replace('&#x09;', '\t'),
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload="alert(1)"/>',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+',
    'DATA:image/png;base64,iVBORw0KGgo=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/a',
    'mailto:a@example.com',
    'about:blank',
    'chrome://settings',
    'filesystem:https://app.example/temporary/a',
    'blob:https://evil.example/0b9e2f6c-5d1e-4d8c-9a44-2f0d2f4f8a11',
    'blob:null/0b9e2f6c-5d1e-4d8c-9a44-2f0d2f4f8a11',
    '//evil.example/a.png',
    '/\\evil.example/a.png',
    '\\\\evil.example/a.png',
    'https://user:password@evil.example/',
    'https://app.example@evil.example/',
    'https://evil.example/\u202egnp.exe',
    `https://cdn.example/${'a'.repeat(MAX_URL_LENGTH)}`,
    '',
  ])('refuses %j', (input) => {
    expect(safeUrl(input, { base })).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const input of [null, undefined, 42, {}, [], { toString: () => 'https://a.example' }, Symbol('x')]) {
      expect(safeUrl(input, { base })).toBeNull();
    }
  });

  it('refuses relative and blob URLs it cannot check where there is no page, and keeps paths as paths', () => {
    expect(safeUrl('/media/a.png', { base: null })).toBe('/media/a.png');
    expect(safeUrl('//evil.example/a.png', { base: null })).toBeNull();
    expect(safeUrl('blob:https://app.example/1', { base: null })).toBeNull();
    expect(safeUrl('https://cdn.example/a.png', { base: null })).toBe('https://cdn.example/a.png');
  });

  it('lets an app narrow the policy but never widen it', () => {
    const policy = vi.fn<UrlPolicy>((url) => url.hostname.endsWith('.mycdn.example'));
    expect(safeUrl('https://img.mycdn.example/a.png', { base, policy, purpose: 'image' })).toBe(
      'https://img.mycdn.example/a.png',
    );
    expect(policy).toHaveBeenLastCalledWith(expect.any(URL), 'image');
    expect(safeUrl('https://evil.example/a.png', { base, policy })).toBeNull();
    const allowAll: UrlPolicy = () => true;
    expect(safeUrl('javascript:alert(1)', { base, policy: allowAll })).toBeNull();
    expect(safeUrl('data:image/svg+xml,<svg/>', { base, policy: allowAll })).toBeNull();
  });

  it('refuses when the app policy throws, and ignores edits the policy makes to the URL it is given', () => {
    expect(
      safeUrl('https://cdn.example/a.png', {
        base,
        policy: () => {
          throw new Error('boom');
        },
      }),
    ).toBeNull();
    expect(
      safeUrl('https://cdn.example/a.png', {
        base,
        policy: (url) => {
          url.hostname = 'evil.example';
          return true;
        },
      }),
    ).toBe('https://cdn.example/a.png');
  });

  it('never returns a URL whose scheme is not http, https or blob, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc
            .tuple(
              fc.constantFrom('javascript', 'data', 'vbscript', 'JaVaScRiPt', 'http', 'blob'),
              fc.string(),
            )
            .map(([scheme, rest]) => `${scheme}:${rest}`),
        ),
        (input) => {
          const out = safeUrl(input, { base });
          if (out === null) return;
          expect(new URL(out).protocol).toMatch(/^(https?|blob):$/);
        },
      ),
      { numRuns: 300 },
    );
    // Generating web URLs is slow on a loaded machine; the check itself is fast.
  }, 30_000);
});
