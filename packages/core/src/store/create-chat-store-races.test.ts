import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatEngine } from '../engine/chat-engine';
import type { LocalHub } from '../engine/local/index';
import type { Message } from '../model/types';
import { createSeededHub } from '../testing/index';
import type { ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

/**
 * Answers that events overtake: a page of conversations is read while a message arrives in one of them,
 * and the engine's answer (read before the message) must not put the older copy back.
 */

const open: { hub: LocalHub; store: ChatStore }[] = [];

afterEach(async () => {
  for (const { hub, store } of open.splice(0)) {
    store.getState().destroy();
    await hub.close();
  }
});

const textOf = (message: Message | null | undefined) =>
  message?.elemList[0]?.type === 'text' ? message.elemList[0].text : undefined;

describe('createChatStore, events that overtake a read', () => {
  it('keeps a message that arrives while the next page is loading, instead of the page’s older copy', async () => {
    const { hub } = await createSeededHub({ users: 6, groups: 0, messagesPerConversation: 1 });
    const alice = await hub.connect('alice');
    let hold: Promise<void> | null = null;
    // The engine reads the page at once and answers only when the test lets it: the answer is older
    // than whatever happens in between.
    const engine = new Proxy(alice, {
      get(target, key, receiver) {
        if (key === 'getConversationList')
          return async (nextSeq: number, count: number) => {
            const page = await target.getConversationList(nextSeq, count);
            if (hold) await hold;
            return page;
          };
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as ChatEngine;
    const store = createChatStore(engine, { conversationPageSize: 2 });
    open.push({ hub, store });
    await store.getState().start();
    // The first conversation of the second page.
    const onPageTwo = (await alice.getConversationList(0, 100)).conversationList[2];
    if (!onPageTwo?.userID) throw new Error('a one-to-one conversation on the second page');
    expect(store.getState().conversations.get(onPageTwo.conversationID)).toBeUndefined();

    let release: () => void = () => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const loading = store.getState().loadMoreConversations();
    await vi.waitFor(() => expect(store.getState().views['']?.status).toBe('loading'));
    // Let the engine's page be read first (it is held after the read).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const peer = await hub.connect(onPageTwo.userID);
    await peer.sendMessage(await peer.createTextMessage('newer than the page'), { receiver: 'alice' });
    await vi.waitFor(() =>
      expect(textOf(store.getState().conversations.get(onPageTwo.conversationID)?.lastMessage)).toBe(
        'newer than the page',
      ),
    );
    release();
    await loading;
    expect(textOf(store.getState().conversations.get(onPageTwo.conversationID)?.lastMessage)).toBe(
      'newer than the page',
    );
    expect(store.getState().conversations.get(onPageTwo.conversationID)?.unreadCount).toBe(
      onPageTwo.unreadCount + 1,
    );
  });
});
