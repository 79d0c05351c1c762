import type { ChatStateData } from '../model/chat-state';
import { conversationFilterKey } from '../model/conversation-filter';
import type { ConversationOrder } from '../model/conversation-order';
import type { ConversationView } from '../model/conversation-view';
import type { RecordMap } from '../model/record-map';
import type { Conversation, ConversationFilter, ConversationGroup } from '../model/types';

const EMPTY_ORDER_IDS: readonly string[] = [];

function keyOf(viewKeyOrFilter: string | ConversationFilter | undefined): string {
  if (viewKeyOrFilter === undefined) return '';
  return typeof viewKeyOrFilter === 'string' ? viewKeyOrFilter : conversationFilterKey(viewKeyOrFilter);
}

/** One conversation by ID, or undefined when the store does not know it. Stable until it changes. */
export function selectConversation(state: ChatStateData, conversationID: string): Conversation | undefined {
  return state.conversations.get(conversationID);
}

/** A registered view (the whole list by default), by key or filter. */
export function selectConversationView(
  state: ChatStateData,
  view?: string | ConversationFilter,
): ConversationView | undefined {
  return state.views[keyOf(view)];
}

/**
 * The ordered conversations of a view as a {@link ConversationOrder}: `size`, `at(index)`, `slice()`.
 * The same instance until the sequence changes, so a virtualized list re-renders only when rows move.
 */
export function selectConversationOrder(
  state: ChatStateData,
  view?: string | ConversationFilter,
): ConversationOrder | undefined {
  return state.views[keyOf(view)]?.order;
}

const idsCache = new WeakMap<ConversationOrder, readonly string[]>();

/** The ordered conversation IDs of a view as an array; memoized per order, so referentially stable. */
export function selectConversationIDs(
  state: ChatStateData,
  view?: string | ConversationFilter,
): readonly string[] {
  const order = selectConversationOrder(state, view);
  if (!order) return EMPTY_ORDER_IDS;
  let ids = idsCache.get(order);
  if (!ids) {
    ids = order.toArray();
    idsCache.set(order, ids);
  }
  return ids;
}

/** A page of a view's conversations: the records at positions [start, start + count). */
export function selectConversationPage(
  state: ChatStateData,
  start: number,
  count: number,
  view?: string | ConversationFilter,
): Conversation[] {
  const order = selectConversationOrder(state, view);
  if (!order) return [];
  const page: Conversation[] = [];
  for (let i = start; i < Math.min(order.size, start + count); i++) {
    const conversation = state.conversations.get(order.at(i) as string);
    if (conversation) page.push(conversation);
  }
  return page;
}

/** The open conversation, if any. */
export function selectActiveConversation(state: ChatStateData): Conversation | undefined {
  return state.activeConversationID === null
    ? undefined
    : state.conversations.get(state.activeConversationID);
}

/** Every conversation the store knows, by conversationID; the same map until one of them changes. */
export function selectConversations(state: ChatStateData): RecordMap<Conversation> {
  return state.conversations;
}

/** The conversation groups (folders), in the engine's order. */
export function selectConversationGroups(state: ChatStateData): readonly ConversationGroup[] {
  return state.conversationGroups;
}
