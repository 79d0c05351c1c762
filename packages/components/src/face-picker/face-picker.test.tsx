import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { FacePicker } from './face-picker';
import { DEFAULT_FACES, type Face, faceName, findFace } from './face-picker-faces';

const faces = (count: number): Face[] =>
  Array.from({ length: count }, (_, index) => ({
    index,
    data: 'test',
    emoji: String(index),
    names: { en: `Face ${index}` },
  }));

describe('FacePicker', () => {
  it('shows every face as a named button in rows of eight', () => {
    render(<FacePicker onSelect={() => {}} />);
    const grid = screen.getByRole('grid', { name: 'Stickers and emoji' });
    const rows = within(grid).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(within(rows[0] as HTMLElement).getAllByRole('gridcell')).toHaveLength(8);
    expect(within(grid).getAllByRole('button')).toHaveLength(DEFAULT_FACES.length);
    expect(screen.getByRole('button', { name: 'Thumbs up' })).toHaveTextContent('👍');
    expect(screen.getByRole('button', { name: 'Thumbs up' })).toHaveAttribute('title', 'Thumbs up');
  });

  it('picks a face on click', async () => {
    const onSelect = vi.fn();
    render(<FacePicker onSelect={onSelect} />);
    await userEvent.click(screen.getByRole('button', { name: 'Red heart' }));
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ index: 24, data: 'default', emoji: '❤️' }),
    );
  });

  it('has one tabbable face, and arrows, Home and End move focus through the grid', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">before</button>
        <FacePicker onSelect={() => {}} faces={faces(10)} columns={4} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveFocus();
    expect(screen.getAllByRole('button').filter((button) => button.tabIndex === 0)).toHaveLength(2);

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Face 1' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Face 5' })).toHaveFocus();
    // The last row holds faces 8 and 9: going down from face 5 lands on the last face.
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Face 9' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Face 9' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Face 5' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'Face 4' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Face 7' })).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(screen.getByRole('button', { name: 'Face 9' })).toHaveFocus();
    await user.keyboard('{PageUp}');
    expect(screen.getByRole('button', { name: 'Face 1' })).toHaveFocus();
    await user.keyboard('{PageDown}');
    expect(screen.getByRole('button', { name: 'Face 9' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Face 9' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveAttribute('tabindex', '-1');
  });

  it('picks the focused face with Enter or Space', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<FacePicker onSelect={onSelect} faces={faces(6)} autoFocus />);
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{Enter}');
    await user.keyboard('{ArrowRight} ');
    expect(onSelect.mock.calls.map(([face]) => face.index)).toEqual([1, 2]);
  });

  it('mirrors left and right in a right-to-left layout', async () => {
    const user = userEvent.setup();
    render(
      <div dir="rtl">
        <FacePicker onSelect={() => {}} faces={faces(6)} autoFocus />
      </div>,
    );
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Face 1' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Face 0' })).toHaveFocus();
  });

  it('names the grid and the faces in the provider’s language', () => {
    render(
      <ChatProvider store={createTestChatStore()} strings={zhCN} autoStart={false}>
        <FacePicker onSelect={() => {}} />
      </ChatProvider>,
    );
    expect(screen.getByRole('grid', { name: '表情' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '赞' })).toHaveTextContent('👍');
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<FacePicker onSelect={() => {}} />);
    await expectNoAxeViolations(container);
  });
});

describe('findFace and faceName', () => {
  it('finds the built-in face of a face element, and nothing for an unknown one', () => {
    expect(findFace(16, 'default')?.emoji).toBe('👍');
    expect(findFace(16, 'other-set')).toBeUndefined();
    expect(findFace(999, 'default')).toBeUndefined();
    expect(findFace(3, 'test', faces(2).concat(faces(5).slice(3)))?.emoji).toBe('3');
  });

  it('names a face by exact locale, then language, then English, then its glyph', () => {
    const thumbs = findFace(16, 'default') as Face;
    expect(faceName(thumbs, 'zh-CN')).toBe('赞');
    expect(faceName(thumbs, 'zh-TW')).toBe('赞');
    expect(faceName(thumbs, 'fr')).toBe('Thumbs up');
    expect(faceName({ index: 0, data: 'x', emoji: '🦊', names: {} }, 'en')).toBe('🦊');
  });

  it('keeps the built-in indexes in order, each with an English and a Chinese name', () => {
    DEFAULT_FACES.forEach((face, position) => {
      expect(face.index).toBe(position);
      expect(face.names.en).toBeTruthy();
      expect(face.names['zh-CN']).toBeTruthy();
    });
  });
});
