import type { ConversationFilter, UnreadFilter } from '../../model/types';
import {
  assertBoolean,
  assertConversationID,
  assertIDList,
  assertKnownFields,
  assertMarkType,
  assertOptions,
  assertString,
  FILTER_FIELDS,
  invalidParameter,
} from '../engine-validation';

/**
 * Argument checks only the local engine makes (the shared ones are in `../engine-validation`): its list and
 * unread filters, where `null` or `0` in a field means "any", as the seeds' examples pass them.
 */

/** The fields an unread filter and a list filter share: type, markType, conversationGroup. */
function assertUnreadFields(method: string, options: Record<string, unknown>): UnreadFilter {
  const filter: UnreadFilter = {};
  if (options.type !== undefined && options.type !== null && options.type !== 0) {
    if (options.type !== 'c2c' && options.type !== 'group') {
      throw invalidParameter(method, 'filter.type', "'c2c' or 'group'", options.type);
    }
    filter.type = options.type;
  }
  if (options.markType !== undefined && options.markType !== null && options.markType !== 0) {
    filter.markType = assertMarkType(method, options.markType, 'filter.markType');
  }
  if (options.conversationGroup !== undefined && options.conversationGroup !== null) {
    filter.conversationGroup = assertString(method, 'filter.conversationGroup', options.conversationGroup);
  }
  return filter;
}

/** The filter of `getConversationListByFilter` (its paging fields are checked by the caller). */
export function assertListFilter(method: string, options: Record<string, unknown>): ConversationFilter {
  assertKnownFields(method, 'filter', options, [...FILTER_FIELDS, 'nextSeq', 'count']);
  const filter: ConversationFilter = assertUnreadFields(method, options);
  if (options.hasUnreadCount !== undefined) {
    filter.hasUnreadCount = assertBoolean(method, 'filter.hasUnreadCount', options.hasUnreadCount);
  }
  if (options.hasGroupAtInfo !== undefined) {
    filter.hasGroupAtInfo = assertBoolean(method, 'filter.hasGroupAtInfo', options.hasGroupAtInfo);
  }
  return filter;
}

/** An unread filter (an object is required, even an empty one). */
export function assertUnreadFilter(method: string, value: unknown): UnreadFilter {
  const options = assertOptions(method, value, 'filter');
  if (value === undefined) throw invalidParameter(method, 'filter', 'an object');
  assertKnownFields(method, 'filter', options, FILTER_FIELDS);
  return assertUnreadFields(method, options);
}

/** Up to 100 conversation IDs, each checked. */
export function assertConversationIDList(method: string, value: unknown, allowEmpty = false): string[] {
  const ids = assertIDList(method, 'conversationIDList', value, 100, { allowEmpty });
  for (const id of ids) assertConversationID(method, id, 'conversationIDList[]');
  return ids;
}
