import type { Meta, StoryObj } from '@storybook/react-vite';
import { type Message, selectWindowMessages } from '@tidings/core';
import { createTestMessage } from '@tidings/core/testing';
import { useEffect } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { MessageActions } from './index';

type Loaded = { fixture: MessageListFixture; message: Message };

/** A conversation, and the message of the story: Bob's newest, an own fresh one, or a failed one. */
function load(which: 'received' | 'own' | 'failed') {
  return [
    async (): Promise<Loaded> => {
      const fixture = await createMessageListFixture();
      const { store, conversationID, alice } = fixture;
      if (which === 'own') {
        const message = await store.getState().sendText(conversationID, 'Sent just now');
        return { fixture, message };
      }
      if (which === 'failed') {
        alice.setNetworkConditions({ online: false });
        await store
          .getState()
          .sendText(conversationID, 'Could not send')
          .catch(() => {});
        alice.setNetworkConditions({ online: true });
      }
      const messages = selectWindowMessages(store.getState(), conversationID);
      const message = messages[messages.length - 1] as Message;
      return { fixture, message };
    },
  ];
}

function Frame({ loaded, onReply }: { loaded: Loaded; onReply?: (message: Message) => void }) {
  const { strings, now } = useChatConfig();
  useEffect(() => () => void loaded.fixture.close(), [loaded.fixture]);
  return (
    <ChatProvider store={loaded.fixture.store} strings={strings} now={now}>
      <div className="tidings-message" data-menu-open="" style={{ maxInlineSize: 360 }}>
        <div className="tidings-message-line">
          <div className="tidings-message-bubble">
            {loaded.message.elemList[0]?.type === 'text' && loaded.message.elemList[0].text}
          </div>
          <MessageActions message={loaded.message} {...(onReply && { onReply })} />
        </div>
      </div>
    </ChatProvider>
  );
}

const meta = {
  title: 'Components/MessageActions',
  component: MessageActions,
  args: { message: createTestMessage(), onReply: fn() },
  loaders: load('received'),
  render: (args, { loaded }) => <Frame loaded={loaded as Loaded} onReply={args.onReply} />,
} satisfies Meta<typeof MessageActions>;

export default meta;
type Story = StoryObj<typeof meta>;

async function open(canvasElement: HTMLElement) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Message actions' }));
  return within(document.body).getByRole('menu', { name: 'Message actions' });
}

const names = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

/** Someone else's message: reply, copy, delete. */
export const Received: Story = {
  play: async ({ canvasElement, args }) => {
    const menu = await open(canvasElement);
    await expect(names(menu)).toEqual(['Reply', 'Copy', 'Delete']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Reply' }));
    await expect(args.onReply).toHaveBeenCalled();
  },
};

/** An own message sent moments ago can still be recalled. */
export const OwnRecent: Story = {
  loaders: load('own'),
  play: async ({ canvasElement }) => {
    await expect(names(await open(canvasElement))).toContain('Recall');
  },
};

/** A message that failed to send offers to resend it. */
export const Failed: Story = {
  loaders: load('failed'),
  play: async ({ canvasElement }) => {
    await expect(names(await open(canvasElement))).toContain('Resend');
  },
};

/** Deleting asks first. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const menu = await open(canvasElement);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
    await expect(
      within(document.body).getByRole('alertdialog', { name: 'Delete this message from this device?' }),
    ).toBeInTheDocument();
  },
};
