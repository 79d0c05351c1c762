import { act, renderHook } from '@testing-library/react';
import { type ChatStore, selectConversation } from '@tidings/core';
import { createTestConversation } from '@tidings/core/testing';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { useChatStoreByID } from './use-chat-store-by-id';

function wrapperOf(store: ChatStore) {
  return ({ children }: { children: ReactNode }) => <ChatProvider store={store}>{children}</ChatProvider>;
}

describe('useChatStoreByID', () => {
  it('follows the record of the given ID, and another one when the ID changes', () => {
    const alpha = createTestConversation({ conversationID: 'c2c_alpha', showName: 'Alpha' });
    const beta = createTestConversation({ conversationID: 'c2c_beta', showName: 'Beta' });
    const store = createTestChatStore({ conversations: [alpha, beta] });
    let renders = 0;
    const { result, rerender } = renderHook(
      ({ id }) => {
        renders++;
        return useChatStoreByID(selectConversation, id);
      },
      { wrapper: wrapperOf(store), initialProps: { id: 'c2c_alpha' } },
    );
    expect(result.current?.showName).toBe('Alpha');

    // A change to another conversation does not render this one again.
    const before = renders;
    act(() => {
      const conversations = store.getState().conversations.set('c2c_beta', { ...beta, showName: 'Beta 2' });
      store.setState({ conversations });
    });
    expect(renders).toBe(before);

    rerender({ id: 'c2c_beta' });
    expect(result.current?.showName).toBe('Beta 2');
  });
});
