const DAY_MS = 86_400_000;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** Intl formatters are costly to build and a list formats hundreds of times; keep one per locale + style. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function relativeDay(locale: string, days: number): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  const text = format.format(days, 'day');
  // "yesterday" starts a label of its own, so it takes a capital where the language has them.
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function startOfDay(timestamp: number): number {
  const date = new Date(timestamp);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Calendar days from `timestamp` to `now` in the local time zone (1 = yesterday); DST-safe. */
function daysBetween(timestamp: number, now: number): number {
  return Math.round((startOfDay(now) - startOfDay(timestamp)) / DAY_MS);
}

function isValidTime(timestamp: number): boolean {
  return Number.isFinite(timestamp) && timestamp > 0;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Whether two times fall on the same calendar day in the local time zone (for date separators).
 *
 * @example
 * isSameDay(new Date(2024, 2, 5, 9).getTime(), new Date(2024, 2, 5, 23).getTime()); // true
 */
export function isSameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

/**
 * The time at the end of a conversation row, in the local time zone: today → `09:05`; yesterday →
 * `Yesterday` / `昨天`; the five days before → the weekday (`Tue` / `周二`); earlier this year → `Mar 5` /
 * `3月5日`; another year → `3/5/2023` / `2023/3/5`. `''` for a missing time (0).
 *
 * @param timestamp Milliseconds since the epoch.
 * @param now The current time, milliseconds since the epoch.
 * @param locale BCP 47 tag. @default 'en'
 * @example
 * formatConversationTime(message.timestamp, Date.now(), 'zh-CN'); // '昨天'
 */
export function formatConversationTime(timestamp: number, now: number, locale = 'en'): string {
  if (!isValidTime(timestamp)) return '';
  const days = daysBetween(timestamp, now);
  // A time slightly ahead of the local clock (server skew) still reads as today.
  if (days <= 0) return dateFormat(locale, TIME).format(timestamp);
  if (days === 1) return relativeDay(locale, -1);
  if (days < 7) return dateFormat(locale, { weekday: 'short' }).format(timestamp);
  if (new Date(timestamp).getFullYear() === new Date(now).getFullYear()) {
    return dateFormat(locale, { month: 'short', day: 'numeric' }).format(timestamp);
  }
  return dateFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(timestamp);
}

/**
 * The time of a message, `HH:mm` in the local time zone. `''` for a missing time (0).
 *
 * @param timestamp Milliseconds since the epoch.
 * @param locale BCP 47 tag. @default 'en'
 */
export function formatMessageTime(timestamp: number, locale = 'en'): string {
  return isValidTime(timestamp) ? dateFormat(locale, TIME).format(timestamp) : '';
}

/**
 * The full date and time of a message, for a tooltip or an accessible name:
 * `Tuesday, March 5, 2024 at 21:05` / `2024年3月5日星期二 21:05`.
 *
 * @param timestamp Milliseconds since the epoch.
 * @param locale BCP 47 tag. @default 'en'
 */
export function formatFullDateTime(timestamp: number, locale = 'en'): string {
  if (!isValidTime(timestamp)) return '';
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' }).format(timestamp);
}

/**
 * The label of a date separator in a message list: `Today`, `Yesterday`, a weekday within the last week
 * (`Tuesday` / `星期二`), a date this year (`March 5` / `3月5日`) or with the year (`March 5, 2023` /
 * `2023年3月5日`). `''` for a missing time (0).
 *
 * @param timestamp Milliseconds since the epoch.
 * @param now The current time, milliseconds since the epoch.
 * @param locale BCP 47 tag. @default 'en'
 */
export function formatDateSeparator(timestamp: number, now: number, locale = 'en'): string {
  if (!isValidTime(timestamp)) return '';
  const days = daysBetween(timestamp, now);
  if (days <= 1) return relativeDay(locale, days === 1 ? -1 : 0);
  if (days < 7) return dateFormat(locale, { weekday: 'long' }).format(timestamp);
  if (new Date(timestamp).getFullYear() === new Date(now).getFullYear()) {
    return dateFormat(locale, { month: 'long', day: 'numeric' }).format(timestamp);
  }
  return dateFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(timestamp);
}
