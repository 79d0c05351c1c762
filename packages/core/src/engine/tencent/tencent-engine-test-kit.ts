import type { AdvancedMsgListener, ConversationListener } from '../../model/types';
import type { SDKListener } from '../chat-engine';
import { createTencentEngine, type TencentEngineOptions } from './tencent-engine';
import { FakeTencentChat } from './tencent-fake-chat';

/** One listener call, by callback name, with its arguments. */
export interface RecordedEvent {
  name: string;
  args: unknown[];
}

const CONVERSATION_CALLBACKS = [
  'onSyncServerStart',
  'onSyncServerFinish',
  'onSyncServerFailed',
  'onNewConversation',
  'onConversationChanged',
  'onConversationDeleted',
  'onTotalUnreadMessageCountChanged',
  'onUnreadMessageCountChangedByFilter',
  'onConversationGroupCreated',
  'onConversationGroupDeleted',
  'onConversationGroupNameChanged',
] as const;
const MESSAGE_CALLBACKS = [
  'onRecvNewMessage',
  'onRecvMessageRevoked',
  'onRecvC2CReadReceipt',
  'onRecvMessageModified',
  'onSendProgress',
] as const;
const SDK_CALLBACKS = ['onConnectionStateChanged', 'onSelfInfoUpdated'] as const;

function recorder<L>(names: readonly string[], log: RecordedEvent[]): L {
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => log.push({ name, args })]),
  ) as unknown as L;
}

/**
 * A fake SDK with `alice` signed in, an engine over it, and every listener call recorded in `events`.
 * Tests for the Tencent engine share it.
 */
export function setupTencent(options: Partial<TencentEngineOptions> = {}) {
  const chat = new FakeTencentChat('alice');
  const engine = createTencentEngine(chat, { userID: 'alice', ...options });
  const events: RecordedEvent[] = [];
  engine.addConversationListener(recorder<ConversationListener>(CONVERSATION_CALLBACKS, events));
  engine.addAdvancedMsgListener(recorder<AdvancedMsgListener>(MESSAGE_CALLBACKS, events));
  engine.addSDKListener(recorder<SDKListener>(SDK_CALLBACKS, events));
  /** The recorded calls of one callback, and forget everything recorded so far. */
  const take = (name?: string): RecordedEvent[] => {
    const taken = name === undefined ? [...events] : events.filter((event) => event.name === name);
    events.length = 0;
    return taken;
  };
  return { chat, engine, events, take };
}

/** IDs of the conversations an event delivered. */
export function idsOf(event: RecordedEvent | undefined): string[] {
  const list = event?.args[0];
  return Array.isArray(list) ? list.map((item) => (item as { conversationID: string }).conversationID) : [];
}
