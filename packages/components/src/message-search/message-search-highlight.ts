/** A run of text that does (`match`) or does not match a search keyword. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keywordPattern(keywords: readonly string[]): RegExp | null {
  const words = [...new Set(keywords.map((word) => word.trim()).filter(Boolean))];
  if (words.length === 0) return null;
  // Longer keywords first, so "new york" wins over "new" where both match.
  words.sort((a, b) => b.length - a.length);
  return new RegExp(words.map(escapeRegExp).join('|'), 'giu');
}

/**
 * Splits text into runs that match the keywords (case-insensitively) and runs that do not, for rendering
 * matches as `<mark>` without ever treating the text as HTML.
 *
 * @example
 * splitMatches('See you at Blue Bottle', ['blue']);
 * // [{ text: 'See you at ', match: false }, { text: 'Blue', match: true }, { text: ' Bottle', match: false }]
 */
export function splitMatches(text: string, keywords: readonly string[]): HighlightPart[] {
  const pattern = keywordPattern(keywords);
  if (!pattern || text === '') return text === '' ? [] : [{ text, match: false }];
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (found[0] === '') continue;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * The part of a long text worth showing in a result: whitespace collapsed, starting a little before the
 * first match (with an ellipsis when text was cut), so the match is visible in one or two lines.
 *
 * @param context How many characters to keep before the first match. @default 24
 */
export function snippetAround(text: string, keywords: readonly string[], context = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = keywordPattern(keywords);
  const first = pattern ? flat.search(pattern) : -1;
  if (first <= context) return flat;
  // Start at a word boundary where there is one close by, not in the middle of a word.
  let start = first - context;
  const space = flat.indexOf(' ', start);
  if (space !== -1 && space < first) start = space + 1;
  return `…${flat.slice(start)}`;
}
