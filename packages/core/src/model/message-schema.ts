/**
 * @tidings/core/schema: the message element schema, for engines and adapters that take messages in (check
 * what is sent, normalise what is received). Its own entry because the store and the UI never need it.
 *
 * @example
 * import { findOutgoingMessageProblem, normaliseMessage } from '@tidings/core/schema';
 * const message = normaliseMessage(payload); // never throws; unusable elements become placeholders
 * @module
 */
import type {
  CustomElem,
  GroupTipType,
  Message,
  MessageElem,
  MessageElemType,
  MessagePriority,
  MessageStatus,
} from './types';

/**
 * The one schema of message elements (and of the messages a merged message holds), used where elements
 * enter the model:
 *
 * - on send and create, {@link findElemProblem} / {@link findMessageProblem} name the first field that is
 *   not of its type, so engines reject with a typed error and change nothing;
 * - on receive (the local hub, a cross-tab channel, a Tencent payload), {@link normaliseMessage} and
 *   {@link normaliseElem} turn whatever arrived into the shape the types promise, never throwing.
 *
 * Normalising keeps what is usable and replaces what is not: a string field that is not a string becomes
 * `''`; a number that is not finite becomes 0 and one out of range is clamped (a timestamp to the range a
 * `Date` can show, a latitude to ±90…); array items of the wrong type are dropped; a merged message nested
 * deeper than {@link MAX_MERGER_DEPTH} loses its inner messages (its title and abstract stay). An element
 * that cannot be repaired (not an object, an unknown type, a text without text, a group tip of an unknown
 * kind) becomes {@link createUnsupportedElem}: a custom element with no description, so lists preview it as
 * the localized `[Custom message]` and apps can tell it apart by its extension. A message left without
 * elements gets that placeholder too, so no renderer meets an empty bubble. Pure: no I/O, no engine.
 */

/**
 * How deep merged messages may nest (a merger inside a merger inside…). Tencent documents no number; this is
 * Tidings' own bound so a hostile payload cannot make renderers or mappers recurse without end.
 */
export const MAX_MERGER_DEPTH = 16;

/** The largest time a `Date` can hold, ms (ECMAScript's ±8.64e15); later times make `Intl` throw. */
export const MAX_TIMESTAMP = 8_640_000_000_000_000;

/** The `extension` that marks a {@link createUnsupportedElem} placeholder. */
export const UNSUPPORTED_ELEM_EXTENSION = 'tidings:unsupported';

/**
 * The placeholder for an element that cannot be shown: a custom element whose empty description makes
 * lists and bubbles show the localized `[Custom message]`.
 */
export function createUnsupportedElem(): CustomElem {
  return { type: 'custom', data: '', description: '', extension: UNSUPPORTED_ELEM_EXTENSION };
}

/** Whether an element is the {@link createUnsupportedElem} placeholder. */
export function isUnsupportedElem(elem: MessageElem): boolean {
  return elem.type === 'custom' && elem.extension === UNSUPPORTED_ELEM_EXTENSION && elem.data === '';
}

/** The first field of a value that is not of its type: a path below the value, what it must be, what it is. */
export interface SchemaProblem {
  /** e.g. `abstractList[0]`, `messageList[2].timestamp`; `''` for the value itself. */
  path: string;
  /** What the field must be, for an error message ("a string", "a number from 0 to …"). */
  expected: string;
  value: unknown;
}

const GROUP_TIP_TYPES: readonly GroupTipType[] = [
  'join',
  'quit',
  'kicked',
  'setAdmin',
  'cancelAdmin',
  'groupInfoChange',
  'memberInfoChange',
  'create',
  'dismiss',
];
const STATUSES: readonly MessageStatus[] = ['sending', 'sent', 'failed', 'revoked', 'local', 'imported'];
const PRIORITIES: readonly MessagePriority[] = ['high', 'normal', 'low', 'lowest'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A kind of field: how to check it strictly and how to coerce it. */
interface FieldKind {
  expected: string;
  /** Whether `value` is of this kind (on send). `depth` is the merger nesting of the element. */
  check(value: unknown, depth: number): SchemaProblem | null;
  /** `value` coerced to this kind (on receive). */
  coerce(value: unknown, depth: number): unknown;
}

const ok = null;

function simple(
  expected: string,
  test: (value: unknown) => boolean,
  coerce: (value: unknown) => unknown,
): FieldKind {
  return {
    expected,
    check: (value) => (test(value) ? ok : { path: '', expected, value }),
    coerce: (value) => (test(value) ? value : coerce(value)),
  };
}

function numberIn(min: number, max: number, integer = false): FieldKind {
  const expected = integer ? `an integer from ${min} to ${max}` : `a number from ${min} to ${max}`;
  return simple(
    expected,
    (value) =>
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value)),
    (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return Math.max(min, Math.min(max, 0));
      const clamped = Math.max(min, Math.min(max, value));
      return integer ? Math.trunc(clamped) : clamped;
    },
  );
}

const STRING = simple(
  'a string',
  (value) => typeof value === 'string',
  () => '',
);
const SIZE = numberIn(0, Number.MAX_SAFE_INTEGER);
const INDEX = numberIn(0, Number.MAX_SAFE_INTEGER, true);
const TIMESTAMP = numberIn(0, MAX_TIMESTAMP);
const LONGITUDE = numberIn(-180, 180);
const LATITUDE = numberIn(-90, 90);
const BOOLEAN = simple(
  'a boolean',
  (value) => typeof value === 'boolean',
  () => false,
);

const STRINGS: FieldKind = {
  expected: 'an array of strings',
  check(value) {
    if (!Array.isArray(value)) return { path: '', expected: this.expected, value };
    const index = value.findIndex((item) => typeof item !== 'string');
    return index < 0 ? ok : { path: `[${index}]`, expected: 'a string', value: value[index] };
  },
  coerce: (value) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
};

const STRING_RECORD: FieldKind = {
  expected: 'an object of strings',
  check(value) {
    if (!isObject(value)) return { path: '', expected: this.expected, value };
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string') return { path: `.${key}`, expected: 'a string', value: item };
    }
    return ok;
  },
  coerce: (value) =>
    isObject(value)
      ? // fromEntries defines own properties, so a `__proto__` key stays data and never a prototype.
        Object.fromEntries(Object.entries(value).filter(([, item]) => typeof item === 'string'))
      : {},
};

const TIP_TYPE = simple(
  `one of ${GROUP_TIP_TYPES.join(', ')}`,
  (value) => GROUP_TIP_TYPES.includes(value as GroupTipType),
  () => 'groupInfoChange',
);

const MESSAGES: FieldKind = {
  expected: 'an array of messages',
  check(value, depth) {
    if (!Array.isArray(value)) return { path: '', expected: this.expected, value };
    if (value.length > 0 && depth + 1 >= MAX_MERGER_DEPTH) {
      return { path: '', expected: `merged messages nested at most ${MAX_MERGER_DEPTH} deep`, value };
    }
    for (let index = 0; index < value.length; index++) {
      const problem = findMessageProblem(value[index], depth + 1);
      if (problem) return { ...problem, path: `[${index}]${dot(problem.path)}` };
    }
    return ok;
  },
  coerce: (value, depth) =>
    Array.isArray(value) && depth + 1 < MAX_MERGER_DEPTH
      ? value.filter(isObject).map((item, index) => normaliseNested(item, index, depth + 1))
      : [],
};

/**
 * `[field, kind, required on send, optional in the type]`; fields that are not required are checked only
 * when present, and a field optional in the type stays left out when a received element has none.
 */
type FieldSpec = readonly [string, FieldKind, boolean, boolean?];

const MEDIA: readonly FieldSpec[] = [
  ['uuid', STRING, true],
  ['url', STRING, false],
  ['fileSize', SIZE, true],
  ['mimeType', STRING, false],
];

const ELEM_FIELDS: Record<MessageElemType, readonly FieldSpec[]> = {
  text: [['text', STRING, true]],
  custom: [
    ['data', STRING, true],
    ['description', STRING, true],
    ['extension', STRING, true],
  ],
  image: [
    ...MEDIA,
    ['fileName', STRING, false],
    ['width', SIZE, true],
    ['height', SIZE, true],
    ['thumbUrl', STRING, false],
  ],
  sound: [...MEDIA, ['duration', SIZE, true]],
  video: [
    ...MEDIA,
    ['videoType', STRING, false],
    ['duration', SIZE, true],
    ['snapshotUuid', STRING, true],
    ['snapshotUrl', STRING, false],
    ['snapshotWidth', SIZE, false],
    ['snapshotHeight', SIZE, false],
  ],
  file: [...MEDIA, ['fileName', STRING, true]],
  location: [
    ['description', STRING, true],
    ['longitude', LONGITUDE, true],
    ['latitude', LATITUDE, true],
  ],
  face: [
    ['index', INDEX, true],
    ['data', STRING, true],
  ],
  merger: [
    ['title', STRING, true],
    ['abstractList', STRINGS, true],
    ['compatibleText', STRING, true],
    ['messageList', MESSAGES, true],
  ],
  groupTip: [
    ['tipType', TIP_TYPE, true],
    ['opUserID', STRING, true],
    ['userIDList', STRINGS, true],
    ['groupInfo', STRING_RECORD, false],
    ['memberCount', SIZE, false],
    ['nicknames', STRING_RECORD, false, true],
  ],
};

/** Fields without which an element means nothing: a received one that lacks them becomes the placeholder. */
const ESSENTIAL: Partial<Record<MessageElemType, string>> = { text: 'text', groupTip: 'tipType' };

/** Every element type, in the order error messages list them. */
const ELEM_TYPES = Object.keys(ELEM_FIELDS) as MessageElemType[];

function dot(path: string): string {
  return path === '' || path.startsWith('[') || path.startsWith('.') ? path : `.${path}`;
}

function checkFields(
  value: Record<string, unknown>,
  fields: readonly FieldSpec[],
  depth: number,
): SchemaProblem | null {
  for (const [name, kind, required] of fields) {
    const field = value[name];
    if (field === undefined && !required) continue;
    const problem = kind.check(field, depth);
    if (problem) return { ...problem, path: `${name}${dot(problem.path)}` };
  }
  return ok;
}

/**
 * The first field of an element that is not of its type, or null when it is a well-formed element.
 * `depth` is how deep in merged messages the element sits (0 at the top).
 */
export function findElemProblem(value: unknown, depth = 0): SchemaProblem | null {
  if (!isObject(value) || !ELEM_TYPES.includes(value.type as MessageElemType)) {
    return { path: '', expected: `an element with a type of ${ELEM_TYPES.join(', ')}`, value };
  }
  return checkFields(value, ELEM_FIELDS[value.type as MessageElemType], depth);
}

const NESTED_FIELDS: readonly FieldSpec[] = [
  ['msgID', STRING, true],
  ['sender', STRING, true],
  ['timestamp', TIMESTAMP, true],
  ['nick', STRING, false],
  ['faceUrl', STRING, false],
  ['isSelf', BOOLEAN, false],
  ['cloudCustomData', STRING, false],
];

/** Fields of a message that, when present, must be of their type (msgID and elemList are checked apart). */
const MESSAGE_FIELDS: readonly FieldSpec[] = [
  ['conversationID', STRING, false],
  ['userID', STRING, false],
  ['groupID', STRING, false],
  ['sender', STRING, false],
  ['nick', STRING, false],
  ['faceUrl', STRING, false],
  ['timestamp', TIMESTAMP, false],
  ['seq', INDEX, false],
  ['random', INDEX, false],
  ['isSelf', BOOLEAN, false],
  ['targetUserIDList', STRINGS, false],
  ['atUserList', STRINGS, false],
  ['cloudCustomData', STRING, false],
  ['localCustomData', STRING, false],
];

function checkElemList(value: unknown, depth: number): SchemaProblem | null {
  if (!Array.isArray(value) || value.length === 0) {
    return { path: 'elemList', expected: 'a non-empty list of elements', value };
  }
  for (let index = 0; index < value.length; index++) {
    const problem = findElemProblem(value[index], depth);
    if (problem) return { ...problem, path: `elemList[${index}]${dot(problem.path)}` };
  }
  return ok;
}

/**
 * The first field of a message inside a merged message that is not of its type, or null. Such a message
 * needs a msgID, sender, timestamp and elements; its other fields are checked when present.
 */
export function findMessageProblem(value: unknown, depth = 0): SchemaProblem | null {
  if (!isObject(value)) return { path: '', expected: 'a message', value };
  return checkFields(value, NESTED_FIELDS, depth) ?? checkElemList(value.elemList, depth);
}

/**
 * The first field of a message (as `create*Message` makes them, possibly changed by its caller) that is not
 * of its type, or null. Only msgID and elemList are required; other fields are checked when present.
 */
export function findOutgoingMessageProblem(value: unknown): SchemaProblem | null {
  if (!isObject(value) || typeof value.msgID !== 'string' || value.msgID.length === 0) {
    return { path: '', expected: 'a message made by a create*Message call', value };
  }
  return checkElemList(value.elemList, 0) ?? checkFields(value, MESSAGE_FIELDS, 0);
}

/**
 * Any value as a well-formed element (see the rules above); never throws. `depth` is how deep in merged
 * messages the element sits.
 */
export function normaliseElem(value: unknown, depth = 0): MessageElem {
  if (!isObject(value) || !ELEM_TYPES.includes(value.type as MessageElemType)) {
    return createUnsupportedElem();
  }
  const type = value.type as MessageElemType;
  const essential = ESSENTIAL[type];
  if (
    essential &&
    ELEM_FIELDS[type].some(([name, kind]) => name === essential && kind.check(value[name], depth))
  ) {
    return createUnsupportedElem();
  }
  const out: Record<string, unknown> = { type };
  for (const [name, kind, , optional] of ELEM_FIELDS[type]) {
    if (optional && value[name] === undefined) continue;
    out[name] = kind.coerce(value[name], depth);
  }
  return out as unknown as MessageElem;
}

function normaliseElemList(value: unknown, depth: number): MessageElem[] {
  const list = Array.isArray(value) ? value.map((elem) => normaliseElem(elem, depth)) : [];
  return list.length > 0 ? list : [createUnsupportedElem()];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function oneOf<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function coerced<T>(kind: FieldKind, value: unknown): T {
  return kind.coerce(value, 0) as T;
}

/**
 * Any value as a well-formed message, never throwing: every field of its type (strings `''`, numbers 0,
 * flags false, status `sent` and priority `normal` when unknown), its elements normalised. A value that is
 * not an object gives a placeholder message with msgID `''`; callers that need an identity drop those.
 */
export function normaliseMessage(value: unknown, depth = 0): Message {
  const source = isObject(value) ? value : {};
  const conversationID = str(source.conversationID);
  const conversationType =
    source.conversationType === 'group' || source.conversationType === 'c2c'
      ? source.conversationType
      : conversationID.startsWith('group_')
        ? 'group'
        : 'c2c';
  return {
    msgID: str(source.msgID),
    conversationID,
    conversationType,
    userID: str(source.userID),
    groupID: str(source.groupID),
    sender: str(source.sender),
    nick: str(source.nick),
    faceUrl: str(source.faceUrl),
    isSelf: source.isSelf === true,
    timestamp: coerced(TIMESTAMP, source.timestamp),
    seq: coerced(INDEX, source.seq),
    random: coerced(INDEX, source.random),
    status: oneOf(source.status, STATUSES, 'sent'),
    elemList: normaliseElemList(source.elemList, depth),
    priority: oneOf(source.priority, PRIORITIES, 'normal'),
    isRead: source.isRead === true,
    isPeerRead: source.isPeerRead === true,
    isExcludedFromUnreadCount: source.isExcludedFromUnreadCount === true,
    isExcludedFromLastMessage: source.isExcludedFromLastMessage === true,
    isOnlineOnly: source.isOnlineOnly === true,
    targetUserIDList: coerced(STRINGS, source.targetUserIDList),
    atUserList: coerced(STRINGS, source.atUserList),
    cloudCustomData: str(source.cloudCustomData),
    localCustomData: str(source.localCustomData),
    revoker: str(source.revoker),
    revokeReason: str(source.revokeReason),
  };
}

/** A message inside a merger: normalised, with a msgID made from its place when it has none. */
function normaliseNested(value: Record<string, unknown>, index: number, depth: number): Message {
  const message = normaliseMessage(value, depth);
  return message.msgID ? message : { ...message, msgID: `merged-${depth}-${index}` };
}
