import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  type ChatStore,
  createChatStore,
  type Message,
  selectConversation,
  selectTypingUsers,
  selectWindowMessages,
} from '@tidings/core';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/chat-provider';
import { Composer, type ComposerProps } from './composer';
import { type ComposerFixture, createComposerFixture, createTestFile } from './composer-fixtures';
import { utf8ByteLength } from './composer-limits';

let fixture: ComposerFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function setup(hubOptions: Parameters<typeof createComposerFixture>[0] = {}) {
  fixture = await createComposerFixture(hubOptions);
  return fixture;
}

function renderComposer(
  store: ChatStore,
  props: ComposerProps = {},
  strings = undefined as typeof zhCN | undefined,
) {
  const ui = (extra: ComposerProps) => (
    <ChatProvider store={store} autoStart={false} {...(strings && { strings })}>
      <Composer draftDelayMs={20} {...props} {...extra} />
    </ChatProvider>
  );
  const result = render(ui({}));
  return { ...result, rerenderWith: (extra: ComposerProps) => result.rerender(ui(extra)) };
}

const field = () => screen.getByRole('textbox', { name: 'Message' });
const lastMessage = (store: ChatStore, conversationID = 'c2c_bob') =>
  selectWindowMessages(store.getState(), conversationID).at(-1);
const draftOf = (store: ChatStore, conversationID = 'c2c_bob') =>
  selectConversation(store.getState(), conversationID)?.draftText;

describe('Composer: writing and sending', { timeout: 20_000 }, () => {
  it('sends the text on Enter, empties the field and reports the sent message', async () => {
    const { store } = await setup();
    const onSend = vi.fn();
    const user = userEvent.setup();
    renderComposer(store, { onSend });
    await user.type(field(), '  Hello Bob  {Enter}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(onSend.mock.calls[0]?.[0]).toMatchObject({ conversationID: 'c2c_bob' });
    expect(lastMessage(store)).toMatchObject({
      status: 'sent',
      elemList: [{ type: 'text', text: 'Hello Bob' }],
    });
  });

  it('breaks the line on Shift+Enter without sending', async () => {
    const { store } = await setup();
    const sendText = vi.spyOn(store.getState(), 'sendText');
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'one{Shift>}{Enter}{/Shift}two');
    expect(field()).toHaveValue('one\ntwo');
    expect(sendText).not.toHaveBeenCalled();
  });

  it('never sends the Enter that confirms an IME composition', async () => {
    const { store } = await setup();
    const sendText = vi.spyOn(store.getState(), 'sendText');
    renderComposer(store);
    fireEvent.change(field(), { target: { value: 'nihao' } });
    fireEvent.compositionStart(field());
    fireEvent.keyDown(field(), { key: 'Enter', keyCode: 229, isComposing: true });
    fireEvent.compositionEnd(field(), { data: '你好' });
    // Safari ends the composition first, then sends the confirming keydown as keyCode 229.
    fireEvent.keyDown(field(), { key: 'Enter', keyCode: 229 });
    expect(sendText).not.toHaveBeenCalled();
    fireEvent.keyDown(field(), { key: 'Enter', keyCode: 13 });
    expect(sendText).toHaveBeenCalledWith('c2c_bob', 'nihao');
  });

  it('sends on Ctrl+Enter and breaks the line on Enter when asked to', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { sendKey: 'mod-enter' });
    expect(field()).toHaveAccessibleDescription('Ctrl+Enter to send, Enter for a new line');
    await user.type(field(), 'a{Enter}b');
    expect(field()).toHaveValue('a\nb');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(lastMessage(store)?.elemList[0]).toEqual({ type: 'text', text: 'a\nb' }));
  });

  it('keeps Send disabled until there is something to send, and keeps focus in the field after a click', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    await user.type(field(), '   ');
    expect(send).toBeDisabled();
    await user.type(field(), 'hi');
    expect(send).toBeEnabled();
    await user.click(send);
    expect(field()).toHaveFocus();
    expect(field()).toHaveValue('');
    expect(send).toBeDisabled();
    await waitFor(() => expect(lastMessage(store)?.elemList[0]).toEqual({ type: 'text', text: 'hi' }));
  });

  it('describes the keys that send, in the provider’s language', async () => {
    const { store } = await setup();
    renderComposer(store, {}, zhCN);
    const textbox = screen.getByRole('textbox', { name: '消息' });
    expect(textbox).toHaveAccessibleDescription('Enter 发送，Shift+Enter 换行');
    expect(textbox).toHaveAttribute('placeholder', '输入消息…');
    expect(textbox).toHaveAttribute('enterkeyhint', 'send');
  });
});

describe('Composer: drafts', { timeout: 20_000 }, () => {
  it('touches nothing in the store while the user types', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 60_000, typingStatus: 'off' });
    const changes = vi.fn();
    const unsubscribe = store.subscribe(changes);
    await user.type(field(), 'See you at 5');
    expect(changes).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('saves no draft while the user types or deletes, so the conversation keeps its place', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 20 });
    const orderKey = selectConversation(store.getState(), 'c2c_bob')?.orderKey;
    await user.type(field(), 'See you at 5');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(draftOf(store)).toBeNull();
    await user.clear(field());
    await user.tab();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(draftOf(store)).toBeNull();
    expect(selectConversation(store.getState(), 'c2c_bob')?.orderKey).toBe(orderKey);
  });

  it('keeps unsaved text safe in the tab, and a reload after a crash brings it back into the field', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 20 });
    await user.type(field(), 'almost lost');
    await waitFor(() => expect(sessionStorage.getItem('tidings:draft:alice:c2c_bob')).toBe('almost lost'));
    expect(draftOf(store)).toBeNull();

    // A crash: the page is gone without unmounting, blurring or hiding; only the tab's storage remains.
    const reloaded = createChatStore(await hub.connect('alice'));
    await reloaded.getState().start();
    await reloaded.getState().openConversation('c2c_bob');
    render(
      <ChatProvider store={reloaded} autoStart={false}>
        <Composer label="After the crash" />
      </ChatProvider>,
    );
    const restored = screen.getByRole('textbox', { name: 'After the crash' });
    await waitFor(() => expect(restored).toHaveValue('almost lost'));
    await user.click(restored);
    await user.tab();
    await waitFor(() => expect(draftOf(reloaded)).toBe('almost lost'));
    expect(sessionStorage.getItem('tidings:draft:alice:c2c_bob')).toBeNull();
    reloaded.getState().destroy();
  });

  it('saves the draft when the page is hidden', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 60_000 });
    await user.type(field(), 'switching apps');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    visibility.mockRestore();
    await waitFor(() => expect(draftOf(store)).toBe('switching apps'));
  });

  it('saves the draft when the field loses focus', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 60_000 });
    await user.type(field(), 'half a thought');
    expect(draftOf(store)).toBeNull();
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('half a thought'));
  });

  it('keeps a draft per conversation: switching saves the one left and shows the other’s', async () => {
    const { store } = await setup();
    await act(() => store.getState().saveDraft('c2c_carol', 'for Carol'));
    const user = userEvent.setup();
    const { rerenderWith } = renderComposer(store, { conversationID: 'c2c_bob', draftDelayMs: 60_000 });
    await user.type(field(), 'for Bob');
    rerenderWith({ conversationID: 'c2c_carol' });
    expect(field()).toHaveValue('for Carol');
    await waitFor(() => expect(draftOf(store, 'c2c_bob')).toBe('for Bob'));
    rerenderWith({ conversationID: 'c2c_bob' });
    expect(field()).toHaveValue('for Bob');
  });

  it('follows the open conversation when none is given', async () => {
    const { store } = await setup();
    await act(() => store.getState().saveDraft('c2c_carol', 'hello Carol'));
    renderComposer(store);
    expect(field()).toHaveValue('');
    await act(() => store.getState().openConversation('c2c_carol'));
    expect(field()).toHaveValue('hello Carol');
  });

  it('saves what is waiting when it unmounts', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { unmount } = renderComposer(store, { draftDelayMs: 60_000 });
    await user.type(field(), 'before I go');
    unmount();
    await waitFor(() => expect(draftOf(store)).toBe('before I go'));
  });

  it('restores the draft after a reload (a new session of the same user)', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    const first = renderComposer(store);
    await user.type(field(), 'survives reloads');
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('survives reloads'));
    first.unmount();

    const reloaded = createChatStore(await hub.connect('alice'));
    await reloaded.getState().start();
    await reloaded.getState().openConversation('c2c_bob');
    renderComposer(reloaded);
    expect(field()).toHaveValue('survives reloads');
    reloaded.getState().destroy();
  });

  it('shows a draft put back from elsewhere (another tab, re-edit) unless the user has unsaved text', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 60_000 });
    await act(() => store.getState().saveDraft('c2c_bob', 'recalled text'));
    expect(field()).toHaveValue('recalled text');
    await user.type(field(), '!');
    await act(() => store.getState().saveDraft('c2c_bob', 'from another tab'));
    expect(field()).toHaveValue('recalled text!');
  });

  it('clears the draft only once the text was sent', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'slow news');
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('slow news'));
    await user.click(field());
    hub.setNetworkConditions({ latencyMs: 150 }, 'alice');
    await user.keyboard('{Enter}');
    expect(field()).toHaveValue('');
    expect(draftOf(store)).toBe('slow news');
    await waitFor(() => expect(lastMessage(store)?.status).toBe('sent'));
    await waitFor(() => expect(draftOf(store)).toBeNull());
  });

  it('does not clear the draft while its text is still being sent', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store, { draftDelayMs: 60_000 });
    await user.type(field(), 'hello');
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('hello'));
    hub.setNetworkConditions({ latencyMs: 200 }, 'alice');
    await user.click(field());
    await user.keyboard('{Enter}x{Backspace}');
    await user.tab();
    expect(lastMessage(store)?.status).toBe('sending');
    expect(draftOf(store)).toBe('hello');
    await waitFor(() => expect(draftOf(store)).toBeNull());
  });

  it('keeps what the user typed while the text was being sent as the new draft', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'first');
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('first'));
    await user.click(field());
    hub.setNetworkConditions({ latencyMs: 150 }, 'alice');
    await user.keyboard('{Enter}');
    await user.type(field(), 'second');
    await waitFor(() => expect(lastMessage(store)?.status).toBe('sent'));
    await waitFor(() => expect(draftOf(store)).toBe('second'));
    expect(field()).toHaveValue('second');
  });

  it('keeps the text and the draft when a send fails, and says why', async () => {
    const { store, hub } = await setup();
    const onSendError = vi.fn();
    const user = userEvent.setup();
    renderComposer(store, { onSendError });
    await user.type(field(), 'are you there?');
    await user.tab();
    await waitFor(() => expect(draftOf(store)).toBe('are you there?'));
    await user.click(field());
    hub.setNetworkConditions({ online: false }, 'alice');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field()).toHaveValue('are you there?'));
    expect(within(screen.getByRole('alert')).getByText(/Check your connection/)).toBeInTheDocument();
    expect(onSendError).toHaveBeenCalledWith(
      expect.objectContaining({
        conversationID: 'c2c_bob',
        error: expect.objectContaining({ code: 'NETWORK_ERROR' }),
      }),
    );
    expect(draftOf(store)).toBe('are you there?');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('lets go of a failed text once that message is resent from the list, so it is not sent twice', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'second try');
    hub.setNetworkConditions({ online: false }, 'alice');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(lastMessage(store)?.status).toBe('failed'));
    await waitFor(() => expect(field()).toHaveValue('second try'));
    hub.setNetworkConditions({ online: true }, 'alice');
    await act(() => store.getState().resendMessage(lastMessage(store)?.msgID as string));
    await waitFor(() => expect(field()).toHaveValue(''));
    await waitFor(() => expect(draftOf(store)).toBeNull());
    expect(
      selectWindowMessages(store.getState(), 'c2c_bob').filter(
        (m) => m.status === 'sent' && m.elemList[0]?.type === 'text' && m.elemList[0].text === 'second try',
      ),
    ).toHaveLength(1);
  });

  it('keeps a failed text the user edited, even after the message is resent from the list', async () => {
    const { store, hub } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'draft one');
    hub.setNetworkConditions({ online: false }, 'alice');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(lastMessage(store)?.status).toBe('failed'));
    await waitFor(() => expect(field()).toHaveValue('draft one'));
    await user.type(field(), ' and more');
    hub.setNetworkConditions({ online: true }, 'alice');
    await act(() => store.getState().resendMessage(lastMessage(store)?.msgID as string));
    await waitFor(() => expect(lastMessage(store)?.status).toBe('sent'));
    expect(field()).toHaveValue('draft one and more');
  });
});

describe('Composer: typing status', { timeout: 20_000 }, () => {
  it('tells the peer the user is typing, at most once per interval', async () => {
    const { store, bobStore } = await setup();
    const sendTyping = vi.spyOn(store.getState(), 'sendTyping');
    const user = userEvent.setup();
    renderComposer(store, { typingIntervalMs: 60_000 });
    await user.type(field(), 'typing away');
    expect(sendTyping).toHaveBeenCalledTimes(1);
    expect(sendTyping).toHaveBeenCalledWith('c2c_bob');
    await waitFor(() =>
      expect(selectTypingUsers(bobStore.getState(), 'c2c_alice').map((typing) => typing.userID)).toEqual([
        'alice',
      ]),
    );
  });

  it('sends no typing status in groups unless asked to', async () => {
    const { store, groupID } = await setup();
    const sendTyping = vi.spyOn(store.getState(), 'sendTyping');
    const user = userEvent.setup();
    const { rerenderWith } = renderComposer(store, { conversationID: groupID });
    await user.type(field(), 'hi all');
    expect(sendTyping).not.toHaveBeenCalled();
    rerenderWith({ typingStatus: 'all' });
    await user.type(field(), '!');
    expect(sendTyping).toHaveBeenCalledWith(groupID);
  });
});

describe('Composer: attachments', { timeout: 20_000 }, () => {
  it('attaches files from the attach button and sends each as its own message', async () => {
    const { store } = await setup();
    const onSend = vi.fn();
    const user = userEvent.setup();
    const { container } = renderComposer(store, { onSend });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, [
      createTestFile('report.pdf', 2048, 'application/pdf'),
      createTestFile('notes.txt', 10, 'text/plain'),
    ]);
    const list = screen.getByRole('list', { name: 'Attachments' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('report.pdf')).toBeInTheDocument();
    expect(within(list).getByText('2 KB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    const files = selectWindowMessages(store.getState(), 'c2c_bob')
      .slice(-2)
      .map((message) => message.elemList[0]);
    expect(files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'file', fileName: 'report.pdf', fileSize: 2048 }),
        expect.objectContaining({ type: 'file', fileName: 'notes.txt' }),
      ]),
    );
  });

  it('removes a waiting attachment', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container } = renderComposer(store);
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('a.txt', 1, 'text/plain'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove a.txt' }));
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('leaves out a file over the size limit with a clear message, and attaches the rest', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container } = renderComposer(store, { maxFileBytes: 1024, maxImageBytes: 512 });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('huge.zip', 2048, 'application/zip'),
      createTestFile('photo.png', 600, 'image/png'),
      createTestFile('small.txt', 100, 'text/plain'),
    ]);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('“huge.zip” is over the 1 KB limit and wasn’t attached');
    expect(alert).toHaveTextContent('“photo.png” is over the 512 B limit and wasn’t attached');
    expect(within(screen.getByRole('list', { name: 'Attachments' })).getAllByRole('listitem')).toHaveLength(
      1,
    );
  });

  it('attaches pasted files, but lets pasted text with a picture of it paste as text', async () => {
    const { store } = await setup();
    renderComposer(store);
    const image = createTestFile('', 50, 'image/png');
    fireEvent.paste(field(), { clipboardData: { files: [image], getData: () => '' } });
    const list = screen.getByRole('list', { name: 'Attachments' });
    expect(within(list).getByText('image.png')).toBeInTheDocument();
    const fromExcel = fireEvent.paste(field(), {
      clipboardData: { files: [createTestFile('cells.png', 50, 'image/png')], getData: () => 'A1\tB1' },
    });
    expect(fromExcel).toBe(true);
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });

  it('takes dropped files and marks itself while files are dragged over it', async () => {
    const { store } = await setup();
    const { container } = renderComposer(store);
    const form = container.querySelector('form') as HTMLFormElement;
    const dataTransfer = {
      types: ['Files'],
      files: [createTestFile('drop.txt', 5, 'text/plain')],
      dropEffect: 'none',
    };
    fireEvent.dragEnter(form, { dataTransfer });
    expect(form).toHaveAttribute('data-dragging');
    expect(screen.getByText('Drop files to send')).toBeInTheDocument();
    fireEvent.dragEnter(field(), { dataTransfer });
    fireEvent.dragLeave(form, { dataTransfer });
    expect(form).toHaveAttribute('data-dragging');
    fireEvent.drop(field(), { dataTransfer });
    expect(form).not.toHaveAttribute('data-dragging');
    expect(
      within(screen.getByRole('list', { name: 'Attachments' })).getByText('drop.txt'),
    ).toBeInTheDocument();
  });

  it('shows upload progress and cancels an upload, leaving nothing behind', async () => {
    const { store, hub } = await setup({ uploadChunkBytes: 1024 });
    hub.setNetworkConditions({ latencyMs: 20 }, 'alice');
    const user = userEvent.setup();
    const { container } = renderComposer(store);
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('big.bin', 64 * 1024, 'application/octet-stream'),
    ]);
    const before = selectWindowMessages(store.getState(), 'c2c_bob').length;
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const progress = await screen.findByRole('progressbar', { name: 'big.bin' });
    await waitFor(() => expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    expect(progress).toHaveAttribute('aria-valuetext', expect.stringMatching(/^Uploading, \d+%$/));
    await user.click(screen.getByRole('button', { name: 'Cancel upload big.bin' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull());
    await waitFor(() => expect(selectWindowMessages(store.getState(), 'c2c_bob')).toHaveLength(before));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('sends the other files when one fails, and says which one failed', async () => {
    // The engine's own limit is lower than the composer's, so the engine refuses the big file.
    const { store } = await setup({ maxFileBytes: 1000 });
    const onSend = vi.fn();
    const onSendError = vi.fn();
    const user = userEvent.setup();
    const { container } = renderComposer(store, { onSend, onSendError });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('too-big.bin', 4000, 'application/octet-stream'),
      createTestFile('fine.txt', 10, 'text/plain'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('“too-big.bin” wasn’t sent.'));
    expect(onSendError).toHaveBeenCalledWith(
      expect.objectContaining({ error: expect.objectContaining({ code: 'MESSAGE_TOO_LARGE' }) }),
    );
    expect(lastMessage(store)?.elemList[0]).toMatchObject({ type: 'file', fileName: 'fine.txt' });
  });

  it('keeps each conversation’s attachments to itself', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container, rerenderWith } = renderComposer(store, { conversationID: 'c2c_bob' });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('for-bob.txt', 1, 'text/plain'),
    ]);
    rerenderWith({ conversationID: 'c2c_carol' });
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    rerenderWith({ conversationID: 'c2c_bob' });
    expect(screen.getByText('for-bob.txt')).toBeInTheDocument();
  });
});

describe('Composer: text limit', { timeout: 20_000 }, () => {
  it('shows how much of the limit is used near it, and refuses to send over it', async () => {
    const { store } = await setup();
    const sendText = vi.spyOn(store.getState(), 'sendText');
    const user = userEvent.setup();
    renderComposer(store, { maxTextBytes: 20 });
    await user.type(field(), 'twelve chars');
    expect(field()).not.toHaveAccessibleDescription(/of/);
    await user.type(field(), ' and');
    expect(field()).toHaveAccessibleDescription(/16 B of 20 B/);
    expect(field()).not.toHaveAttribute('aria-invalid');
    // Three bytes each: the limit counts UTF-8 bytes, as the engine does.
    await user.type(field(), '好好');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(/too long to send/);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(sendText).not.toHaveBeenCalled();
  });

  it('counts UTF-8 bytes as the engine does', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('好')).toBe(3);
    expect(utf8ByteLength('👍')).toBe(4);
    expect(utf8ByteLength('\ud83d')).toBe(3);
    const sample = 'Hi 你好 👋🏽 ça va?';
    expect(utf8ByteLength(sample)).toBe(new TextEncoder().encode(sample).length);
  });
});

describe('Composer: faces', { timeout: 20_000 }, () => {
  it('opens the face picker with focus on the first face, and inserts the picked emoji at the caret', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.type(field(), 'good job');
    (field() as HTMLTextAreaElement).setSelectionRange(4, 4);
    const button = screen.getByRole('button', { name: 'Stickers and emoji' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const grid = screen.getByRole('grid', { name: 'Stickers and emoji' });
    expect(button).toHaveAttribute('aria-controls', grid.parentElement?.id);
    expect(within(grid).getByRole('button', { name: 'Grinning face' })).toHaveFocus();
    await user.click(within(grid).getByRole('button', { name: 'Thumbs up' }));
    expect(screen.queryByRole('grid')).toBeNull();
    expect(field()).toHaveValue('good👍 job');
    expect(field()).toHaveFocus();
    expect((field() as HTMLTextAreaElement).selectionStart).toBe(4 + '👍'.length);
  });

  it('closes the face picker on Escape and gives focus back to its button', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.click(screen.getByRole('button', { name: 'Stickers and emoji' }));
    await user.keyboard('{ArrowRight}{Escape}');
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stickers and emoji' })).toHaveFocus();
  });

  it('closes the face picker on a click outside it', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderComposer(store);
    await user.click(screen.getByRole('button', { name: 'Stickers and emoji' }));
    await user.click(document.body);
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('sends the picked face as a face message when asked to', async () => {
    const { store } = await setup();
    const onSend = vi.fn();
    const user = userEvent.setup();
    renderComposer(store, { faceAction: 'send', onSend });
    await user.click(screen.getByRole('button', { name: 'Stickers and emoji' }));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(lastMessage(store)?.elemList).toEqual([{ type: 'face', index: 16, data: 'default' }]);
    expect(field()).toHaveValue('');
  });
});

/** A chat view's wiring of replies: the list's `onReply` sets it, the composer clears it. */
function ReplyingComposer({
  store,
  initial,
  ...props
}: { store: ChatStore; initial: Message | null } & ComposerProps) {
  const [replyTo, setReplyTo] = useState<Message | null>(initial);
  return (
    <ChatProvider store={store} autoStart={false}>
      <Composer draftDelayMs={20} replyTo={replyTo} onReplyToChange={setReplyTo} {...props} />
      <output aria-label="Replying to">{replyTo?.msgID ?? 'nothing'}</output>
    </ChatProvider>
  );
}

describe('Composer: replies', { timeout: 20_000 }, () => {
  const quoted = (store: ChatStore) => lastMessage(store) as Message;

  it('quotes the message replied to, takes focus, and sends the text as a reply to it', async () => {
    const { store } = await setup();
    const target = quoted(store);
    const user = userEvent.setup();
    const { container } = render(<ReplyingComposer store={store} initial={target} />);
    expect(container.querySelector('form')).toHaveAttribute('data-replying');
    expect(field()).toHaveFocus();
    expect(field()).toHaveAccessibleDescription(new RegExp(`^Replying to ${target.nick}`));
    await user.keyboard('Agreed{Enter}');
    expect(screen.getByRole('status', { name: 'Replying to' })).toHaveTextContent('nothing');
    await waitFor(() => expect(lastMessage(store)?.status).toBe('sent'));
    const reply = JSON.parse(lastMessage(store)?.cloudCustomData ?? '{}').messageReply;
    expect(reply).toMatchObject({ messageID: target.msgID, messageSender: target.nick });
    expect(lastMessage(store)?.elemList).toEqual([{ type: 'text', text: 'Agreed' }]);
  });

  it('stops replying with the quote’s close button, or Escape in the empty field', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { rerender } = render(<ReplyingComposer store={store} initial={quoted(store)} />);
    await user.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.getByRole('status', { name: 'Replying to' })).toHaveTextContent('nothing');
    rerender(<ReplyingComposer key="again" store={store} initial={quoted(store)} />);
    await user.type(field(), 'x');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status', { name: 'Replying to' })).not.toHaveTextContent('nothing');
    await user.keyboard('{Backspace}{Escape}');
    expect(screen.getByRole('status', { name: 'Replying to' })).toHaveTextContent('nothing');
  });

  it('brings the quote back with the text when the reply could not be sent', async () => {
    const { store, hub } = await setup();
    const target = quoted(store);
    const user = userEvent.setup();
    render(<ReplyingComposer store={store} initial={target} />);
    hub.setNetworkConditions({ online: false }, 'alice');
    await user.keyboard('Agreed{Enter}');
    await waitFor(() => expect(field()).toHaveValue('Agreed'));
    expect(screen.getByRole('status', { name: 'Replying to' })).toHaveTextContent(target.msgID);
  });

  it('shows no quote for a message of another conversation', async () => {
    const { store } = await setup();
    const { container } = render(
      <ReplyingComposer store={store} initial={quoted(store)} conversationID="c2c_carol" />,
    );
    expect(container.querySelector('form')).not.toHaveAttribute('data-replying');
    expect(screen.queryByRole('button', { name: 'Cancel reply' })).toBeNull();
  });
});

describe('Composer: disabled', { timeout: 20_000 }, () => {
  it('says why it is disabled and lets nothing be written, attached or sent', async () => {
    const { store } = await setup();
    const { container } = renderComposer(store, { disabled: true, disabledReason: 'You left this group' });
    expect(field()).toBeDisabled();
    expect(field()).toHaveAttribute('placeholder', 'You left this group');
    expect(field()).toHaveAccessibleDescription('You left this group');
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stickers and emoji' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(container.querySelector('form')).toHaveAttribute('data-disabled');
  });

  it('is disabled while no conversation is open', async () => {
    const { store } = await setup();
    await act(() => store.getState().openConversation(null));
    renderComposer(store);
    expect(field()).toBeDisabled();
    expect(field()).toHaveAccessibleDescription('Select a conversation to start chatting');
  });
});

describe('Composer: accessibility', { timeout: 20_000 }, () => {
  it('has no accessibility violations, with attachments, a notice and the face picker open', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container } = renderComposer(store, { maxFileBytes: 10 });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, [
      createTestFile('ok.txt', 5, 'text/plain'),
      createTestFile('big.txt', 50, 'text/plain'),
    ]);
    await user.type(field(), 'hello');
    await user.click(screen.getByRole('button', { name: 'Stickers and emoji' }));
    await expectNoAxeViolations(container);
  });
});
