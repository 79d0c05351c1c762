import { afterEach, describe, expect, it } from 'vitest';
import {
  formatConversationTime,
  formatDateSeparator,
  formatFullDateTime,
  formatMessageTime,
  isSameDay,
} from './format-time';

// Local times, so the tests hold in any time zone the suite runs in.
const at = (month: number, day: number, hour = 12, minute = 0, year = 2024) =>
  new Date(year, month - 1, day, hour, minute).getTime();
const NOW = at(3, 14, 15, 30); // Thursday, March 14, 2024, 15:30

describe('formatConversationTime', () => {
  it('shows the time for today, as HH:mm', () => {
    expect(formatConversationTime(at(3, 14, 9, 5), NOW, 'en')).toBe('09:05');
    expect(formatConversationTime(at(3, 14, 0, 0), NOW, 'zh-CN')).toBe('00:00');
    expect(formatConversationTime(at(3, 14, 23, 59), NOW, 'en')).toBe('23:59');
  });

  it('says yesterday in words', () => {
    expect(formatConversationTime(at(3, 13, 23, 59), NOW, 'en')).toBe('Yesterday');
    expect(formatConversationTime(at(3, 13, 0, 1), NOW, 'zh-CN')).toBe('昨天');
  });

  it('shows the weekday within the last week', () => {
    expect(formatConversationTime(at(3, 12), NOW, 'en')).toBe('Tue');
    expect(formatConversationTime(at(3, 8), NOW, 'en')).toBe('Fri');
    expect(formatConversationTime(at(3, 12), NOW, 'zh-CN')).toBe('周二');
  });

  it('shows the date without the year earlier this year', () => {
    expect(formatConversationTime(at(3, 7), NOW, 'en')).toBe('Mar 7');
    expect(formatConversationTime(at(1, 2), NOW, 'zh-CN')).toBe('1月2日');
  });

  it('shows the year for other years', () => {
    expect(formatConversationTime(at(12, 31, 12, 0, 2023), NOW, 'en')).toBe('12/31/2023');
    expect(formatConversationTime(at(12, 31, 12, 0, 2023), NOW, 'zh-CN')).toBe('2023/12/31');
  });

  it('reads a time slightly ahead of the clock as today', () => {
    expect(formatConversationTime(NOW + 60_000, NOW, 'en')).toBe('15:31');
  });

  it('shows nothing for a missing time', () => {
    expect(formatConversationTime(0, NOW)).toBe('');
  });
});

describe('formatConversationTime across a daylight saving change', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('still counts calendar days', () => {
    process.env.TZ = 'America/New_York';
    // Clocks sprang forward on March 10, 2024: that day had 23 hours.
    const now = new Date(2024, 2, 11, 0, 30).getTime();
    expect(formatConversationTime(new Date(2024, 2, 10, 0, 10).getTime(), now, 'en')).toBe('Yesterday');
    // Two calendar days back, though fewer than 48 hours: a weekday, not "Yesterday".
    expect(formatConversationTime(new Date(2024, 2, 9, 1, 0).getTime(), now, 'en')).not.toMatch(
      /Yesterday|:/,
    );
  });
});

describe('formatMessageTime', () => {
  it('shows HH:mm', () => {
    expect(formatMessageTime(at(3, 1, 7, 3), 'en')).toBe('07:03');
    expect(formatMessageTime(at(3, 1, 19, 45), 'zh-CN')).toBe('19:45');
    expect(formatMessageTime(0)).toBe('');
  });
});

describe('formatFullDateTime', () => {
  it('spells out the date and time', () => {
    expect(formatFullDateTime(at(3, 12, 21, 5), 'en')).toBe('Tuesday, March 12, 2024 at 21:05');
    expect(formatFullDateTime(at(3, 12, 21, 5), 'zh-CN')).toBe('2024年3月12日星期二 21:05');
  });
});

describe('formatDateSeparator', () => {
  it('says today and yesterday in words', () => {
    expect(formatDateSeparator(at(3, 14, 8), NOW, 'en')).toBe('Today');
    expect(formatDateSeparator(at(3, 13, 8), NOW, 'en')).toBe('Yesterday');
    expect(formatDateSeparator(at(3, 14, 8), NOW, 'zh-CN')).toBe('今天');
    expect(formatDateSeparator(at(3, 13, 8), NOW, 'zh-CN')).toBe('昨天');
  });

  it('shows the weekday within the last week, then the date', () => {
    expect(formatDateSeparator(at(3, 12), NOW, 'en')).toBe('Tuesday');
    expect(formatDateSeparator(at(3, 12), NOW, 'zh-CN')).toBe('星期二');
    expect(formatDateSeparator(at(3, 5), NOW, 'en')).toBe('March 5');
    expect(formatDateSeparator(at(3, 5), NOW, 'zh-CN')).toBe('3月5日');
    expect(formatDateSeparator(at(3, 5, 12, 0, 2022), NOW, 'en')).toBe('March 5, 2022');
    expect(formatDateSeparator(at(3, 5, 12, 0, 2022), NOW, 'zh-CN')).toBe('2022年3月5日');
  });
});

describe('isSameDay', () => {
  it('compares calendar days in the local time zone', () => {
    expect(isSameDay(at(3, 14, 0, 0), at(3, 14, 23, 59))).toBe(true);
    expect(isSameDay(at(3, 13, 23, 59), at(3, 14, 0, 0))).toBe(false);
  });
});
