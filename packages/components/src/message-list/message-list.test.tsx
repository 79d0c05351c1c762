import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/index';
import { MessageList, type MessageListProps } from './message-list';
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

async function renderList(
  options: Parameters<typeof createMessageListFixture>[0] = {},
  props: Partial<MessageListProps> = {},
) {
  fixture = await createMessageListFixture(options);
  const view = render(
    <ChatProvider store={fixture.store} now={() => FIXTURE_NOW}>
      <div style={{ height: 600 }}>
        <MessageList conversationID={fixture.conversationID} {...props} />
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
    expect(screen.getByText('Say hello to start the conversation')).toBeInTheDocument();
  });

  it('names each message by sender, what it says, time and — for own messages — delivery status', async () => {
    const { fixture: current } = await renderList({}, {});
    await current.bob.markC2CMessageAsRead('alice');
    expect(
      await screen.findByRole('article', { name: 'Bob Martin, Thanks so much!, 15:25' }),
    ).toBeInTheDocument();
    const own = await screen.findByRole('article', { name: 'You, Looks great, approved ✅, 15:01, Read' });
    expect(own).toHaveAttribute('data-own');
    expect(own).toHaveAttribute('data-state', 'read');
    expect(within(own).getByRole('img', { name: 'Read' })).toBeInTheDocument();
  });

  it('separates days with date pills', async () => {
    await renderList();
    const log = await screen.findByRole('log');
    await within(log).findByText('Thanks so much!');
    expect(within(log).getByText('Yesterday')).toBeInTheDocument();
    expect(within(log).getByText('Today')).toBeInTheDocument();
  });

  it('shows the sender’s name once per run in a group', async () => {
    await renderList({
      type: 'group',
      messages: [
        { from: 'carol', text: 'One', minutesAgo: 10 },
        { from: 'carol', text: 'Two', minutesAgo: 9 },
        { from: 'bob', text: 'Three', minutesAgo: 8 },
      ],
    });
    await screen.findByText('Three');
    expect(screen.getAllByText('Carol 王')).toHaveLength(1);
    expect(screen.getAllByText('Bob Martin')).toHaveLength(1);
  });

  it('offers to resend a message that failed, and resends it', async () => {
    const { fixture: current } = await renderList();
    current.alice.setNetworkConditions({ online: false });
    await current.store
      .getState()
      .sendText(current.conversationID, 'Lost in the tunnel')
      .catch(() => {});
    current.alice.setNetworkConditions({ online: true });
    const failed = await screen.findByRole('article', { name: /^You, .*, Failed to send$/ });
    await userEvent.click(within(failed).getByRole('button', { name: 'Resend' }));
    await waitFor(() =>
      expect(screen.getByText('Lost in the tunnel').closest('article')).toHaveAttribute('data-state', 'sent'),
    );
  });

  it('shows recalled messages as lines, and offers to re-edit an own recalled text', async () => {
    const onReEdit = vi.fn();
    const { fixture: current } = await renderList({}, { onReEdit });
    const sent = await current.store.getState().sendText(current.conversationID, 'Wrong chat, sorry');
    await current.store.getState().revokeMessage(sent.msgID);
    expect(await screen.findByText('You recalled a message')).toBeInTheDocument();
    expect(screen.queryByText('Wrong chat, sorry')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Re-edit' }));
    expect(onReEdit).toHaveBeenCalledWith(
      'Wrong chat, sorry',
      expect.objectContaining({ msgID: sent.msgID }),
    );
  });

  it('shows who is typing after the newest message', async () => {
    const { fixture: current } = await renderList();
    await screen.findByText('Thanks so much!');
    current.store.setState((state) => ({
      typing: state.typing.set(current.conversationID, [
        { userID: 'bob', expiresAt: Number.MAX_SAFE_INTEGER },
      ]),
    }));
    expect(await screen.findByText('Bob Martin is typing…')).toBeInTheDocument();
  });

  it('moves focus between messages with the arrow keys, keeping one message in the tab order', async () => {
    await renderList();
    const newest = await screen.findByRole('article', { name: 'Bob Martin, Thanks so much!, 15:25' });
    expect(newest).toHaveAttribute('tabindex', '0');
    newest.focus();
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() =>
      expect(document.activeElement).toHaveAccessibleName(/^You, Looks great, approved ✅, 15:01/),
    );
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    expect(newest).toHaveAttribute('tabindex', '-1');
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toBe(newest));
  });

  it('speaks Chinese when the provider does', async () => {
    fixture = await createMessageListFixture();
    render(
      <ChatProvider store={fixture.store} strings={zhCN} now={() => FIXTURE_NOW}>
        <MessageList conversationID={fixture.conversationID} />
      </ChatProvider>,
    );
    const log = await screen.findByRole('log', { name: '与 Bob Martin 的聊天' });
    expect(await within(log).findByText('今天')).toBeInTheDocument();
  });
});
