import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MarkAllReadMenu } from '../conversation-actions/conversation-actions';
import {
  createInboxFixture,
  FIXTURE_NOW,
  type ListFixture,
} from '../conversation-list/conversation-list-fixtures';
import { ConversationFilterTabs } from './index';

let fixture: ListFixture | null = null;
afterEach(async () => {
  fixture?.store.getState().destroy();
  await fixture?.hub.close();
  fixture = null;
});

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
async function frames(count = 4) {
  for (let i = 0; i < count; i++) await frame();
}

describe('ConversationFilterTabs in a real browser', () => {
  it('keeps tabs that do not fit reachable: a wheel scrolls them, and fades show only where more tabs are', async () => {
    fixture = await createInboxFixture();
    render(
      <ChatProvider store={fixture.store} now={() => FIXTURE_NOW}>
        <div style={{ width: 280 }}>
          <ConversationFilterTabs value="all" onValueChange={() => {}} end={<MarkAllReadMenu />} />
        </div>
      </ChatProvider>,
    );
    const tablist = screen.getByRole('tablist');
    // Badges make the tabs wider than the bar.
    await within(tablist).findAllByRole('img', { name: /unread/ });
    await frames();
    expect(tablist.scrollWidth).toBeGreaterThan(tablist.clientWidth);
    expect(tablist).toHaveAttribute('data-overflow-end');
    expect(tablist).not.toHaveAttribute('data-overflow-start');

    // A mouse wheel (vertical) over the tabs scrolls them sideways, to the last one.
    tablist.dispatchEvent(new WheelEvent('wheel', { deltaY: 400, bubbles: true, cancelable: true }));
    await frames(8);
    expect(Math.round(tablist.scrollLeft + tablist.clientWidth)).toBeGreaterThanOrEqual(
      tablist.scrollWidth - 1,
    );
    expect(tablist).toHaveAttribute('data-overflow-start');
    expect(tablist).not.toHaveAttribute('data-overflow-end');
    const starred = within(tablist).getByRole('tab', { name: /^Starred/ });
    expect(starred.getBoundingClientRect().right).toBeLessThanOrEqual(
      tablist.getBoundingClientRect().right + 1,
    );
  });
});
