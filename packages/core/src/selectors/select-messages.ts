import type { ChatStateData, TypingUser } from '../model/chat-state';
import type { MessageWindow } from '../model/message-window';
import type { RecordMap } from '../model/record-map';
import type { Message } from '../model/types';

const NO_MESSAGES: readonly Message[] = [];
const NO_TYPING: readonly TypingUser[] = [];

/** The message window of a conversation, if it has been opened. */
export function selectMessageWindow(state: ChatStateData, conversationID: string): MessageWindow | undefined {
  return state.windows[conversationID];
}

/** One message by ID. Stable until it changes. */
export function selectMessage(state: ChatStateData, msgID: string): Message | undefined {
  return state.messages.get(msgID);
}

const windowCache = new WeakMap<
  readonly string[],
  { messages: RecordMap<Message>; list: readonly Message[] }
>();

/**
 * The messages of a conversation's window, oldest first; memoized on the window and the message records,
 * so the array is the same until one of them changes.
 */
export function selectWindowMessages(state: ChatStateData, conversationID: string): readonly Message[] {
  const ids = state.windows[conversationID]?.messageIDs;
  if (!ids || ids.length === 0) return NO_MESSAGES;
  const cached = windowCache.get(ids);
  if (cached?.messages === state.messages) return cached.list;
  const list = ids.map((id) => state.messages.get(id)).filter((message): message is Message => !!message);
  const unchanged =
    cached && cached.list.length === list.length && cached.list.every((m, i) => m === list[i]);
  const result = unchanged ? cached.list : list;
  windowCache.set(ids, { messages: state.messages, list: result });
  return result;
}

/** Upload progress 0–100 of a message being sent, or undefined. */
export function selectSendProgress(state: ChatStateData, msgID: string): number | undefined {
  return state.sendProgress[msgID];
}

/** Users typing in a conversation. */
export function selectTypingUsers(state: ChatStateData, conversationID: string): readonly TypingUser[] {
  return state.typing.get(conversationID) ?? NO_TYPING;
}
