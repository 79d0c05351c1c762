/**
 * The text of an unread badge: `''` for nothing unread, the count up to `max`, then `'99+'`.
 *
 * @param count Unread messages; zero, negative and non-finite counts show nothing.
 * @param max The largest number shown as is. @default 99
 * @example
 * formatUnreadCount(0); // ''
 * formatUnreadCount(7); // '7'
 * formatUnreadCount(120); // '99+'
 */
export function formatUnreadCount(count: number, max = 99): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  const whole = Math.floor(count);
  return whole > max ? `${max}+` : String(whole);
}
