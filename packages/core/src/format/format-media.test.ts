import { describe, expect, it } from 'vitest';
import { formatDuration, formatFileSize } from './format-media';

describe('formatFileSize', () => {
  it('shows bytes below a kilobyte', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1023)).toBe('1,023 B');
  });

  it('shows one decimal below ten of a unit and none above', () => {
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatFileSize(1.25 * 1024 ** 3)).toBe('1.3 GB');
  });

  it('moves to the next unit instead of showing 1024 of one', () => {
    expect(formatFileSize(1024 * 1024 - 1)).toBe('1 MB');
  });

  it('reads nonsense sizes as zero', () => {
    expect(formatFileSize(-5)).toBe('0 B');
    expect(formatFileSize(Number.NaN)).toBe('0 B');
  });

  it('writes digits for the locale', () => {
    expect(formatFileSize(1536, 'de')).toBe('1,5 KB');
  });
});

describe('formatDuration', () => {
  it('shows minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(83)).toBe('1:23');
    expect(formatDuration(4.6)).toBe('0:05');
  });

  it('adds hours for long media', () => {
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('reads nonsense lengths as zero', () => {
    expect(formatDuration(-1)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});
