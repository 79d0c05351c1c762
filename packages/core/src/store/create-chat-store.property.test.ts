import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { LocalEngine } from '../engine/local/index';
import { orderKeyOf } from '../model/conversation-filter';
import { compareOrderKeys } from '../model/conversation-order';
import { type Conversation, ConversationMarkType } from '../model/types';
import { selectConversation, selectConversationIDs, selectTotalUnread } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const RUNS = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 15);
const PEERS = ['bob', 'carol', 'dave', 'erin'] as const;
const GROUPS = ['group-1', 'group-2'] as const;

type Op =
  | { kind: 'message'; from: (typeof PEERS)[number]; excluded: 'none' | 'unread' | 'last' }
  | { kind: 'groupMessage'; from: (typeof PEERS)[number]; group: (typeof GROUPS)[number] }
  | { kind: 'reply'; to: (typeof PEERS)[number] }
  | { kind: 'pin'; peer: (typeof PEERS)[number]; pinned: boolean }
  | { kind: 'draft'; peer: (typeof PEERS)[number]; text: string | null }
  | { kind: 'mark'; peer: (typeof PEERS)[number]; mark: 1 | 2 | 8; enable: boolean }
  | { kind: 'read'; peer: (typeof PEERS)[number] }
  | { kind: 'readAll'; scope: 'all' | 'c2c' | 'group' }
  | { kind: 'mute'; peer: (typeof PEERS)[number]; opt: 'receive' | 'receiveNotNotify' }
  | { kind: 'delete'; peer: (typeof PEERS)[number] }
  | { kind: 'clear'; peer: (typeof PEERS)[number] }
  | { kind: 'revoke'; from: (typeof PEERS)[number] };

const peer = fc.constantFrom(...PEERS);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('message' as const),
      from: peer,
      excluded: fc.constantFrom('none' as const, 'unread' as const, 'last' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('groupMessage' as const),
      from: peer,
      group: fc.constantFrom(...GROUPS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), to: peer }) },
  fc.record({ kind: fc.constant('pin' as const), peer, pinned: fc.boolean() }),
  fc.record({
    kind: fc.constant('draft' as const),
    peer,
    text: fc.option(fc.constantFrom('later', 'hmm'), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('mark' as const),
    peer,
    mark: fc.constantFrom(1 as const, 2 as const, 8 as const),
    enable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('read' as const), peer }),
  fc.record({
    kind: fc.constant('readAll' as const),
    scope: fc.constantFrom('all' as const, 'c2c' as const, 'group' as const),
  }),
  fc.record({
    kind: fc.constant('mute' as const),
    peer,
    opt: fc.constantFrom('receive' as const, 'receiveNotNotify' as const),
  }),
  fc.record({ kind: fc.constant('delete' as const), peer }),
  fc.record({ kind: fc.constant('clear' as const), peer }),
  fc.record({ kind: fc.constant('revoke' as const), from: peer }),
);

async function apply(op: Op, store: ChatStore, engines: Record<string, LocalEngine>) {
  const actions = store.getState();
  const ignore = () => undefined;
  switch (op.kind) {
    case 'message': {
      const engine = engines[op.from] as LocalEngine;
      const message = await engine.createTextMessage(`from ${op.from}`);
      await engine.sendMessage(message, {
        receiver: 'alice',
        isExcludedFromUnreadCount: op.excluded === 'unread',
        isExcludedFromLastMessage: op.excluded === 'last',
      });
      return;
    }
    case 'groupMessage': {
      const engine = engines[op.from] as LocalEngine;
      const message = await engine.createTextMessage(`to ${op.group}`);
      // Not every peer is in every group; the engine refuses those sends, which is fine here.
      await engine.sendMessage(message, { groupID: op.group }).catch(ignore);
      return;
    }
    case 'reply':
      await actions.sendText(`c2c_${op.to}`, `hi ${op.to}`);
      return;
    case 'pin':
      await actions.pinConversation(`c2c_${op.peer}`, op.pinned).catch(ignore);
      return;
    case 'draft':
      await actions.saveDraft(`c2c_${op.peer}`, op.text).catch(ignore);
      return;
    case 'mark':
      await actions.markConversation([`c2c_${op.peer}`], op.mark, op.enable).catch(ignore);
      return;
    case 'read':
      await actions.markConversationRead(`c2c_${op.peer}`).catch(ignore);
      return;
    case 'readAll':
      await actions.markAllRead(op.scope);
      return;
    case 'mute':
      await actions.setReceiveMessageOpt(`c2c_${op.peer}`, op.opt).catch(ignore);
      return;
    case 'delete':
      await actions.deleteConversation(`c2c_${op.peer}`).catch(ignore);
      return;
    case 'clear':
      await actions.clearHistory(`c2c_${op.peer}`).catch(ignore);
      return;
    case 'revoke': {
      const engine = engines[op.from] as LocalEngine;
      const { messageList } = await engine.getHistoryMessageList({ conversationID: 'c2c_alice', count: 1 });
      const last = messageList.at(-1);
      if (last?.isSelf && last.status === 'sent') await engine.revokeMessage(last.msgID).catch(ignore);
    }
  }
}

/** What a user sees of the list: the order, and every listed conversation's record. */
function listOf(store: ChatStore): {
  ids: readonly string[];
  records: (Conversation | undefined)[];
  total: number;
} {
  const state = store.getState();
  const ids = selectConversationIDs(state);
  return { ids, records: ids.map((id) => selectConversation(state, id)), total: selectTotalUnread(state) };
}

async function loadAll(store: ChatStore) {
  await store.getState().start();
  while (!store.getState().views['']?.isFinished) await store.getState().loadMoreConversations();
}

describe('createChatStore, property', () => {
  it('fed by events, always equals a fresh store loaded from the same engine, and stays strictly ordered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30, size: 'max' }), async (ops) => {
        const { hub } = await createSeededHub({ users: 5, groups: 2, messagesPerConversation: 3 });
        const engines: Record<string, LocalEngine> = {};
        for (const userID of ['alice', ...PEERS]) engines[userID] = await hub.connect(userID);
        const live = createChatStore(engines.alice as LocalEngine, { conversationPageSize: 3 });
        try {
          await loadAll(live);
          for (const step of ops) {
            await apply(step, live, engines);
            const { ids, records } = listOf(live);
            expect(new Set(ids).size).toBe(ids.length);
            for (let i = 1; i < records.length; i++) {
              const [a, b] = [records[i - 1] as Conversation, records[i] as Conversation];
              expect(compareOrderKeys(orderKeyOf(a), orderKeyOf(b))).toBeLessThan(0);
            }
            expect(records.some((c) => c?.markList.includes(ConversationMarkType.hide))).toBe(false);
            const fresh = createChatStore(engines.alice as LocalEngine, { conversationPageSize: 3 });
            try {
              await loadAll(fresh);
              // Events travel through the hub asynchronously; the live store must arrive at the same list.
              await vi.waitFor(() => expect(listOf(live)).toEqual(listOf(fresh)), {
                timeout: 2000,
                interval: 5,
              });
            } finally {
              fresh.getState().destroy();
            }
          }
        } finally {
          live.getState().destroy();
          await hub.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
