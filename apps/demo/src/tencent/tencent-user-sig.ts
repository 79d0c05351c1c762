/**
 * A test UserSig made in the browser from the app's secret key, as Tencent's own demos do
 * (`GenerateTestUserSig`): for trying an app out during development only. Anyone holding the secret key
 * can sign in as any user of the app, so a shipped app gets its UserSig from its server instead.
 *
 * The algorithm is Tencent's TLS signature v2 (`tls-sig-api-v2`): an HMAC-SHA256 over
 * `TLS.identifier`, `TLS.sdkappid`, `TLS.time` and `TLS.expire` (one `key:value\n` line each) keyed by the
 * secret key; the fields and that signature as JSON; zlib deflate; base64 with `+ / =` written `* - _`.
 * Here with WebCrypto and `CompressionStream('deflate')`, so it needs no library and no server.
 */

/** Options of {@link generateTestUserSig}. */
export interface TestUserSigOptions {
  /** The app's SDKAppID. */
  SDKAppID: number;
  /** The user to sign in as. */
  userID: string;
  /** The app's secret key, from the Tencent Cloud Chat console. Never ship it. */
  secretKey: string;
  /**
   * How long the UserSig is valid, in seconds.
   * @default 604800 (7 days, as Tencent's demos)
   */
  expireSeconds?: number;
  /**
   * The signing time, in seconds since the epoch.
   * @default now
   */
  time?: number;
}

const USER_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Standard base64 of bytes. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of a zlib (RFC 1950) stream of `text`. */
async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A UserSig for `userID`, signed with the app's secret key in this browser. Rejects with a `RangeError`
 * for an SDKAppID that is not a positive integer, a user ID Tencent would refuse, or an empty key.
 *
 * @example
 * const userSig = await generateTestUserSig({ SDKAppID: 1400000000, userID: 'alice', secretKey });
 */
export async function generateTestUserSig(options: TestUserSigOptions): Promise<string> {
  const { SDKAppID, userID, secretKey } = options;
  const expire = options.expireSeconds ?? 604_800;
  const time = options.time ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(SDKAppID) || SDKAppID <= 0) {
    throw new RangeError('generateTestUserSig: SDKAppID must be a positive integer.');
  }
  if (!USER_ID.test(userID)) {
    throw new RangeError('generateTestUserSig: userID must be 1–32 letters, digits, underscores or dashes.');
  }
  if (secretKey.trim() === '') throw new RangeError('generateTestUserSig: the secret key is empty.');
  if (!Number.isSafeInteger(expire) || expire <= 0) {
    throw new RangeError('generateTestUserSig: expireSeconds must be a positive integer.');
  }
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secretKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signed =
    `TLS.identifier:${userID}\n` +
    `TLS.sdkappid:${SDKAppID}\n` +
    `TLS.time:${time}\n` +
    `TLS.expire:${expire}\n`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(signed)));
  // The field order is the reference implementation's; the server reads the fields by name.
  const document = JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': userID,
    'TLS.sdkappid': SDKAppID,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.sig': base64Of(signature),
  });
  return base64Of(await deflate(document))
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}
