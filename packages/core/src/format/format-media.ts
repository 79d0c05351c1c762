const SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count for people, in binary steps with the usual short units: `512 B`, `1.5 KB`, `12 MB`.
 * One decimal below 10 of a unit, none above; digits follow the locale.
 *
 * @param bytes Size in bytes; negative and non-finite sizes read as 0.
 * @param locale BCP 47 tag for the digits. @default 'en'
 * @example
 * formatFileSize(1536); // '1.5 KB'
 */
export function formatFileSize(bytes: number, locale = 'en'): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KB rounds to "1024 KB"; show the next unit instead.
  if (unit > 0 && unit < SIZE_UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${text} ${SIZE_UNITS[unit]}`;
}

/**
 * A media length as a clock: `0:05`, `1:23`, `1:02:03`.
 *
 * @param seconds Length in seconds, rounded to the nearest second; negative and non-finite read as 0.
 * @example
 * formatDuration(83); // '1:23'
 */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${minutes}:${pad(secs)}`;
}
