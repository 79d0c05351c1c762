/**
 * What a URL is about to be used for. An app's {@link UrlPolicy} gets it, so it can, say, let links go
 * anywhere on the web but load pictures only from its own CDN.
 *
 * - `link`: an `<a href>` the user opens (a URL in a message's text).
 * - `map`: the link a location opens (built by the app's `mapLinkBuilder`).
 * - `image`, `video`, `audio`: bytes shown or played in the page (`<img>`, `<video>`, `new Audio`).
 * - `avatar`: a user's or group's picture.
 * - `download`: bytes saved as a file (a file message, or "Download" on a picture, video or voice message).
 */
export type UrlPurpose = 'link' | 'map' | 'image' | 'video' | 'audio' | 'avatar' | 'download';

/**
 * An app's narrowing of the kit's URL policy: return `false` to refuse a URL. It only ever sees URLs the
 * kit already allows (https, http, same-origin blob and same-origin relative URLs, resolved), so it can
 * narrow the policy but never widen it. A policy that throws refuses.
 *
 * @example
 * const onlyOurCdn: UrlPolicy = (url, purpose) => purpose === 'link' || url.hostname.endsWith('.mycdn.com');
 */
export type UrlPolicy = (url: URL, purpose: UrlPurpose) => boolean;

/** Options of {@link safeUrl}. */
export interface SafeUrlOptions {
  /**
   * What the URL is for; passed to `policy`.
   * @default 'link'
   */
  purpose?: UrlPurpose;
  /**
   * The page's URL, which relative URLs resolve against and whose origin they and `blob:` URLs must have.
   * `null` for none (on a server): relative URLs then come back as a path, `blob:` URLs are refused.
   * @default globalThis.location.href, when there is one
   */
  base?: string | URL | null;
  /** The app's narrowing ({@link UrlPolicy}); it cannot let through what the kit refuses. */
  policy?: UrlPolicy | null | undefined;
}

/** Longer URLs are refused: no media backend needs one, and each would cost its length in every render. */
export const MAX_URL_LENGTH = 8192;

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'blob:']);

// C0 and C1 controls, DEL, line and paragraph separators, and bidi overrides: the URL parser silently drops
// tabs and newlines ("java\tscript:" is `javascript:`), and bidi controls make a link read as another.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const OBFUSCATION = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

// Resolves relative URLs where there is no page (server rendering); never returned as such.
const PLACEHOLDER_BASE = 'https://tidings.invalid/';

function pageBase(base: SafeUrlOptions['base']): URL | null {
  if (base === null) return null;
  const raw = base ?? (globalThis as { location?: { href?: string } }).location?.href;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function parseAbsolute(input: string): URL | null {
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

/**
 * The kit's one URL policy. Returns the URL to put into an `href`, `src`, `new Audio()` or a download when
 * it may be used, or `null` when it must not (render it as text or a placeholder instead).
 *
 * Allowed: absolute `https:` and `http:` URLs without credentials; `blob:` URLs of the page's own origin;
 * relative URLs that stay on the page's origin (returned as an absolute URL, or as a path where there is
 * no page). Then `policy`, when given, may still refuse.
 *
 * Refused: anything that is not a string; every other scheme, whatever its case (`javascript:`, `data:`
 * including `data:image/svg+xml`, `vbscript:`, `file:`, `mailto:`…); control characters, invisible or
 * bidi characters and surrounding whitespace anywhere (`"java\tscript:…"`); relative URLs that leave the
 * page's origin (`//evil.example`, `/\evil.example`); `user:password@` URLs; URLs longer than
 * {@link MAX_URL_LENGTH}.
 *
 * @example
 * safeUrl('https://cdn.example/a.png', { purpose: 'image' }); // 'https://cdn.example/a.png'
 * safeUrl('javascript:alert(1)'); // null
 * safeUrl('https://evil.example/x.png', { policy: (url) => url.hostname === 'cdn.example' }); // null
 */
export function safeUrl(input: unknown, options: SafeUrlOptions = {}): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_URL_LENGTH) return null;
  if (OBFUSCATION.test(input) || input.trim() !== input) return null;
  const base = pageBase(options.base);
  const absolute = parseAbsolute(input);
  let url: URL;
  let href: string;
  if (absolute) {
    url = absolute;
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
    // A blob URL's origin is the one that made it; another origin's (or an opaque one's) is not ours.
    if (url.protocol === 'blob:' && (!base || url.origin !== base.origin)) return null;
    href = url.href;
  } else {
    const resolveAgainst = base ?? new URL(PLACEHOLDER_BASE);
    try {
      url = new URL(input, resolveAgainst);
    } catch {
      return null;
    }
    // "//evil.example/x" and "/\evil.example" parse as relative but leave the page.
    if (url.origin !== resolveAgainst.origin) return null;
    href = base ? url.href : `${url.pathname}${url.search}${url.hash}`;
  }
  if (url.username || url.password) return null;
  const { policy } = options;
  if (policy) {
    try {
      // A copy, so a policy that edits the URL it was given cannot change what is used.
      if (policy(new URL(url.href), options.purpose ?? 'link') !== true) return null;
    } catch {
      return null;
    }
  }
  return href;
}
