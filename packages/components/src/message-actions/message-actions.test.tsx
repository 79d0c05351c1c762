import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Message } from '@tidings/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/index';
import { MessageList } from '../message-list/index';
import {
  createMessageListFixture,
  FIXTURE_NOW,
  type MessageListFixture,
} from '../message-list/message-list-fixtures';
import { EVERY_TYPE, EVERY_TYPE_MEDIA } from '../message-list/message-list-story-data';
import { MessageActions } from './index';
import { copyableText } from './use-message-actions';

let fixture: MessageListFixture;
afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
});

function messagesOf(current: MessageListFixture): Message[] {
  const ids = current.store.getState().windows[current.conversationID]?.messageIDs ?? [];
  return ids.map((id) => current.store.getState().messages.get(id) as Message);
}

function messageWithText(current: MessageListFixture, text: string): Message {
  const found = messagesOf(current).find((message) => copyableText(message) === text);
  if (!found) throw new Error(`no message "${text}"`);
  return found;
}

async function openMenu() {
  await userEvent.click(screen.getByRole('button', { name: 'Message actions' }));
  return screen.getByRole('menu', { name: 'Message actions' });
}

function itemNames(menu: HTMLElement) {
  return within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
}

describe('MessageActions', () => {
  beforeEach(async () => {
    fixture = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
  });

  // The hub's clock starts a minute after FIXTURE_NOW; the UI's clock reads the same.
  const show = (message: Message, props: Partial<Parameters<typeof MessageActions>[0]> = {}) =>
    render(
      <ChatProvider store={fixture.store} now={() => FIXTURE_NOW + 90_000}>
        <MessageActions message={message} {...props} />
      </ChatProvider>,
    );

  it('offers reply, copy and delete for a received text', async () => {
    show(messageWithText(fixture, 'Here is everything from the trip 🏔️'), { onReply: () => {} });
    expect(itemNames(await openMenu())).toEqual(['Reply', 'Copy', 'Delete']);
  });

  it('offers to recall an own message within the recall window, and recalls it', async () => {
    const sent = await fixture.store.getState().sendText(fixture.conversationID, 'Oops');
    show(sent);
    const menu = await openMenu();
    expect(itemNames(menu)).toContain('Recall');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Recall' }));
    await waitFor(() => expect(fixture.store.getState().messages.get(sent.msgID)?.status).toBe('revoked'));
  });

  it('no longer offers recall once the recall window has passed', async () => {
    const own = messageWithText(
      fixture,
      'Those photos are amazing — send me the full set? https://example.com/album',
    );
    show(own, { revokeWindowMs: 1000 });
    expect(itemNames(await openMenu())).not.toContain('Recall');
  });

  it('copies the text and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    show(messageWithText(fixture, 'Here is everything from the trip 🏔️'));
    await userEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('Here is everything from the trip 🏔️');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));
    vi.unstubAllGlobals();
  });

  it('offers to save pictures and files', async () => {
    const file = messagesOf(fixture).find((message) => message.elemList[0]?.type === 'file') as Message;
    show(file);
    expect(itemNames(await openMenu())).toEqual(['Download', 'Delete']);
  });

  it('resends a failed message', async () => {
    fixture.alice.setNetworkConditions({ online: false });
    const failed = await fixture.store
      .getState()
      .sendText(fixture.conversationID, 'Will fail')
      .then(
        () => null,
        () => messagesOf(fixture).find((message) => message.status === 'failed') ?? null,
      );
    fixture.alice.setNetworkConditions({ online: true });
    show(failed as Message);
    const menu = await openMenu();
    expect(itemNames(menu)).toEqual(['Copy', 'Resend', 'Delete']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Resend' }));
    await waitFor(() =>
      expect(fixture.store.getState().messages.get((failed as Message).msgID)?.status).toBe('sent'),
    );
  });

  it('deletes a message only after the user confirms', async () => {
    const message = messageWithText(fixture, 'Here is everything from the trip 🏔️');
    show(message);
    await userEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this message from this device?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fixture.store.getState().messages.get(message.msgID)).toBeDefined();

    await userEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Delete' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fixture.store.getState().messages.get(message.msgID)).toBeUndefined());
  });

  it('calls onReply with the message', async () => {
    const onReply = vi.fn();
    const message = messageWithText(fixture, 'Here is everything from the trip 🏔️');
    show(message, { onReply });
    await userEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Reply' }));
    expect(onReply).toHaveBeenCalledWith(message);
  });

  it('has no axe violations with its menu open', async () => {
    const { container } = show(messageWithText(fixture, 'Here is everything from the trip 🏔️'));
    await openMenu();
    await expectNoAxeViolations(container);
  });
});

describe('MessageActions in a MessageList', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(56);
  });

  it('opens from the focused message with Shift+F10 and gives focus back to it on Escape', async () => {
    fixture = await createMessageListFixture();
    render(
      <ChatProvider store={fixture.store}>
        <MessageList conversationID={fixture.conversationID} />
      </ChatProvider>,
    );
    const [newest] = (await screen.findAllByRole('article', {
      name: /^Bob Martin, .*15:25/,
    })) as HTMLElement[];
    (newest as HTMLElement).focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu', { name: 'Message actions' });
    await waitFor(() => expect(menu.contains(document.activeElement)).toBe(true));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(newest));
  });
});
