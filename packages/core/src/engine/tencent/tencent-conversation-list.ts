import { matchesUnreadFilter, orderKeyOf } from '../../model/conversation-filter';
import { ConversationOrder } from '../../model/conversation-order';
import { type Conversation, ConversationMarkType, type UnreadFilter } from '../../model/types';
import type { TencentConversation } from './tencent-chat-like';
import {
  secondsToMs,
  type TencentMapContext,
  toConversation,
  toConversationID,
  toNumber,
} from './tencent-mappers';

/** What one SDK list update changed, as the conversation listener reports it. */
export interface ConversationListDiff {
  added: Conversation[];
  changed: Conversation[];
  deleted: string[];
  /** SDK IDs of hidden conversations a new message activated (to be shown again unless kept hidden). */
  activatedHidden: string[];
}

/** What the SDK conversation said last time, to tell an activation from a mere change. */
interface Seen {
  lastTimeMs: number;
  lastSequence: number;
}

/**
 * The adapter's copy of the SDK's conversation list, as Tidings conversations.
 *
 * The SDK hands out its whole list on every change and has no orderKey, so this keeps one: a
 * conversation's orderKey is its last message time (ms) when first seen, and grows past both its old
 * value and the new time whenever it is activated (a new last message, pinned, a draft set). Unchanged
 * conversations keep their object, so `===` tells what changed.
 */
export class TencentConversationList {
  readonly #ctx: TencentMapContext;
  readonly #now: () => number;
  #byID = new Map<string, Conversation>();
  readonly #seen = new Map<string, Seen>();
  #order: ConversationOrder | null = null;

  constructor(ctx: TencentMapContext, now: () => number) {
    this.#ctx = ctx;
    this.#now = now;
  }

  get size(): number {
    return this.#byID.size;
  }

  get(conversationID: string): Conversation | undefined {
    return this.#byID.get(conversationID);
  }

  values(): IterableIterator<Conversation> {
    return this.#byID.values();
  }

  /** Every conversation in list order (pinned, orderKey descending, conversationID). */
  order(): ConversationOrder {
    this.#order ??= ConversationOrder.from([...this.#byID.values()].map(orderKeyOf));
    return this.#order;
  }

  /**
   * Takes the SDK's list (`partial`: only some of its conversations) and returns what changed. A full list
   * replaces the old one: conversations missing from it are deleted.
   */
  apply(list: readonly TencentConversation[], partial = false): ConversationListDiff {
    const diff: ConversationListDiff = { added: [], changed: [], deleted: [], activatedHidden: [] };
    const next = partial ? new Map(this.#byID) : new Map<string, Conversation>();
    const present = new Set<string>();
    for (const sdk of list) {
      const id = toConversationID(sdk.conversationID);
      if (id === null || present.has(id)) continue;
      const previous = this.#byID.get(id);
      const mapped = this.#map(sdk, id, previous);
      if (!mapped) continue;
      present.add(id);
      if (!previous) {
        diff.added.push(mapped.conversation);
        next.set(id, mapped.conversation);
      } else if (sameData(previous, mapped.conversation)) {
        next.set(id, previous);
      } else {
        diff.changed.push(mapped.conversation);
        next.set(id, mapped.conversation);
      }
      if (mapped.activatedHidden) diff.activatedHidden.push(sdk.conversationID);
    }
    if (!partial) {
      for (const id of this.#byID.keys()) {
        if (present.has(id)) continue;
        diff.deleted.push(id);
        this.#seen.delete(id);
      }
    }
    this.#byID = next;
    if (diff.added.length + diff.changed.length + diff.deleted.length > 0) this.#order = null;
    return diff;
  }

  /** Drops these conversations; returns the IDs that were listed. */
  remove(conversationIDs: readonly string[]): string[] {
    const removed = conversationIDs.filter((id) => this.#byID.has(id));
    if (removed.length === 0) return removed;
    const next = new Map(this.#byID);
    for (const id of removed) {
      next.delete(id);
      this.#seen.delete(id);
    }
    this.#byID = next;
    this.#order = null;
    return removed;
  }

  /** Σ unreadCount over the conversations that count towards `filter` (muted ones never do). */
  unreadTotal(filter: UnreadFilter = {}): number {
    let total = 0;
    for (const conversation of this.#byID.values()) {
      if (matchesUnreadFilter(conversation, filter)) total += conversation.unreadCount;
    }
    return total;
  }

  #map(
    sdk: TencentConversation,
    id: string,
    previous: Conversation | undefined,
  ): { conversation: Conversation; activatedHidden: boolean } | null {
    const seen: Seen = {
      lastTimeMs: secondsToMs(sdk.lastMessage?.lastTime),
      lastSequence: toNumber(sdk.lastMessage?.lastSequence),
    };
    const before = this.#seen.get(id);
    const draft = typeof sdk.draftText === 'string' && sdk.draftText !== '' ? sdk.draftText : null;
    let orderKey: number;
    let draftTimestamp: number | null;
    let activatedHidden = false;
    if (!previous || !before) {
      // A pinned conversation or a draft activated it even without messages; 1 keeps it listed, last.
      orderKey = seen.lastTimeMs > 0 ? seen.lastTimeMs : sdk.isPinned === true || draft !== null ? 1 : 0;
      draftTimestamp = draft === null ? null : this.#now();
    } else {
      const newMessage =
        seen.lastTimeMs > 0 &&
        seen.lastTimeMs >= before.lastTimeMs &&
        (seen.lastTimeMs !== before.lastTimeMs || seen.lastSequence !== before.lastSequence);
      const pinned = sdk.isPinned === true && !previous.isPinned;
      const draftSet = draft !== null && draft !== previous.draftText;
      draftTimestamp = draft === null ? null : draftSet ? this.#now() : previous.draftTimestamp;
      orderKey = previous.orderKey;
      if (newMessage) orderKey = Math.max(orderKey + 1, seen.lastTimeMs);
      if (pinned || draftSet) orderKey = Math.max(orderKey + 1, this.#now());
      activatedHidden = newMessage && previous.markList.includes(ConversationMarkType.hide);
    }
    const conversation = toConversation(sdk, { orderKey, draftTimestamp }, this.#ctx);
    if (!conversation) return null;
    this.#seen.set(id, seen);
    return {
      conversation,
      activatedHidden: activatedHidden && conversation.markList.includes(ConversationMarkType.hide),
    };
  }
}

/** Deep equality of plain data (objects, arrays, primitives), as the mappers produce it. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
