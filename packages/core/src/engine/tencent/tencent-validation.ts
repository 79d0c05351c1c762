import type { ConversationFilter, ConversationType, UnreadFilter } from '../../model/types';
import {
  assertBoolean,
  assertKnownFields,
  assertMarkType,
  assertOptions,
  assertString,
  FILTER_FIELDS,
  invalidParameter,
} from '../engine-validation';

/**
 * Argument checks the Tencent engine adds to the checks every engine shares (`../engine-validation`): list
 * filters and unread filters. Each throws a typed `ChatError` before anything reaches the SDK.
 */

const CONVERSATION_TYPES: readonly unknown[] = ['c2c', 'group'] satisfies ConversationType[];

/**
 * The filter fields of a list query or an unread filter; any other field is refused (`extra` names the
 * paging fields a list query adds).
 */
export function assertFilter(
  method: string,
  value: unknown,
  name = 'filter',
  extra: readonly string[] = [],
): ConversationFilter {
  const filter = assertOptions(method, value, name);
  assertKnownFields(method, name, filter, [...FILTER_FIELDS, ...extra]);
  const out: ConversationFilter = {};
  if (filter.type !== undefined) {
    if (!CONVERSATION_TYPES.includes(filter.type)) {
      throw invalidParameter(method, `${name}.type`, "'c2c' or 'group'", filter.type);
    }
    out.type = filter.type as ConversationType;
  }
  if (filter.markType !== undefined)
    out.markType = assertMarkType(method, filter.markType, `${name}.markType`);
  if (filter.conversationGroup !== undefined) {
    out.conversationGroup = assertString(method, `${name}.conversationGroup`, filter.conversationGroup, {
      nonEmpty: true,
    });
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
