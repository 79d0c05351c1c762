import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MessageSearch } from './message-search';
import { createSearchFixture, SEARCH_NOW, type SearchFixture } from './message-search-fixtures';

let fixture: SearchFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function renderSearch(height: number) {
  fixture = await createSearchFixture();
  render(
    <ChatProvider store={fixture.store} autoStart={false} now={() => SEARCH_NOW}>
      <div style={{ inlineSize: 380, blockSize: height }}>
        <MessageSearch debounceMs={0} />
      </div>
    </ChatProvider>,
  );
  return screen.getByRole('combobox', { name: 'Search messages' }) as HTMLInputElement;
}

function type(field: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(field: HTMLInputElement, key: string) {
  act(() => {
    field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('MessageSearch in a real browser', () => {
  it('scrolls the results so the one the arrow keys are on stays in view, under the sticky header', async () => {
    const field = await renderSearch(360);
    type(field, 'blue');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(7));
    expect(listbox.scrollHeight).toBeGreaterThan(listbox.clientHeight);
    const options = within(listbox).getAllByRole('option');
    for (const [index, option] of options.entries()) {
      press(field, 'ArrowDown');
      expect(field.getAttribute('aria-activedescendant')).toBe(option.id);
      const box = option.getBoundingClientRect();
      const view = listbox.getBoundingClientRect();
      expect(box.top, `result ${index}`).toBeGreaterThanOrEqual(view.top - 1);
      expect(box.bottom, `result ${index}`).toBeLessThanOrEqual(view.bottom + 1);
    }
    expect(listbox.scrollTop).toBeGreaterThan(0);
    // Back up: each result lands below its group's sticky header, not under it.
    for (const option of options.slice(0, -1).reverse()) {
      press(field, 'ArrowUp');
      const header = option.closest('[role="group"]')?.querySelector('.tidings-message-search-group-header');
      const headerBottom = (header as HTMLElement).getBoundingClientRect().bottom;
      expect(option.getBoundingClientRect().top).toBeGreaterThanOrEqual(headerBottom - 1);
    }
    press(field, 'End');
    for (let i = 0; i < options.length; i++) press(field, 'ArrowDown');
    // The group header of the last result sticks to the top of the scrolled list.
    const lastGroup = options.at(-1)?.closest('[role="group"]') as HTMLElement;
    const header = lastGroup.querySelector('.tidings-message-search-group-header') as HTMLElement;
    expect(header.getBoundingClientRect().top).toBeGreaterThanOrEqual(
      listbox.getBoundingClientRect().top - 1,
    );
  });

  it('paints matches as marks in the accent colours, and the active result with a stronger tint', async () => {
    const field = await renderSearch(560);
    type(field, 'coffee');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(0));
    const mark = listbox.querySelector('mark') as HTMLElement;
    expect(getComputedStyle(mark).backgroundColor).toBe('rgb(234, 241, 254)');
    expect(getComputedStyle(mark).color).toBe('rgb(31, 91, 209)');
    const [first] = within(listbox).getAllByRole('option');
    const before = getComputedStyle(first as HTMLElement).backgroundColor;
    press(field, 'ArrowDown');
    expect(getComputedStyle(first as HTMLElement).backgroundColor).not.toBe(before);
    expect(getComputedStyle(first as HTMLElement).backgroundColor).toBe('rgb(228, 236, 253)');
  });
});
