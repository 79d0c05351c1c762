import { parseConversationID } from '../../model/conversation-filter';
import {
  type ConversationFilter,
  type ConversationMarkType,
  type ConversationType,
  ConversationMarkType as MarkBits,
  type Message,
  type MessageElem,
  type MessageElemType,
  type ReceiveMessageOpt,
  type UnreadFilter,
} from '../../model/types';
import { ChatError, ChatErrorCode } from '../chat-error';

/**
 * Argument checks of the Tencent engine. Each throws a {@link ChatError} naming the call and the argument
 * before anything is sent to the SDK, so a rejected call changes nothing.
 */

/** An `INVALID_PARAMETER` error for `method`'s argument `name`. */
export function invalidParameter(method: string, name: string, expected: string, value?: unknown): ChatError {
  return new ChatError(ChatErrorCode.InvalidParameter, `${method}: \`${name}\` must be ${expected}.`, {
    method,
    parameter: name,
    ...(value !== undefined && { value: describe(value) }),
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 64 ? `${value.slice(0, 64)}…` : value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function assertString(method: string, name: string, value: unknown, nonEmpty = false): string {
  if (typeof value !== 'string' || (nonEmpty && value.length === 0)) {
    throw invalidParameter(method, name, nonEmpty ? 'a non-empty string' : 'a string', value);
  }
  return value;
}

export function assertOptionalString(method: string, name: string, value: unknown, fallback = ''): string {
  return value === undefined ? fallback : assertString(method, name, value);
}

export function assertBoolean(method: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalidParameter(method, name, 'true or false', value);
  return value;
}

export function assertOptionalBoolean(method: string, name: string, value: unknown): boolean {
  return value === undefined ? false : assertBoolean(method, name, value);
}

export function assertInteger(
  method: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw invalidParameter(method, name, range, value);
  }
  return value;
}

export function assertFiniteNumber(
  method: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidParameter(method, name, `a number from ${min} to ${max}`, value);
  }
  return value;
}

export function assertBlob(method: string, name: string, value: unknown): Blob {
  if (typeof Blob === 'undefined' || !(value instanceof Blob))
    throw invalidParameter(method, name, 'a Blob or File', value);
  return value;
}

/** An options object, or `{}` when left out. */
export function assertOptions(method: string, value: unknown, name = 'options'): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalidParameter(method, name, 'an object', value);
  return value;
}

/** A list of non-empty strings, at most `max` of them (`TOO_MANY_IDS` above). */
export function assertIDList(
  method: string,
  name: string,
  value: unknown,
  max: number,
  allowEmpty = false,
): string[] {
  if (!Array.isArray(value)) throw invalidParameter(method, name, 'an array of IDs', value);
  if (value.length === 0 && !allowEmpty)
    throw invalidParameter(method, name, 'a non-empty array of IDs', value);
  if (value.length > max) {
    throw new ChatError(
      ChatErrorCode.TooManyIDs,
      `${method}: at most ${max} IDs a call (got ${value.length}).`,
      {
        method,
        parameter: name,
        max,
        count: value.length,
      },
    );
  }
  for (const id of value) {
    if (typeof id !== 'string' || id.length === 0)
      throw invalidParameter(method, name, 'an array of non-empty strings', id);
  }
  return [...(value as string[])];
}

/** A conversation ID's parts (`c2c_<userID>` or `group_<groupID>`). */
export function assertConversationID(method: string, value: unknown, name = 'conversationID') {
  const parsed = parseConversationID(value);
  if (!parsed)
    throw invalidParameter(method, name, 'a conversation ID like `c2c_<userID>` or `group_<groupID>`', value);
  return parsed;
}

const RECEIVE_OPTS: readonly unknown[] = [
  'receive',
  'notReceive',
  'receiveNotNotify',
] satisfies ReceiveMessageOpt[];

export function assertReceiveOpt(method: string, value: unknown): ReceiveMessageOpt {
  if (!RECEIVE_OPTS.includes(value)) {
    throw invalidParameter(method, 'opt', "'receive', 'notReceive' or 'receiveNotNotify'", value);
  }
  return value as ReceiveMessageOpt;
}

const MARK_BITS: readonly unknown[] = Object.values(MarkBits);

export function assertMarkType(method: string, value: unknown, name = 'markType'): ConversationMarkType {
  if (!MARK_BITS.includes(value))
    throw invalidParameter(method, name, 'one of 1 (star), 2 (unread), 4 (fold), 8 (hide)', value);
  return value as ConversationMarkType;
}

const CONVERSATION_TYPES: readonly unknown[] = ['c2c', 'group'] satisfies ConversationType[];

/** The filter fields of a list query or an unread filter. */
export function assertFilter(method: string, value: unknown, name = 'filter'): ConversationFilter {
  const filter = assertOptions(method, value, name);
  const out: ConversationFilter = {};
  if (filter.type !== undefined) {
    if (!CONVERSATION_TYPES.includes(filter.type))
      throw invalidParameter(method, `${name}.type`, "'c2c' or 'group'", filter.type);
    out.type = filter.type as ConversationType;
  }
  if (filter.markType !== undefined)
    out.markType = assertMarkType(method, filter.markType, `${name}.markType`);
  if (filter.conversationGroup !== undefined) {
    out.conversationGroup = assertString(method, `${name}.conversationGroup`, filter.conversationGroup, true);
  }
  if (filter.hasUnreadCount !== undefined) {
    out.hasUnreadCount = assertBoolean(method, `${name}.hasUnreadCount`, filter.hasUnreadCount);
  }
  if (filter.hasGroupAtInfo !== undefined) {
    out.hasGroupAtInfo = assertBoolean(method, `${name}.hasGroupAtInfo`, filter.hasGroupAtInfo);
  }
  return out;
}

/** An unread filter: only type, markType and conversationGroup tell filters apart. */
export function assertUnreadFilter(method: string, value: unknown): UnreadFilter {
  const { type, markType, conversationGroup } = assertFilter(method, value);
  return {
    ...(type !== undefined && { type }),
    ...(markType !== undefined && { markType }),
    ...(conversationGroup !== undefined && { conversationGroup }),
  };
}

const ELEM_TYPES: readonly unknown[] = [
  'text',
  'custom',
  'image',
  'sound',
  'video',
  'file',
  'location',
  'face',
  'merger',
  'groupTip',
] satisfies MessageElemType[];

/** An element with a known type (its fields are checked where they are used). */
export function assertElem(method: string, value: unknown, name = 'elem'): MessageElem {
  if (!isRecord(value) || !ELEM_TYPES.includes(value.type)) {
    throw invalidParameter(method, name, `an element whose type is one of ${ELEM_TYPES.join(', ')}`, value);
  }
  return value as unknown as MessageElem;
}

/** A message as the `create*Message` calls make them: a msgID and a non-empty element list. */
export function assertMessage(method: string, value: unknown, name = 'message'): Message {
  if (
    !isRecord(value) ||
    typeof value.msgID !== 'string' ||
    value.msgID.length === 0 ||
    !Array.isArray(value.elemList)
  ) {
    throw invalidParameter(method, name, 'a message made by a create*Message call', value);
  }
  if (value.elemList.length === 0)
    throw invalidParameter(method, `${name}.elemList`, 'a non-empty list', value.elemList);
  value.elemList.forEach((elem, index) => {
    assertElem(method, elem, `${name}.elemList[${index}]`);
  });
  return value as unknown as Message;
}
