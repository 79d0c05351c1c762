import type { ChatError } from './chat-error';
import { conversationFilterKey, matchesConversationFilter, orderKeyOf } from './conversation-filter';
import { ConversationOrder, type OrderKey } from './conversation-order';
import { ownRecord } from './own-record';
import type { RecordMap } from './record-map';
import type { Conversation, ConversationFilter, Message } from './types';

/**
 * One ordered, paged list of conversations for a filter (the whole list is the view with the empty
 * filter, key `''`). Its order is kept incrementally; nothing is re-sorted wholesale.
 */
export interface ConversationView {
  /** Stable key of the filter (see `conversationFilterKey`). */
  key: string;
  filter: ConversationFilter;
  /** The known conversations that match, pinned first, orderKey descending, conversationID. Immutable. */
  order: ConversationOrder;
  /** Cursor for the next page. */
  nextSeq: number;
  /** Every page has been pulled. */
  isFinished: boolean;
  /** `loading` while a page is in flight; `error` after a page failed (see `error`). */
  status: 'idle' | 'loading' | 'error';
  error: ChatError | null;
}

/** The conversations the store knows and the lists over them. */
export interface ConversationSlice {
  conversations: RecordMap<Conversation>;
  views: Readonly<Record<string, ConversationView>>;
}

/** Above this many changes in one batch, rebuilding an order with one sort beats moving each entry. */
const REBUILD_THRESHOLD = 2048;

/** A new view over the conversations already known, ready to pull its first page. */
export function createView(
  filter: ConversationFilter,
  conversations: RecordMap<Conversation>,
): ConversationView {
  return {
    key: conversationFilterKey(filter),
    filter,
    order: buildOrder(filter, conversations),
    nextSeq: 0,
    isFinished: false,
    status: 'idle',
    error: null,
  };
}

function buildOrder(filter: ConversationFilter, conversations: RecordMap<Conversation>): ConversationOrder {
  const keys: OrderKey[] = [];
  for (const conversation of conversations.values()) {
    if (matchesConversationFilter(conversation, filter)) keys.push(orderKeyOf(conversation));
  }
  return ConversationOrder.from(keys);
}

/**
 * Merges conversations into the slice by conversationID (pages and events may deliver the same one) and
 * moves each in every view it belongs to. A conversation equal to the one held keeps its identity.
 */
export function upsertConversations(
  slice: ConversationSlice,
  list: readonly Conversation[],
): ConversationSlice {
  // One conversation is what nearly every event carries: no batch bookkeeping for it.
  if (list.length === 1) {
    const next = list[0] as Conversation;
    const prev = slice.conversations.get(next.conversationID);
    if (prev && conversationsEqual(prev, next)) return slice;
    return {
      conversations: slice.conversations.set(next.conversationID, next),
      views: moveInViews(slice.views, prev, next),
    };
  }
  // The last delivery of a conversation wins; each one is compared with the record held before the batch.
  const latest = new Map<string, Conversation>();
  for (const next of list) latest.set(next.conversationID, next);
  const changes: [Conversation | undefined, Conversation][] = [];
  for (const next of latest.values()) {
    const prev = slice.conversations.get(next.conversationID);
    if (prev && conversationsEqual(prev, next)) continue;
    changes.push([prev, next]);
  }
  if (changes.length === 0) return slice;
  const conversations = slice.conversations.setMany(changes.map(([, next]) => [next.conversationID, next]));
  if (changes.length > REBUILD_THRESHOLD)
    return { conversations, views: rebuildViews(slice.views, conversations) };

  let views = slice.views;
  for (const [prev, next] of changes) views = moveInViews(views, prev, next);
  return { conversations, views };
}

/**
 * `views` with one conversation moved in each order it belongs to; the same record when no order
 * changed (a new last message that keeps the conversation's place), so subscribers to the views see
 * no change.
 */
function moveInViews(
  views: Readonly<Record<string, ConversationView>>,
  prev: Conversation | undefined,
  next: Conversation,
): Readonly<Record<string, ConversationView>> {
  let copy: Record<string, ConversationView> | null = null;
  for (const key in views) {
    const view = views[key] as ConversationView;
    const order = moveInOrder(view.order, view.filter, prev, next);
    if (order === view.order) continue;
    copy ??= ownRecord(views);
    copy[key] = { ...view, order };
  }
  return copy ?? views;
}

function moveInOrder(
  order: ConversationOrder,
  filter: ConversationFilter,
  prev: Conversation | undefined,
  next: Conversation,
): ConversationOrder {
  const wasIn = prev !== undefined && matchesConversationFilter(prev, filter);
  const isIn = matchesConversationFilter(next, filter);
  if (wasIn && isIn) return order.move(orderKeyOf(prev), orderKeyOf(next));
  if (wasIn) return order.remove(orderKeyOf(prev));
  if (isIn) return order.insert(orderKeyOf(next));
  return order;
}

function rebuildViews(
  views: Readonly<Record<string, ConversationView>>,
  conversations: RecordMap<Conversation>,
): Record<string, ConversationView> {
  const next: Record<string, ConversationView> = ownRecord();
  for (const [key, view] of Object.entries(views)) {
    next[key] = { ...view, order: buildOrder(view.filter, conversations) };
  }
  return next;
}

/** Removes conversations from the slice and from every view. */
export function removeConversations(slice: ConversationSlice, ids: readonly string[]): ConversationSlice {
  const present = ids.filter((id) => slice.conversations.has(id));
  if (present.length === 0) return slice;
  const views: Record<string, ConversationView> = ownRecord(slice.views);
  for (const [key, view] of Object.entries(slice.views)) {
    let order = view.order;
    for (const id of present) {
      const prev = slice.conversations.get(id) as Conversation;
      if (matchesConversationFilter(prev, view.filter)) order = order.remove(orderKeyOf(prev));
    }
    if (order !== view.order) views[key] = { ...view, order };
  }
  return { conversations: slice.conversations.deleteMany(present), views };
}

/** Whether two conversation records say the same thing (so the held one can keep its identity). */
export function conversationsEqual(a: Conversation, b: Conversation): boolean {
  return (
    a.conversationID === b.conversationID &&
    a.orderKey === b.orderKey &&
    a.isPinned === b.isPinned &&
    a.unreadCount === b.unreadCount &&
    a.recvOpt === b.recvOpt &&
    a.draftText === b.draftText &&
    a.draftTimestamp === b.draftTimestamp &&
    a.showName === b.showName &&
    a.faceUrl === b.faceUrl &&
    a.readSeq === b.readSeq &&
    a.customData === b.customData &&
    a.type === b.type &&
    a.userID === b.userID &&
    a.groupID === b.groupID &&
    arraysEqual(a.markList, b.markList) &&
    arraysEqual(a.conversationGroupList, b.conversationGroupList) &&
    (a.groupAtInfoList === b.groupAtInfoList ||
      (a.groupAtInfoList.length === b.groupAtInfoList.length &&
        a.groupAtInfoList.every(
          (info, i) => info.seq === b.groupAtInfoList[i]?.seq && info.atType === b.groupAtInfoList[i]?.atType,
        ))) &&
    messagesEqual(a.lastMessage, b.lastMessage)
  );
}

/** Whether two messages say the same thing. */
export function messagesEqual(a: Message | null, b: Message | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.msgID === b.msgID &&
    a.status === b.status &&
    a.seq === b.seq &&
    a.timestamp === b.timestamp &&
    a.isRead === b.isRead &&
    a.isPeerRead === b.isPeerRead &&
    a.localCustomData === b.localCustomData &&
    a.cloudCustomData === b.cloudCustomData &&
    a.revoker === b.revoker &&
    a.nick === b.nick &&
    a.faceUrl === b.faceUrl &&
    (a.elemList === b.elemList || JSON.stringify(a.elemList) === JSON.stringify(b.elemList))
  );
}

function arraysEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  // Most changes carry the held arrays over (`{ ...held, orderKey }`): identity answers without reading them.
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}
