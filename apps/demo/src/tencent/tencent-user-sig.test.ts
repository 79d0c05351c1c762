import { createHmac } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateTestUserSig } from './tencent-user-sig';

// A made-up key (not any app's): the generator must never meet a real one outside a developer's browser.
const KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const TIME = 1_700_000_000;

/** Tencent's `tls-sig-api-v2` (Node) algorithm, with node:crypto and node:zlib: the reference to match. */
function referenceUserSig(SDKAppID: number, userID: string, key: string, expire: number, time: number) {
  const sig = createHmac('sha256', key)
    .update(`TLS.identifier:${userID}\nTLS.sdkappid:${SDKAppID}\nTLS.time:${time}\nTLS.expire:${expire}\n`)
    .digest('base64');
  const document = {
    'TLS.ver': '2.0',
    'TLS.identifier': userID,
    'TLS.sdkappid': SDKAppID,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.sig': sig,
  };
  return deflateSync(Buffer.from(JSON.stringify(document)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}

/** Reads a UserSig back: un-escape, base64, inflate, JSON. */
function decode(userSig: string): Record<string, unknown> {
  const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  return JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
}

describe('generateTestUserSig', () => {
  it('makes the same UserSig as the reference algorithm', async () => {
    const made = await generateTestUserSig({
      SDKAppID: 1_400_000_000,
      userID: 'alice',
      secretKey: KEY,
      time: TIME,
    });
    expect(made).toBe(referenceUserSig(1_400_000_000, 'alice', KEY, 604_800, TIME));
  });

  it('carries the fields and an HMAC-SHA256 of them that the server can check', async () => {
    const made = await generateTestUserSig({
      SDKAppID: 20_000_001,
      userID: 'bob_2',
      secretKey: KEY,
      expireSeconds: 3600,
      time: TIME,
    });
    expect(made).toMatch(/^[A-Za-z0-9*_-]+$/);
    const document = decode(made);
    expect(document).toMatchObject({
      'TLS.ver': '2.0',
      'TLS.identifier': 'bob_2',
      'TLS.sdkappid': 20_000_001,
      'TLS.time': TIME,
      'TLS.expire': 3600,
    });
    const expected = createHmac('sha256', KEY)
      .update(`TLS.identifier:bob_2\nTLS.sdkappid:20000001\nTLS.time:${TIME}\nTLS.expire:3600\n`)
      .digest('base64');
    expect(document['TLS.sig']).toBe(expected);
    const otherKey = await generateTestUserSig({
      SDKAppID: 20_000_001,
      userID: 'bob_2',
      secretKey: `${KEY}0`,
      expireSeconds: 3600,
      time: TIME,
    });
    expect(decode(otherKey)['TLS.sig']).not.toBe(expected);
  });

  it('refuses a bad SDKAppID, user ID or key', async () => {
    const base = { SDKAppID: 1_400_000_000, userID: 'alice', secretKey: KEY };
    await expect(generateTestUserSig({ ...base, SDKAppID: 0 })).rejects.toThrow(RangeError);
    await expect(generateTestUserSig({ ...base, SDKAppID: 1.5 })).rejects.toThrow(RangeError);
    await expect(generateTestUserSig({ ...base, userID: '' })).rejects.toThrow(RangeError);
    await expect(generateTestUserSig({ ...base, userID: 'a b' })).rejects.toThrow(RangeError);
    await expect(generateTestUserSig({ ...base, userID: 'x'.repeat(33) })).rejects.toThrow(RangeError);
    await expect(generateTestUserSig({ ...base, secretKey: ' ' })).rejects.toThrow(RangeError);
  });
});
