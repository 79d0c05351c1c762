import { safeUrl, type UrlPolicy } from '@tidings/core';

/** A run of a text message: plain text, or a link to an http(s) URL. */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// A URL starts with http(s):// or "www." after a word boundary (so "看这个https://…" links, "xhttps://"
// does not) and runs to whitespace, quotes, angle brackets or CJK punctuation (a URL followed by "，谢谢"
// ends before the comma). One greedy character class: the scan is linear, whatever the text.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`，。！？、；：（）【】「」『』《》…]+/giu;
// Punctuation that ends a sentence rather than the URL.
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '*', '_', '~']);
const CLOSING: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/**
 * The URL without the sentence punctuation after it; a closing bracket stays only while the URL has more
 * of its opening one ("wiki/Foo_(bar)"). One pass from the end with the brackets counted once: trimming
 * `'http://a' + '.)'.repeat(6000)` is as fast as reading it.
 */
function trimUrl(candidate: string): string {
  const open: Record<string, number> = { '(': 0, '[': 0 };
  const close: Record<string, number> = { ')': 0, ']': 0 };
  for (let i = 0; i < candidate.length; i++) {
    const char = candidate[i] as string;
    if (char === '(' || char === '[') open[char] = (open[char] ?? 0) + 1;
    else if (char === ')' || char === ']') close[char] = (close[char] ?? 0) + 1;
  }
  let end = candidate.length;
  while (end > 0) {
    const char = candidate[end - 1] as string;
    const opener = CLOSING[char];
    if (TRAILING.has(char)) {
      end--;
    } else if (opener !== undefined && (close[char] ?? 0) > (open[opener] ?? 0)) {
      close[char] = (close[char] ?? 0) - 1;
      end--;
    } else {
      break;
    }
  }
  return candidate.slice(0, end);
}

/**
 * The URL as an href when it is a well-formed http(s) URL the URL policy allows (`safeUrl` from
 * `@tidings/core`, purpose `link`, narrowed by `policy`); null otherwise.
 */
export function safeHref(url: string, policy?: UrlPolicy | null): string | null {
  if (!/^https?:/iu.test(url)) return null;
  return safeUrl(url, { purpose: 'link', base: null, policy });
}

/**
 * Splits a text into plain runs and links, in time linear in its length. Only `http://` and `https://`
 * URLs, and `www.` hosts (linked as `https://`), become links — never `javascript:`, `data:`, `mailto:` or
 * anything else; e-mail addresses stay text (the URL policy has no `mailto:`). A URL the policy (the
 * kit's, narrowed by `policy`) refuses stays text. The text itself is never interpreted as HTML.
 *
 * @example
 * splitLinks('PR: https://example.com/pr/42.');
 * // [{ type: 'text', text: 'PR: ' }, { type: 'link', text: 'https://example.com/pr/42', href: '…' },
 * //  { type: 'text', text: '.' }]
 */
export function splitLinks(text: string, policy?: UrlPolicy | null): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    const isWww = url.length > 4 && url.slice(0, 4).toLowerCase() === 'www.';
    // "www." alone, or "www.example" without a dot after the host's first label, is not a link.
    if (isWww && !/^www\.[^./?#]+\.[^./?#]/iu.test(url)) continue;
    const href = safeHref(isWww ? `https://${url}` : url, policy);
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
