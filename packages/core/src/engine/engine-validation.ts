import { ChatError, ChatErrorCode } from '../model/chat-error';
import { parseConversationID as parseModelConversationID } from '../model/conversation-filter';
import { findElemProblem, findOutgoingMessageProblem, type SchemaProblem } from '../model/message-schema';
import {
  APPENDABLE_ELEM_TYPES,
  type ConversationMarkType,
  type ConversationType,
  type Message,
  type MessageElem,
  type MessageElemType,
  type MessagePriority,
  type ReceiveMessageOpt,
} from '../model/types';
import { utf8ByteLength } from './engine-message';

/**
 * Argument checks shared by every engine (local and Tencent) and the local hub. Each throws a
 * {@link ChatError} naming the call and the argument, before anything is changed.
 */

/** Every element type, in the order error messages list them. */
export const MESSAGE_ELEM_TYPES: readonly MessageElemType[] = [
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
];

/** Every message priority, highest first. */
export const MESSAGE_PRIORITIES: readonly MessagePriority[] = ['high', 'normal', 'low', 'lowest'];

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** A string (non-empty when asked), else `INVALID_PARAMETER`. */
export function assertString(
  method: string,
  name: string,
  value: unknown,
  options: { nonEmpty?: boolean } = {},
): string {
  if (typeof value !== 'string' || (options.nonEmpty && value.length === 0)) {
    throw invalidParameter(method, name, options.nonEmpty ? 'a non-empty string' : 'a string', value);
  }
  return value;
}

/** A string, or `fallback` when left out. */
export function assertOptionalString(method: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  return assertString(method, name, value);
}

/** A boolean, else `INVALID_PARAMETER`. */
export function assertBoolean(method: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalidParameter(method, name, 'a boolean', value);
  return value;
}

/** A boolean, or `fallback` when left out. */
export function assertOptionalBoolean(
  method: string,
  name: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  return assertBoolean(method, name, value);
}

/** A safe integer in [min, max], else `INVALID_PARAMETER`. */
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

/** A safe integer in [min, max], or `fallback` when left out. */
export function assertOptionalInteger<T extends number | undefined>(
  method: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  fallback: T,
): number | T {
  if (value === undefined) return fallback;
  return assertInteger(method, name, value, min, max);
}

/** A finite number in [min, max], else `INVALID_PARAMETER`. */
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

/** A Blob (or File), else `INVALID_PARAMETER`. */
export function assertBlob(method: string, name: string, value: unknown): Blob {
  if (typeof Blob === 'undefined' || !(value instanceof Blob))
    throw invalidParameter(method, name, 'a Blob or File', value);
  return value;
}

/**
 * A list of non-empty strings of at most `max` entries (`TOO_MANY_IDS` above it).
 *
 * The rule for empty lists, the same in every engine and in the store: a call that looks up or acts on the
 * listed IDs needs at least one (`INVALID_PARAMETER` for `[]`), so a bug that loses the IDs is loud rather
 * than a silent no-op. Only a list that gives something new its first contents may be empty
 * (`allowEmpty`): a new conversation group, a new group's first members.
 */
export function assertIDList(
  method: string,
  name: string,
  value: unknown,
  max: number,
  options: { allowEmpty?: boolean } = {},
): string[] {
  if (!Array.isArray(value)) throw invalidParameter(method, name, 'an array of IDs', value);
  if (value.length === 0 && !options.allowEmpty)
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
  return [...value];
}

/** The parts of a conversation ID (`peerID` is the user or group it is with), or null when it is not one. */
export function parseConversationID(
  conversationID: unknown,
): { type: ConversationType; userID: string; groupID: string; peerID: string } | null {
  const parsed = parseModelConversationID(conversationID);
  return parsed && { ...parsed, peerID: parsed.type === 'c2c' ? parsed.userID : parsed.groupID };
}

/** The parts of a valid conversation ID, else `INVALID_PARAMETER`. */
export function assertConversationID(method: string, value: unknown, name = 'conversationID') {
  const parsed = parseConversationID(value);
  if (!parsed)
    throw invalidParameter(method, name, 'a conversation ID like `c2c_<userID>` or `group_<groupID>`', value);
  return parsed;
}

/** The C2C conversation ID of a user. */
export function c2cConversationID(userID: string): string {
  return `c2c_${userID}`;
}

/** The conversation ID of a group. */
export function groupConversationID(groupID: string): string {
  return `group_${groupID}`;
}

const RECEIVE_OPTS: readonly ReceiveMessageOpt[] = ['receive', 'notReceive', 'receiveNotNotify'];

/** A receive option, else `INVALID_PARAMETER`. */
export function assertReceiveOpt(method: string, value: unknown): ReceiveMessageOpt {
  if (!RECEIVE_OPTS.includes(value as ReceiveMessageOpt)) {
    throw invalidParameter(method, 'opt', "'receive', 'notReceive' or 'receiveNotNotify'", value);
  }
  return value as ReceiveMessageOpt;
}

const MARK_TYPES = [1, 2, 4, 8];

/** A mark bit (1, 2, 4 or 8), else `INVALID_PARAMETER`. */
export function assertMarkType(method: string, value: unknown, name = 'markType'): ConversationMarkType {
  if (!MARK_TYPES.includes(value as number)) throw invalidParameter(method, name, 'one of 1, 2, 4, 8', value);
  return value as ConversationMarkType;
}

/** `INVALID_PARAMETER` for the first field of `name` (an element or message) the schema refuses. */
function schemaError(method: string, name: string, problem: SchemaProblem): ChatError {
  const path =
    problem.path === '' ? name : `${name}${problem.path.startsWith('[') ? '' : '.'}${problem.path}`;
  return invalidParameter(method, path, problem.expected, problem.value);
}

/**
 * Checks an element against the one element schema (field types, finite numbers in range, arrays of the
 * right items, merged messages recursively up to a depth), so a malformed one never reaches storage or a
 * peer. The error names the element and the field, e.g. `message.elemList[0].abstractList[0]`.
 */
export function assertElem(method: string, value: unknown, name = 'elem'): MessageElem {
  const problem = findElemProblem(value);
  if (problem) throw schemaError(method, name, problem);
  return value as MessageElem;
}

/** Whether an element may follow the first element of a message. */
export function isAppendable(elem: MessageElem): boolean {
  return APPENDABLE_ELEM_TYPES.includes(elem.type);
}

/**
 * Checks that a value is a message as `create*Message` makes them: a msgID, a non-empty list of
 * well-formed elements, and every other field it has of its type (a timestamp a `Date` can hold…).
 */
export function assertMessage(method: string, value: unknown, name = 'message'): Message {
  const problem = findOutgoingMessageProblem(value);
  if (problem) {
    if (problem.path === '')
      throw invalidParameter(method, name, 'a message made by a create*Message call', value);
    throw schemaError(method, name, problem);
  }
  return value as Message;
}

/** The fields a conversation-list or unread filter may have (the store accepts exactly these too). */
export const FILTER_FIELDS: readonly string[] = [
  'type',
  'markType',
  'conversationGroup',
  'hasUnreadCount',
  'hasGroupAtInfo',
];

/**
 * `INVALID_PARAMETER` naming the first own field of `value` not in `allowed`: a typo such as `markTyp` must
 * not silently match everything.
 */
export function assertKnownFields(
  method: string,
  name: string,
  value: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalidParameter(
        method,
        `${name}.${key}`,
        `left out (known fields: ${allowed.join(', ')})`,
        value[key],
      );
    }
  }
}

/** An options object, or `{}` when left out. */
export function assertOptions(method: string, value: unknown, name = 'options'): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalidParameter(method, name, 'an object', value);
  return value;
}

/** Rejects a call on a logged-out engine. */
export function notLoggedIn(method: string): ChatError {
  return new ChatError(ChatErrorCode.NotLoggedIn, `${method}: the engine is logged out.`, { method });
}

/**
 * The longest group name, UTF-8 bytes. Source: Tencent Cloud IM console guide, group management
 * (https://www.tencentcloud.com/zh/document/product/1047/34578): the group name is required and "长度不超过30字节"
 * (at most 30 bytes); the "Use Limits" page (https://www.tencentcloud.com/document/product/1047/34381) gives
 * the same 30 bytes for group names.
 */
export const GROUP_NAME_LIMIT_BYTES = 30;

/** A non-empty group name of at most {@link GROUP_NAME_LIMIT_BYTES}, else `INVALID_PARAMETER` with the limit. */
export function assertGroupName(method: string, name: string, value: unknown): string {
  const text = assertString(method, name, value, { nonEmpty: true });
  // Count bytes only up to just past the limit: a 2 MB name is refused without being walked whole.
  const bytes = utf8ByteLength(
    text.length > GROUP_NAME_LIMIT_BYTES * 4 ? text.slice(0, GROUP_NAME_LIMIT_BYTES * 4) : text,
  );
  if (bytes > GROUP_NAME_LIMIT_BYTES) {
    throw new ChatError(
      ChatErrorCode.InvalidParameter,
      `${method}: \`${name}\` must be at most ${GROUP_NAME_LIMIT_BYTES} bytes of UTF-8 (got ${text.length > GROUP_NAME_LIMIT_BYTES * 4 ? 'more' : bytes}).`,
      { method, parameter: name, limit: GROUP_NAME_LIMIT_BYTES, value: describe(text) },
    );
  }
  return text;
}
