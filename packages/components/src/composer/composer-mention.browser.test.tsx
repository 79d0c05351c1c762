import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { Composer } from './composer';
import { type ComposerFixture, createComposerFixture } from './composer-fixtures';

let fixture: ComposerFixture | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

/** Alice's composer in a group she owns with Bob and Carol. */
async function renderGroupComposer() {
  fixture = await createComposerFixture({}, null);
  const group = await fixture.alice.createGroup({ name: 'Mentions', memberUserIDList: ['bob', 'carol'] });
  const conversationID = `group_${group.groupID}`;
  render(
    <div style={{ inlineSize: 560, paddingBlockStart: 320 }}>
      <ChatProvider store={fixture.store} autoStart={false}>
        <Composer conversationID={conversationID} draftDelayMs={60_000} typingStatus="off" />
      </ChatProvider>
    </div>,
  );
  const field = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  field.focus();
  return { field, conversationID, ...fixture };
}

/** Sets the field's text as an IME does while composing: the native setter, then an input event. */
function composeInto(field: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(field, text);
    field.setSelectionRange(text.length, text.length);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: text }));
  });
}

describe('Composer mentions in a group', () => {
  it('opens the member picker on @, writes the picked member as a token and sends atUserList', async () => {
    const { field, conversationID, store, bobStore } = await renderGroupComposer();
    await userEvent.type(field, 'Hi @');
    const picker = await screen.findByRole('listbox', { name: 'Mention someone' });
    // Alice owns the group: "Everyone" comes first.
    await waitFor(() => expect(within(picker).getAllByRole('option')[0]).toHaveAccessibleName(/^Everyone/));
    await userEvent.type(field, 'bo');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(1));
    const bob = within(picker).getByRole('option', { name: /Bob Martin/ });
    expect(field).toHaveAttribute('aria-activedescendant', bob.id);
    await userEvent.keyboard('{Enter}');
    expect(field.value).toBe('Hi @Bob Martin ');
    expect(screen.queryByRole('listbox', { name: 'Mention someone' })).toBeNull();

    await userEvent.type(field, 'look at this{Enter}');
    await waitFor(() => expect(field.value).toBe(''));
    const sent = store.getState().conversations.get(conversationID)?.lastMessage;
    expect(sent?.atUserList).toEqual(['bob']);
    await waitFor(() =>
      expect(bobStore.getState().conversations.get(conversationID)?.groupAtInfoList[0]?.atType).toBe('me'),
    );
  });

  it('deletes a token as one with Backspace, and forgets its mention', async () => {
    const { field, store, conversationID } = await renderGroupComposer();
    await userEvent.type(field, '@car');
    await screen.findByRole('option', { name: /Carol/ });
    await userEvent.keyboard('{Enter}');
    expect(field.value).toBe('@Carol 王 ');
    await userEvent.keyboard('{Backspace}');
    expect(field.value).toBe('');
    await userEvent.type(field, 'Carol 王 plain text{Enter}');
    await waitFor(() =>
      expect(store.getState().conversations.get(conversationID)?.lastMessage?.elemList[0]).toEqual({
        type: 'text',
        text: 'Carol 王 plain text',
      }),
    );
    expect(store.getState().conversations.get(conversationID)?.lastMessage?.atUserList).toEqual([]);
  });

  it('takes no picker action during an IME composition, and filters once it ends', async () => {
    const { field, store, conversationID } = await renderGroupComposer();
    const send = vi.spyOn(store.getState(), 'sendText');
    await userEvent.type(field, '@');
    const picker = await screen.findByRole('listbox', { name: 'Mention someone' });
    await waitFor(() => expect(within(picker).getAllByRole('option').length).toBe(3));

    field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    composeInto(field, '@wang');
    // Enter confirms the IME's candidate: it must neither pick a member nor send.
    act(() => {
      field.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true }),
      );
    });
    composeInto(field, '@王');
    expect(field.value).toBe('@王');
    expect(within(picker).getAllByRole('option').length).toBe(3);
    act(() => {
      field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '王' }));
    });

    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(1));
    expect(within(picker).getByRole('option')).toHaveAccessibleName(/Carol 王/);
    await userEvent.keyboard('{Enter}');
    expect(field.value).toBe('@Carol 王 ');
    expect(send).not.toHaveBeenCalled();
    const last = store.getState().conversations.get(conversationID)?.lastMessage;
    expect(last?.elemList[0]?.type).not.toBe('text');
  });
});
