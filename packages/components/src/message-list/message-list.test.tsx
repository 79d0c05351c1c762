import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/index';
import { MessageList } from './message-list';
import { createMessageListFixture, FIXTURE_NOW, type MessageListFixture } from './message-list-fixtures';

let fixture: MessageListFixture | null = null;

// jsdom lays nothing out: give the viewport a size and every row a height, so the virtualizer renders.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(56);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

async function renderList(options: Parameters<typeof createMessageListFixture>[0] = {}) {
  fixture = await createMessageListFixture(options);
  const view = render(
    <ChatProvider store={fixture.store} now={() => FIXTURE_NOW}>
      <div style={{ height: 600 }}>
        <MessageList conversationID={fixture.conversationID} />
      </div>
    </ChatProvider>,
  );
  return { ...view, fixture };
}

describe('MessageList', () => {
  it('is a log named after the conversation', async () => {
    await renderList();
    expect(await screen.findByRole('log', { name: 'Messages with Bob Martin' })).toBeInTheDocument();
  });

  it('shows the messages of the conversation', async () => {
    await renderList();
    expect(await screen.findByText('Thanks so much!')).toBeInTheDocument();
  });

  it('has no axe violations', async () => {
    const { container } = await renderList();
    await screen.findByText('Thanks so much!');
    await expectNoAxeViolations(container);
  }, 20_000);

  it('asks to pick a conversation when none is open', async () => {
    fixture = await createMessageListFixture({ open: false });
    render(
      <ChatProvider store={fixture.store}>
        <MessageList />
      </ChatProvider>,
    );
    expect(screen.getByText('Select a conversation to start chatting')).toBeInTheDocument();
  });

  it('says so when a conversation has no messages', async () => {
    await renderList({ messages: [] });
    await waitFor(() => expect(screen.getByText('No messages yet')).toBeInTheDocument());
  });
});
