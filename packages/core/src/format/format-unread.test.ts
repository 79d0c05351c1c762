import { describe, expect, it } from 'vitest';
import { formatUnreadCount } from './format-unread';

describe('formatUnreadCount', () => {
  it('shows nothing when nothing is unread', () => {
    expect(formatUnreadCount(0)).toBe('');
    expect(formatUnreadCount(-3)).toBe('');
    expect(formatUnreadCount(Number.NaN)).toBe('');
  });

  it('shows the count up to 99', () => {
    expect(formatUnreadCount(1)).toBe('1');
    expect(formatUnreadCount(99)).toBe('99');
  });

  it('caps larger counts at 99+', () => {
    expect(formatUnreadCount(100)).toBe('99+');
    expect(formatUnreadCount(123_456)).toBe('99+');
    expect(formatUnreadCount(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('takes another cap when asked', () => {
    expect(formatUnreadCount(1000, 999)).toBe('999+');
    expect(formatUnreadCount(12, 9)).toBe('9+');
  });
});
