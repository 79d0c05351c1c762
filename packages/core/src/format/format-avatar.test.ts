import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColorOf, initialsOf } from './format-avatar';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('avatarColorOf', () => {
  it('gives the same ID the same colour every time', () => {
    expect(avatarColorOf('c2c_bob')).toBe(avatarColorOf('c2c_bob'));
    expect(AVATAR_COLORS).toContain(avatarColorOf('c2c_bob'));
    expect(AVATAR_COLORS).toContain(avatarColorOf(''));
  });

  it('gives a person one colour, keyed by their user ID or their one-to-one conversation', () => {
    const people = Array.from({ length: 40 }, (_, i) => `person${i}`);
    for (const userID of people) expect(avatarColorOf(`c2c_${userID}`), userID).toBe(avatarColorOf(userID));
  });

  it('spreads similar IDs over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColorOf(`user${i}`)));
    expect(used.size).toBe(AVATAR_COLORS.length);
  });

  it('keeps white initials readable on every colour (WCAG AA, 4.5:1)', () => {
    for (const color of AVATAR_COLORS) {
      const contrast = (1 + 0.05) / (luminance(color) + 0.05);
      expect(contrast, color).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Alice Smith')).toBe('AS');
    expect(initialsOf('ada augusta lovelace')).toBe('AL');
    expect(initialsOf('  bob  ')).toBe('B');
  });

  it('skips punctuation before a word', () => {
    expect(initialsOf('(Carol) "Dee"')).toBe('CD');
    expect(initialsOf('@dave')).toBe('D');
  });

  it('takes one character of Chinese, Japanese and Korean names', () => {
    expect(initialsOf('张三')).toBe('张');
    expect(initialsOf('さくら')).toBe('さ');
    expect(initialsOf('김민수')).toBe('김');
  });

  it('keeps accented letters and digits', () => {
    expect(initialsOf('émile zola')).toBe('ÉZ');
    expect(initialsOf('42 Team')).toBe('4T');
  });

  it('falls back to the first symbol of a name without letters', () => {
    expect(initialsOf('🦊')).toBe('🦊');
    expect(initialsOf('👩‍💻 ')).toBe('👩‍💻');
    expect(initialsOf('')).toBe('');
  });
});
