// Intl formatters of the string tables, built on first use: a `new Intl.*` at module top level is a side
// effect a bundler must keep, which pulled every locale's table (and zh-CN's list format) into an inbox that
// shows only English. Cached per locale because a list formats hundreds of rows.
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** `count` written the way `locale` writes integers (`1,234`). */
export function formatCount(locale: string, count: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(count);
}

/** Names joined the way `locale` lists them (`A, B and C`). */
export function formatList(locale: string, names: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(names);
}
