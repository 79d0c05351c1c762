import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChatStore } from '@tidings/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { ConversationList } from './conversation-list';
import { createLargeFixture, FIXTURE_NOW, type ListFixture } from './conversation-list-fixtures';

const now = () => FIXTURE_NOW;
let fixture: ListFixture | null = null;

afterEach(async () => {
  fixture?.store.getState().destroy();
  await fixture?.hub.close();
  fixture = null;
});

function renderList(store: ChatStore, height = 432) {
  render(
    <ChatProvider store={store} now={now}>
      <ConversationList style={{ blockSize: height, inlineSize: 360 }} />
    </ChatProvider>,
  );
  return screen.getByRole('grid', { name: 'Conversations' });
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The first row whose top edge is at or below the grid's top edge, and where it is on screen. */
function firstVisibleRow(grid: HTMLElement): { name: string; top: number } {
  const gridTop = grid.getBoundingClientRect().top;
  const rows = within(grid)
    .getAllByRole('row')
    .map((row) => ({ name: row.getAttribute('aria-label') ?? '', top: row.getBoundingClientRect().top }))
    .filter((row) => row.top >= gridTop - 0.5)
    .sort((a, b) => a.top - b.top);
  return rows[0] as { name: string; top: number };
}

async function sendFrom(peer: string, text: string) {
  const engine = await (fixture as ListFixture).hub.connect(peer);
  await engine.sendMessage(await engine.createTextMessage(text), { receiver: 'alice' });
}

describe('ConversationList in a browser', () => {
  it('keeps the rows the user reads in place when a conversation above them moves', async () => {
    fixture = await createLargeFixture(300);
    const grid = renderList(fixture.store);
    grid.scrollTop = 72 * 100 + 30;
    await frame();
    const before = firstVisibleRow(grid);
    expect(before.name).toMatch(/^Peer 10[12],/);

    // Peer 250 is far below: its new message moves it to the top, and every row above it shifts by one.
    await sendFrom('peer-250', 'Hello from below');
    await waitFor(() => expect(fixture?.store.getState().views['']?.order.at(0)).toBe('c2c_peer-250'));
    await frame();
    const after = firstVisibleRow(grid);
    expect(after.name).toBe(before.name);
    expect(after.top).toBeCloseTo(before.top, 0);
  });

  it('shows new activity at the top when the user is at the top', async () => {
    fixture = await createLargeFixture(50);
    const grid = renderList(fixture.store);
    await sendFrom('peer-40', 'Back at the top');
    await waitFor(() => expect(within(grid).getAllByRole('row')[0]).toHaveAccessibleName(/^Peer 40,/));
    expect(grid.scrollTop).toBe(0);
  });

  it('keeps focus on a row that moves to the top', async () => {
    fixture = await createLargeFixture(50);
    const grid = renderList(fixture.store);
    const row = within(grid).getByRole('row', { name: /^Peer 5,/ });
    row.focus();
    await sendFrom('peer-05', 'Still focused?');
    await waitFor(() => expect(row).toHaveAttribute('aria-rowindex', '1'));
    expect(row).toHaveFocus();
  });

  it('moves focus by keyboard, scrolling the rows into view, and opens with Enter', async () => {
    const user = userEvent.setup();
    fixture = await createLargeFixture(200);
    const grid = renderList(fixture.store);
    const first = within(grid).getByRole('row', { name: /^Peer 1,/ });
    expect(first).toHaveAttribute('tabindex', '0');
    await user.click(first);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(grid).getByRole('row', { name: /^Peer 3,/ })).toHaveFocus();
    await user.keyboard('{PageDown}');
    const paged = document.activeElement as HTMLElement;
    expect(Number(paged.getAttribute('aria-rowindex'))).toBeGreaterThan(5);
    await user.keyboard('{End}');
    await waitFor(() => expect(within(grid).getByRole('row', { name: /^Peer 200,/ })).toHaveFocus());
    const last = within(grid).getByRole('row', { name: /^Peer 200,/ });
    const box = last.getBoundingClientRect();
    const gridBox = grid.getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(gridBox.bottom + 1);
    await user.keyboard('{Enter}');
    expect(last).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    await waitFor(() => expect(within(grid).getByRole('row', { name: /^Peer 1,/ })).toHaveFocus());
    // Only one row is a tab stop.
    expect(grid.querySelectorAll('[role="row"][tabindex="0"]')).toHaveLength(1);
  });

  it('pulls the next pages as the user scrolls to the end', async () => {
    fixture = await createLargeFixture(10);
    const hub = fixture.hub;
    fixture.store.getState().destroy();
    await hub.close();
    const { createChatStore } = await import('@tidings/core');
    const { createLocalHub } = await import('@tidings/core/local');
    const { seedConversations } = await import('@tidings/core/testing');
    const big = await createLocalHub({ users: ['alice'] });
    await seedConversations(big, 'alice', 130);
    const store = createChatStore(await big.connect('alice'), { conversationPageSize: 20 });
    fixture = { hub: big, engine: await big.connect('alice'), store };
    const grid = renderList(store);
    await waitFor(() => expect(Number(grid.getAttribute('aria-rowcount'))).toBeGreaterThanOrEqual(20));
    for (let i = 0; i < 12 && Number(grid.getAttribute('aria-rowcount')) < 130; i++) {
      grid.scrollTop = grid.scrollHeight;
      await waitFor(() => expect(grid).not.toHaveAttribute('aria-busy'));
      await frame();
    }
    expect(grid).toHaveAttribute('aria-rowcount', '130');
    expect(store.getState().views['']?.isFinished).toBe(true);
  });
});

describe('ConversationList on a touch screen', () => {
  it('opens a row’s actions with a long press, without opening the conversation', async () => {
    fixture = await createLargeFixture(40);
    const { store } = fixture;
    const grid = renderList(store);
    const row = (await within(grid).findAllByRole('row'))[1] as HTMLElement;
    const box = row.getBoundingClientRect();
    const at = { clientX: box.left + 120, clientY: box.top + 30, pointerType: 'touch', bubbles: true };
    row.dispatchEvent(new PointerEvent('pointerdown', at));
    await new Promise((resolve) => setTimeout(resolve, 650));
    await waitFor(() => expect(screen.getByRole('menu')).toBeVisible(), { timeout: 3000 });
    row.dispatchEvent(new PointerEvent('pointerup', at));
    row.dispatchEvent(new MouseEvent('click', at));
    await frame();
    expect(store.getState().activeConversationID).toBeNull();
    expect(screen.getByRole('menu')).toBeVisible();
  });
});
