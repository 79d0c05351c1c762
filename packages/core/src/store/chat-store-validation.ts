import { ChatError, ChatErrorCode } from '../engine/chat-error';
import { parseConversationID } from '../model/conversation-filter';
import {
  type ConversationFilter,
  ConversationMarkType,
  type ConversationType,
  type Message,
  type ReceiveMessageOpt,
  type UnreadFilter,
} from '../model/types';

const MARK_TYPES = new Set<number>(Object.values(ConversationMarkType));
const CONVERSATION_TYPES = new Set<unknown>(['c2c', 'group'] satisfies ConversationType[]);
const RECEIVE_OPTS = new Set<unknown>([
  'receive',
  'notReceive',
  'receiveNotNotify',
] satisfies ReceiveMessageOpt[]);

function invalid(action: string, message: string, details: Record<string, unknown> = {}): ChatError {
  return new ChatError(ChatErrorCode.InvalidParameter, `\`${action}\`: ${message}`, details);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Checks a conversation ID and returns its parts. */
export function assertConversationID(action: string, conversationID: unknown) {
  const parsed = parseConversationID(conversationID);
  if (!parsed) {
    throw invalid(
      action,
      `conversationID must be "c2c_<userID>" or "group_<groupID>", got ${describe(conversationID)}`,
      { conversationID },
    );
  }
  return parsed;
}

/** Checks a non-empty list of conversation IDs. */
export function assertConversationIDs(action: string, ids: unknown, max = 100): string[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalid(action, `conversationIDs must be a non-empty array, got ${describe(ids)}`, { ids });
  }
  if (ids.length > max) {
    throw new ChatError(
      ChatErrorCode.TooManyIDs,
      `\`${action}\`: at most ${max} conversations at a time, got ${ids.length}`,
      {
        count: ids.length,
        max,
      },
    );
  }
  for (const id of ids) assertConversationID(action, id);
  return ids as string[];
}

/** Checks a non-empty list of message IDs. */
export function assertMsgIDs(action: string, ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw invalid(action, `msgIDs must be a non-empty array of message IDs, got ${describe(ids)}`, { ids });
  }
  return ids as string[];
}

export function assertMsgID(action: string, id: unknown): string {
  if (typeof id !== 'string' || id === '')
    throw invalid(action, `msgID must be a message ID, got ${describe(id)}`);
  return id;
}

export function assertBoolean(action: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw invalid(action, `${name} must be true or false, got ${describe(value)}`);
  return value;
}

export function assertMarkType(action: string, markType: unknown): ConversationMarkType {
  if (typeof markType !== 'number' || !MARK_TYPES.has(markType)) {
    throw invalid(
      action,
      `markType must be 1 (star), 2 (unread), 4 (fold) or 8 (hide), got ${describe(markType)}`,
    );
  }
  return markType as ConversationMarkType;
}

export function assertReceiveOpt(action: string, opt: unknown): ReceiveMessageOpt {
  if (!RECEIVE_OPTS.has(opt)) {
    throw invalid(action, `opt must be "receive", "notReceive" or "receiveNotNotify", got ${describe(opt)}`);
  }
  return opt as ReceiveMessageOpt;
}

export function assertGroupName(action: string, name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalid(action, `a conversation group name must be a non-empty string, got ${describe(name)}`);
  }
  return name;
}

export function assertDraft(action: string, text: unknown): string | null {
  if (text === null || text === '') return null;
  if (typeof text !== 'string')
    throw invalid(action, `a draft must be a string or null, got ${describe(text)}`);
  return text;
}

export function assertText(action: string, text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw invalid(action, `text must be a non-empty string, got ${describe(text)}`);
  }
  return text;
}

export function assertMessage(action: string, message: unknown): Message {
  const candidate = message as Partial<Message> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.msgID !== 'string' ||
    !Array.isArray(candidate.elemList)
  ) {
    throw invalid(
      action,
      `message must be a message made by a create*Message call, got ${describe(message)}`,
    );
  }
  return candidate as Message;
}

export function assertFiles(action: string, files: unknown): File[] {
  if (!Array.isArray(files) || files.length === 0 || files.some((file) => !(file instanceof Blob))) {
    throw invalid(action, `files must be a non-empty array of File or Blob, got ${describe(files)}`);
  }
  return files as File[];
}

/** Checks a list or unread filter; unknown fields are an error so typos do not silently match everything. */
export function assertFilter<T extends ConversationFilter | UnreadFilter>(
  action: string,
  filter: unknown,
): T {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw invalid(action, `filter must be an object, got ${describe(filter)}`);
  }
  const known = new Set(['type', 'markType', 'conversationGroup', 'hasUnreadCount', 'hasGroupAtInfo']);
  for (const [key, value] of Object.entries(filter)) {
    if (!known.has(key)) throw invalid(action, `unknown filter field "${key}"`);
    if (value === undefined) continue;
    if (key === 'type' && !CONVERSATION_TYPES.has(value)) {
      throw invalid(action, `filter.type must be "c2c" or "group", got ${describe(value)}`);
    }
    if (key === 'markType') assertMarkType(action, value);
    if (key === 'conversationGroup') assertGroupName(action, value);
    if ((key === 'hasUnreadCount' || key === 'hasGroupAtInfo') && typeof value !== 'boolean') {
      throw invalid(action, `filter.${key} must be true or false, got ${describe(value)}`);
    }
  }
  return filter as T;
}

/** Any failure as a ChatError: engines reject with one, anything else is wrapped with its cause. */
export function toChatError(error: unknown, action: string): ChatError {
  if (error instanceof ChatError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChatError(
    ChatErrorCode.InvalidState,
    `\`${action}\`: the engine failed unexpectedly: ${message}`,
    {},
    {
      cause: error,
    },
  );
}
