import { ChatError, ChatErrorCode } from '../model/chat-error';
import { parseConversationID } from '../model/conversation-filter';
import {
  type ConversationFilter,
  ConversationMarkType,
  type ConversationType,
  type Message,
  type MessagePriority,
  type ReceiveMessageOpt,
  type SendMessageOptions,
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
  if (typeof value === 'string') return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  // A revoked proxy throws even from Array.isArray; the description must not.
  try {
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an object';
  }
}

/**
 * A plain copy of an options-like argument (`name` in messages): an unknown key is an error so a typo does
 * not silently do nothing, an `undefined` value is left out, and every other value is what `read` returns
 * for it. Each value is read once into the copy, so a getter cannot answer the check and the engine apart.
 */
function readObject(
  action: string,
  name: string,
  value: unknown,
  keys: ReadonlySet<string>,
  read: (key: string, value: unknown) => unknown,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(action, `${name} must be an object, got ${describe(value)}`);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!keys.has(key)) throw invalid(action, `unknown ${name} field "${key}"`);
    if (entry !== undefined) copy[key] = read(key, entry);
  }
  return copy;
}

/**
 * Runs the argument checks of a public action so that whatever reading the arguments throws (a Proxy's
 * trap, a throwing getter, a revoked proxy) comes out as `INVALID_PARAMETER`; ChatErrors pass unchanged.
 */
export function inspect<T>(action: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asInvalidParameter(error, action);
  }
}

/** Any failure as a ChatError, one that is not already a ChatError being a bad argument. */
export function asInvalidParameter(error: unknown, action: string): ChatError {
  if (error instanceof ChatError) return error;
  let reason = 'its arguments could not be read';
  try {
    if (error instanceof Error) reason = `${reason}: ${error.message}`;
  } catch {
    // A hostile error object; the generic reason stands.
  }
  return new ChatError(ChatErrorCode.InvalidParameter, `\`${action}\`: ${reason}`, {}, { cause: error });
}

/** Checks a key of a registered view (the one `registerView` returned; `''` is the whole list). */
export function assertViewKey(action: string, key: unknown): string {
  if (typeof key !== 'string') throw invalid(action, `a view key must be a string, got ${describe(key)}`);
  return key;
}

/** Checks a key of an unread subscription (the one `subscribeUnread` returned). */
export function assertUnreadKey(action: string, key: unknown): string {
  if (typeof key !== 'string') throw invalid(action, `an unread key must be a string, got ${describe(key)}`);
  return key;
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
  const copy: unknown[] = [...ids];
  for (const id of copy) assertConversationID(action, id);
  return copy as string[];
}

/** Checks a non-empty list of message IDs. */
export function assertMsgIDs(action: string, ids: unknown): string[] {
  const copy: unknown[] = Array.isArray(ids) ? [...ids] : [];
  if (copy.length === 0 || copy.some((id) => typeof id !== 'string' || id === '')) {
    throw invalid(action, `msgIDs must be a non-empty array of message IDs, got ${describe(ids)}`);
  }
  return copy as string[];
}

/** Checks an optional list of mentioned user IDs (`'@all'` included); missing is an empty list. */
export function assertAtUserList(action: string, ids: unknown): string[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw invalid(action, `atUserList must be an array of user IDs, got ${describe(ids)}`, { ids });
  }
  return [...new Set(ids as string[])];
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
  if (text === null) return null;
  if (typeof text !== 'string')
    throw invalid(action, `a draft must be a string or null, got ${describe(text)}`);
  // A blank draft is no draft: it must never show as [Draft] nor activate the conversation.
  return text.trim() === '' ? null : text;
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
    Array.isArray(candidate) ||
    typeof candidate.msgID !== 'string' ||
    candidate.msgID === '' ||
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
  const copy: unknown[] = Array.isArray(files) ? [...files] : [];
  if (copy.length === 0 || copy.some((file) => !(file instanceof Blob))) {
    throw invalid(action, `files must be a non-empty array of File or Blob, got ${describe(files)}`);
  }
  return copy as File[];
}

const FILTER_KEYS = new Set(['type', 'markType', 'conversationGroup', 'hasUnreadCount', 'hasGroupAtInfo']);

/** Checks a list or unread filter; unknown fields are an error so typos do not silently match everything. */
export function assertFilter<T extends ConversationFilter | UnreadFilter>(
  action: string,
  filter: unknown,
): T {
  return readObject(action, 'filter', filter, FILTER_KEYS, (key, value) => {
    if (key === 'markType') return assertMarkType(action, value);
    if (key === 'conversationGroup') return assertGroupName(action, value);
    if (key !== 'type') return assertBoolean(action, `filter.${key}`, value);
    if (!CONVERSATION_TYPES.has(value)) {
      throw invalid(action, `filter.type must be "c2c" or "group", got ${describe(value)}`);
    }
    return value;
  }) as T;
}

const DELETE_OPTION_KEYS = new Set(['clearMessages']);

/** Checks the options of `deleteConversation` and returns a plain copy. */
export function assertDeleteOptions(action: string, options: unknown): { clearMessages?: boolean } {
  if (options === undefined) return {};
  return readObject(action, 'options', options, DELETE_OPTION_KEYS, (key, value) =>
    assertBoolean(action, `options.${key}`, value),
  );
}

const SEND_OPTION_KEYS = new Set([
  'receiver',
  'groupID',
  'priority',
  'onlineUserOnly',
  'offlinePushInfo',
  'isExcludedFromUnreadCount',
  'isExcludedFromLastMessage',
  'onProgress',
]);
const PRIORITIES = new Set<unknown>(['high', 'normal', 'low', 'lowest'] satisfies MessagePriority[]);
const PUSH_INFO_KEYS = new Set(['title', 'desc', 'ext']);

/**
 * Checks the options of a store send into `conversationID` and returns a plain copy with the target
 * filled in. The target comes from the conversation: a `groupID` other than the conversation's (or any
 * in a one-to-one conversation) and a `receiver` other than the peer are refused rather than obeyed, so
 * options built from untrusted data cannot redirect a message. In a group, `receiver` targets one member.
 */
export function assertSendOptions(
  action: string,
  conversationID: string,
  options: unknown,
): SendMessageOptions {
  const target = assertConversationID(action, conversationID);
  const copy: SendMessageOptions = readObject(
    action,
    'options',
    // `null` is refused as not an object; only a missing argument means no options.
    options === undefined ? {} : options,
    SEND_OPTION_KEYS,
    (key, value) => {
      const name = `options.${key}`;
      switch (key) {
        case 'receiver':
          if (typeof value !== 'string' || value === '')
            throw invalid(action, `${name} must be a user ID, got ${describe(value)}`);
          if (target.type === 'c2c' && value !== target.userID) {
            throw invalid(action, `${name} "${value}" is not the peer of "${conversationID}"`);
          }
          return value;
        case 'groupID':
          if (target.type !== 'group' || value !== target.groupID) {
            throw invalid(action, `${name} ${describe(value)} is not the group of "${conversationID}"`);
          }
          return value;
        case 'priority':
          if (!PRIORITIES.has(value)) {
            throw invalid(
              action,
              `${name} must be "high", "normal", "low" or "lowest", got ${describe(value)}`,
            );
          }
          return value;
        case 'onProgress':
          if (typeof value !== 'function')
            throw invalid(action, `${name} must be a function, got ${describe(value)}`);
          return value;
        case 'offlinePushInfo':
          return readObject(action, name, value, PUSH_INFO_KEYS, (field, text) => {
            if (typeof text !== 'string')
              throw invalid(action, `${name}.${field} must be a string, got ${describe(text)}`);
            return text;
          });
        default:
          return assertBoolean(action, name, value);
      }
    },
  );
  // The target comes from the conversation, whatever the options said (a matching groupID is the same).
  if (target.type === 'group') copy.groupID = target.groupID;
  else copy.receiver = target.userID;
  return copy;
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
