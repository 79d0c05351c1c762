/**
 * Avatar background colours: distinct hues, each with a contrast of at least 4.5:1 (WCAG AA) against the
 * white initials drawn on it, in light and dark themes alike.
 */
export const AVATAR_COLORS: readonly string[] = [
  '#D9363E', // red
  '#C2410C', // orange
  '#A16207', // gold
  '#15803D', // green
  '#0F766E', // teal
  '#0369A1', // sky
  '#2563EB', // blue
  '#4F46E5', // indigo
  '#7C3AED', // violet
  '#A21CAF', // fuchsia
  '#BE185D', // pink
  '#475569', // slate
];

/** FNV-1a over UTF-16 code units: cheap and spreads similar IDs (`user1`, `user2`) over the palette. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stable avatar colour for an ID (user, group or conversation): the same ID always gets the same colour
 * from {@link AVATAR_COLORS}, on every device. A one-to-one conversation's ID (`c2c_<userID>`) gets its
 * person's colour, so one person has one colour everywhere: sign-in, contacts, the list, the chat.
 *
 * @example
 * avatarColorOf('c2c_bob'); // e.g. '#0F766E', the same as avatarColorOf('bob')
 */
export function avatarColorOf(id: string): string {
  const key = id.startsWith('c2c_') ? id.slice(4) : id;
  return AVATAR_COLORS[hashOf(key) % AVATAR_COLORS.length] as string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Scripts whose names read as one unit: one character is the initial. */
const SINGLE_INITIAL_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function firstGrapheme(text: string): string {
  if (typeof Intl.Segmenter === 'function') {
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      return segment;
    }
    return '';
  }
  return Array.from(text)[0] ?? '';
}

/**
 * Up to two initials for an avatar without an image: the first letters of the first and last words
 * (`Alice Smith` → `AS`, `bob` → `B`), one character for Chinese, Japanese and Korean names
 * (`张三` → `张`), and the first symbol when a name has no letters (`🦊` → `🦊`).
 *
 * @example
 * initialsOf('Ada Lovelace'); // 'AL'
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const initials: string[] = [];
  for (const word of words) {
    const letter = word.match(LETTER_OR_DIGIT)?.[0];
    if (letter) initials.push(letter);
  }
  const first = initials[0];
  if (first === undefined) return firstGrapheme(name.trim());
  if (SINGLE_INITIAL_SCRIPT.test(first)) return first;
  const last = initials.length > 1 ? initials[initials.length - 1] : '';
  return `${first}${last && !SINGLE_INITIAL_SCRIPT.test(last) ? last : ''}`.toLocaleUpperCase();
}
