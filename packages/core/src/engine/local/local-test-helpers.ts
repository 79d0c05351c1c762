import { ChatError, type ChatErrorCode } from '../../model/chat-error';
import type {
  AdvancedMsgListener,
  Conversation,
  ConversationListener,
  Message,
  UnreadFilter,
} from '../../model/types';
import type { SDKListener } from '../chat-engine';
import type { LocalEngine } from './local-engine';
import { createLocalHub, type LocalHub, type LocalHubOptions } from './local-hub';

/** Shared setup for the local engine's tests (not part of the public API). */

/** A clock tests move by hand. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** A clock starting at `start` that only moves when told. */
export function createTestClock(start = 1_700_000_000_000): TestClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

/** A hub with alice, bob, carol and dave, a fake clock, and no rate limits unless asked. */
export async function createTestHub(
  options: LocalHubOptions = {},
): Promise<{ hub: LocalHub; clock: TestClock }> {
  const clock = createTestClock();
  const hub = await createLocalHub({
    now: clock.now,
    rateLimits: false,
    users: [
      { userID: 'alice', nick: 'Alice', faceUrl: '' },
      { userID: 'bob', nick: 'Bob', faceUrl: '' },
      { userID: 'carol', nick: 'Carol', faceUrl: '' },
      { userID: 'dave', nick: 'Dave', faceUrl: '' },
    ],
    ...options,
  });
  return { hub, clock };
}

/** Sends a text message and waits for it. */
export async function sendText(
  engine: LocalEngine,
  text: string,
  target: { receiver?: string; groupID?: string },
  options: Omit<Parameters<LocalEngine['sendMessage']>[1], 'receiver' | 'groupID'> = {},
): Promise<Message> {
  return engine.sendMessage(await engine.createTextMessage(text), { ...target, ...options });
}

/** The first text of a message. */
export function textOf(message: Message | null | undefined): string | undefined {
  const elem = message?.elemList.find((item) => item.type === 'text');
  return elem?.type === 'text' ? elem.text : undefined;
}

/** Pages through the whole list (or a filter) from nextSeq 0 until isFinished. */
export async function pullAll(
  engine: LocalEngine,
  count = 7,
  filter?: Omit<Parameters<LocalEngine['getConversationListByFilter']>[0], 'nextSeq' | 'count'>,
): Promise<Conversation[]> {
  const out: Conversation[] = [];
  let nextSeq = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = filter
      ? await engine.getConversationListByFilter({ ...filter, nextSeq, count })
      : await engine.getConversationList(nextSeq, count);
    out.push(...page.conversationList);
    if (page.isFinished) return out;
    nextSeq = page.nextSeq;
  }
  throw new Error('pullAll: the list never finished');
}

/** Everything an engine's listeners heard, in order. */
export interface Recorded {
  events: { name: string; args: unknown[] }[];
  named(name: string): unknown[][];
  clear(): void;
}

/** Attaches a listener for every event and records what fires. */
export function record(engine: LocalEngine): Recorded {
  const events: Recorded['events'] = [];
  const push =
    (name: string) =>
    (...args: unknown[]) => {
      events.push({ name, args });
    };
  const conversation: Required<ConversationListener> = {
    onSyncServerStart: push('onSyncServerStart'),
    onSyncServerFinish: push('onSyncServerFinish'),
    onSyncServerFailed: push('onSyncServerFailed'),
    onNewConversation: push('onNewConversation'),
    onConversationChanged: push('onConversationChanged'),
    onConversationDeleted: push('onConversationDeleted'),
    onTotalUnreadMessageCountChanged: push('onTotalUnreadMessageCountChanged'),
    onUnreadMessageCountChangedByFilter: push('onUnreadMessageCountChangedByFilter') as (
      filter: UnreadFilter,
      total: number,
    ) => void,
    onConversationGroupCreated: push('onConversationGroupCreated'),
    onConversationGroupDeleted: push('onConversationGroupDeleted'),
    onConversationGroupNameChanged: push('onConversationGroupNameChanged'),
  };
  const message: Required<AdvancedMsgListener> = {
    onRecvNewMessage: push('onRecvNewMessage'),
    onRecvMessageRevoked: push('onRecvMessageRevoked'),
    onRecvC2CReadReceipt: push('onRecvC2CReadReceipt'),
    onRecvMessageModified: push('onRecvMessageModified'),
    onMessagesDeleted: push('onMessagesDeleted'),
    onSendProgress: push('onSendProgress'),
  };
  const sdk: Required<SDKListener> = {
    onConnectionStateChanged: push('onConnectionStateChanged'),
    onSelfInfoUpdated: push('onSelfInfoUpdated'),
  };
  engine.addConversationListener(conversation);
  engine.addAdvancedMsgListener(message);
  engine.addSDKListener(sdk);
  return {
    events,
    named: (name) => events.filter((event) => event.name === name).map((event) => event.args),
    clear: () => {
      events.length = 0;
    },
  };
}

/** Waits until queued deliveries (microtasks and zero-delay timers) ran. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `condition` holds (polling), or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The ChatError a promise rejects with; fails when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<ChatError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChatError) return error;
    throw new Error(`expected a ChatError, got ${String(error)}`);
  }
  throw new Error('expected the call to reject');
}

/** Asserts a promise rejects with a ChatError of `code`, returning it. */
export async function expectCode(promise: Promise<unknown>, code: ChatErrorCode): Promise<ChatError> {
  const error = await rejection(promise);
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  return error;
}

let hubCounter = 0;

/** A hub (database) name no other test of the run uses, so persisted tests never see each other's data. */
export function uniqueName(label: string): string {
  hubCounter++;
  return `${label}-${hubCounter}-${Math.random().toString(36).slice(2)}`;
}
