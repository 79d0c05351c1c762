/** A run of a text message: plain text, or a link to an http(s) URL. */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// Scheme, then anything up to whitespace, quotes, angle brackets or CJK punctuation (a URL followed by
// "，谢谢" ends before the comma).
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`，。！？、；：（）【】「」『』《》…]+/giu;
// Punctuation that ends a sentence rather than the URL.
const TRAILING = /[.,;:!?*_~]+$/u;

function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING, '');
  // A closing bracket belongs to the URL only when it opens one too ("wiki/Foo_(bar)").
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) {
      url = url.slice(0, -1).replace(TRAILING, '');
    }
  }
  return url;
}

/** The URL as an href when it is a well-formed http(s) URL; null otherwise. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits a text into plain runs and links. Only `http://` and `https://` URLs become links (never
 * `javascript:`, `data:` or anything else); the text itself is never interpreted as HTML.
 *
 * @example
 * splitLinks('PR: https://example.com/pr/42.');
 * // [{ type: 'text', text: 'PR: ' }, { type: 'link', text: 'https://example.com/pr/42', href: '…' },
 * //  { type: 'text', text: '.' }]
 */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    segments.push({ type: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}

const EMOJI_ONLY =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3|\s)+$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * How many emoji a text is made of, when it is nothing but one to three emoji (shown large, as chat apps
 * do); 0 otherwise.
 *
 * @example
 * emojiOnlyCount('👍'); // 1
 * emojiOnlyCount('ok 👍'); // 0
 */
export function emojiOnlyCount(text: string): number {
  const trimmed = text.trim();
  if (!trimmed || !EMOJI_ONLY.test(trimmed) || !PICTOGRAPH.test(trimmed)) return 0;
  const graphemes =
    typeof Intl.Segmenter === 'function'
      ? [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(trimmed.replace(/\s+/gu, ''))]
          .length
      : Array.from(trimmed.replace(/\s+/gu, '')).length;
  return graphemes <= 3 ? graphemes : 0;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const STRONG_CHAR = /[\p{L}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/**
 * The direction of a text by its first strong character (as `dir="auto"` decides it), or null when it
 * has none (digits, emoji, punctuation).
 *
 * @example
 * textDirection('שלום world'); // 'rtl'
 * textDirection('hello שלום'); // 'ltr'
 */
export function textDirection(text: string): 'ltr' | 'rtl' | null {
  const first = STRONG_CHAR.exec(text)?.[0];
  if (!first) return null;
  return RTL_CHAR.test(first) ? 'rtl' : 'ltr';
}
