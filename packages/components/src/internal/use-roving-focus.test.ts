import { describe, expect, it } from 'vitest';
import { rovingTarget } from './use-roving-focus';

// Rows 0..9 where 0, 4 and 7 are separators that take no focus (as a message list's date lines).
const isFocusable = (index: number) => ![0, 4, 7].includes(index);
const move = (key: string, from: number, page = 3) => rovingTarget(key, from, 10, { page, isFocusable });

describe('rovingTarget', () => {
  it('moves up and down one focusable row, over separators', () => {
    expect(move('ArrowDown', 3)).toBe(5);
    expect(move('ArrowUp', 5)).toBe(3);
    expect(move('ArrowUp', 1)).toBe(-1);
    expect(move('ArrowDown', 9)).toBe(-1);
  });

  it('pages by focusable rows and stops at the last one', () => {
    expect(move('PageDown', 1)).toBe(5);
    expect(move('PageDown', 6, 5)).toBe(9);
    expect(move('PageUp', 9)).toBe(5);
    expect(move('PageUp', 3, 10)).toBe(1);
  });

  it('goes to the first and the last focusable row', () => {
    expect(move('Home', 8)).toBe(1);
    expect(move('End', 2)).toBe(9);
    expect(rovingTarget('End', 0, 0, { page: 1 })).toBe(-1);
  });

  it('takes every row as focusable when told nothing, and ignores other keys', () => {
    expect(rovingTarget('ArrowDown', -1, 3, { page: 1 })).toBe(0);
    expect(rovingTarget('Home', 2, 3, { page: 1 })).toBe(0);
    expect(rovingTarget('Enter', 1, 3, { page: 1 })).toBeUndefined();
  });
});
