import { describe, expect, it } from 'vitest';
import { splitLinks } from './message-content-links';

const links = (text: string) =>
  splitLinks(text)
    .filter((segment) => segment.type === 'link')
    .map((segment) => (segment.type === 'link' ? [segment.text, segment.href] : []));

describe('splitLinks', () => {
  it('links www. hosts as https, and not a bare www. or a www. word', () => {
    expect(links('go to www.example.com/x, then WWW.Example.org.')).toEqual([
      ['www.example.com/x', 'https://www.example.com/x'],
      ['WWW.Example.org', 'https://www.example.org/'],
    ]);
    expect(links('www. and www.example and awww.example.com')).toEqual([]);
  });

  it('keeps e-mail addresses, mailto:, ftp: and protocol-relative URLs as text', () => {
    expect(links('write to ann@example.com or mailto:ann@example.com, ftp://x.org, //evil.example')).toEqual(
      [],
    );
  });

  it('never links a URL hidden behind control or bidi characters, or with credentials', () => {
    expect(links('https://exa\u202emple.com and https://user:pw@evil.example/')).toEqual([]);
  });

  it('drops sentence punctuation and unmatched closing brackets, keeps balanced ones', () => {
    expect(links('(see https://a.example/x_(y)).')).toEqual([
      ['https://a.example/x_(y)', 'https://a.example/x_(y)'],
    ]);
    expect(links('[https://a.example/list[1]]!')).toEqual([
      ['https://a.example/list[1]', 'https://a.example/list[1]'],
    ]);
    expect(links('https://a.example/x?!*~')).toEqual([['https://a.example/x', 'https://a.example/x']]);
  });

  it('finds a link right after Chinese text and ends it at Chinese punctuation', () => {
    expect(links('看这个https://a.example/文档，谢谢')).toEqual([
      ['https://a.example/文档', 'https://a.example/%E6%96%87%E6%A1%A3'],
    ]);
  });

  it('links the start of the issue’s 12 KB probe and keeps the rest as text', () => {
    const text = `http://a${'.)'.repeat(6000)}`;
    const segments = splitLinks(text);
    expect(segments[0]).toEqual({ type: 'link', text: 'http://a', href: 'http://a/' });
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('gives back the whole text, in order, whatever it holds', () => {
    for (const text of ['', 'plain', 'a https://x.example b www.y.example c', 'https://', 'www.']) {
      expect(
        splitLinks(text)
          .map((segment) => segment.text)
          .join(''),
      ).toBe(text);
    }
  });
});
