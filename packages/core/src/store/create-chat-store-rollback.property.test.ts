import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../model/types';
import { selectConversation } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatState } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const RUNS = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 15);
const IDS = ['c2c_bob', 'c2c_carol', 'group_group-1'] as const;

type Action =
  | { kind: 'pin'; id: string; pinned: boolean }
  | { kind: 'draft'; id: string; text: string | null }
  | { kind: 'mark'; id: string; mark: 1 | 2; enable: boolean }
  | { kind: 'mute'; id: string; opt: 'receive' | 'receiveNotNotify' }
  | { kind: 'read'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'readAll' };

/** One optimistic action, started while the network is up or down (down makes it fail). */
type Step = { action: Action; offline: boolean; awaitIt: boolean };

const id = fc.constantFrom(...IDS);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('pin' as const), id, pinned: fc.boolean() }),
  fc.record({
    kind: fc.constant('draft' as const),
    id,
    text: fc.option(fc.constantFrom('x', 'later'), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('mark' as const),
    id,
    mark: fc.constantFrom(1 as const, 2 as const),
    enable: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('mute' as const),
    id,
    opt: fc.constantFrom('receive' as const, 'receiveNotNotify' as const),
  }),
  fc.record({ kind: fc.constant('read' as const), id }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({ kind: fc.constant('readAll' as const) }),
);
const step: fc.Arbitrary<Step> = fc.record({ action, offline: fc.boolean(), awaitIt: fc.boolean() });

function start(state: ChatState, a: Action): Promise<void> {
  switch (a.kind) {
    case 'pin':
      return state.pinConversation(a.id, a.pinned);
    case 'draft':
      return state.saveDraft(a.id, a.text);
    case 'mark':
      return state.markConversation([a.id], a.mark, a.enable);
    case 'mute':
      return state.setReceiveMessageOpt(a.id, a.opt);
    case 'read':
      return state.markConversationRead(a.id);
    case 'delete':
      return state.deleteConversation(a.id);
    case 'readAll':
      return state.markAllRead();
  }
}

/** What a user sees of a conversation and what the optimistic actions change. */
function visible(conversation: Conversation | undefined) {
  if (!conversation) return undefined;
  return {
    isPinned: conversation.isPinned,
    draftText: conversation.draftText,
    markList: [...conversation.markList].sort(),
    recvOpt: conversation.recvOpt,
    unreadCount: conversation.unreadCount,
    orderKey: conversation.orderKey,
  };
}

describe('createChatStore, rollback property', () => {
  it('after any interleaving of optimistic actions, some failing, the store shows what the server holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 12 }), async (steps) => {
        const { hub } = await createSeededHub({ users: 4, groups: 1, messagesPerConversation: 3 });
        const alice = await hub.connect('alice');
        const store = createChatStore(alice);
        try {
          await store.getState().start();
          const pending: Promise<unknown>[] = [];
          for (const { action: a, offline, awaitIt } of steps) {
            alice.setNetworkConditions({ online: !offline });
            const running = start(store.getState(), a).catch(() => undefined);
            pending.push(running);
            // Some actions overlap the next ones, some finish first: both orders must end right.
            if (awaitIt) await running;
          }
          await Promise.allSettled(pending);
          alice.setNetworkConditions({ online: true });
          // Another device of the same user reads what the server holds.
          const server = await hub.connect('alice', { deviceID: 'server-view' });
          const { conversationList } = await server.getConversationList(0, 100);
          for (const conversationID of IDS) {
            // A deleted conversation leaves the list; the store must not show it either.
            const truth = visible(conversationList.find((c) => c.conversationID === conversationID));
            await vi.waitFor(
              () => expect(visible(selectConversation(store.getState(), conversationID))).toEqual(truth),
              { timeout: 2000, interval: 10 },
            );
          }
        } finally {
          store.getState().destroy();
          await hub.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
