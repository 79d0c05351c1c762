import type { ConversationOrder } from '../../model/conversation-order';
import type { Conversation, ConversationListResult } from '../../model/types';
import { ChatError, ChatErrorCode } from '../chat-error';

/** Pages per session the nextSeq encoding has room for. */
const PAGE_SPACE = 2 ** 20;

/** Where a page starts: the snapshot position and how many conversations earlier pages returned. */
interface Checkpoint {
  position: number;
  returnedCount: number;
}

interface Session {
  id: number;
  filterKey: string;
  snapshot: ConversationOrder;
  returned: string[];
  returnedSet: Set<string>;
  checkpoints: Map<number, Checkpoint>;
}

/** What a page is taken from: the current order, current records and the filter test. */
export interface PagerSource {
  order(): ConversationOrder;
  get(conversationID: string): Conversation | undefined;
  matches(conversation: Conversation): boolean;
}

/**
 * Pages over a list the SDK only hands out whole, neither skipping nor repeating a conversation while
 * conversations move.
 *
 * `nextSeq` 0 opens a session holding a snapshot of the order (an immutable `ConversationOrder`, so
 * holding it costs nothing). A page walks the snapshot from where the previous one stopped, returning
 * current data and skipping conversations already returned, deleted, or no longer matching. Past the
 * snapshot's end come the conversations that match now but were never returned (they appeared or came
 * back since), in current order. `nextSeq` encodes session and page; asking for a page again repeats it
 * (a failed page can be retried). The newest `maxSessions` sessions are kept; an expired `nextSeq`
 * rejects with `INVALID_PARAMETER`.
 */
export class TencentConversationPager {
  readonly #sessions = new Map<number, Session>();
  readonly #maxSessions: number;
  #nextID: number;

  constructor(maxSessions = 16, random: () => number = Math.random) {
    this.#maxSessions = maxSessions;
    // A random start keeps a cursor from an earlier engine from landing in a session of this one.
    this.#nextID = 1 + Math.floor(random() * 2 ** 24);
  }

  page(
    method: string,
    source: PagerSource,
    filterKey: string,
    nextSeq: number,
    count: number,
  ): ConversationListResult {
    const { session, page } = this.#open(method, source, filterKey, nextSeq);
    const checkpoint = session.checkpoints.get(page) as Checkpoint;
    for (const id of session.returned.splice(checkpoint.returnedCount)) session.returnedSet.delete(id);
    for (const key of session.checkpoints.keys()) if (key > page) session.checkpoints.delete(key);

    const out: Conversation[] = [];
    const take = (id: string): void => {
      if (session.returnedSet.has(id)) return;
      const conversation = source.get(id);
      if (!conversation || !source.matches(conversation)) return;
      session.returnedSet.add(id);
      session.returned.push(id);
      out.push(conversation);
    };
    let position = checkpoint.position;
    while (out.length < count && position < session.snapshot.size)
      take(session.snapshot.at(position++) as string);
    let isFinished = false;
    if (position >= session.snapshot.size) {
      const later: string[] = [];
      for (const id of source.order()) {
        if (session.returnedSet.has(id)) continue;
        const conversation = source.get(id);
        if (conversation && source.matches(conversation)) later.push(id);
      }
      const room = count - out.length;
      for (const id of later.slice(0, room)) take(id);
      isFinished = later.length <= room;
    }
    const nextPage = page + 1;
    if (nextPage >= PAGE_SPACE) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `${method}: too many pages in one pass; start again at nextSeq 0.`,
      );
    }
    session.checkpoints.set(nextPage, { position, returnedCount: session.returned.length });
    return { conversationList: out, nextSeq: session.id * PAGE_SPACE + nextPage, isFinished };
  }

  #open(
    method: string,
    source: PagerSource,
    filterKey: string,
    nextSeq: number,
  ): { session: Session; page: number } {
    if (nextSeq === 0) {
      const session: Session = {
        id: this.#nextID++,
        filterKey,
        snapshot: source.order(),
        returned: [],
        returnedSet: new Set(),
        checkpoints: new Map([[0, { position: 0, returnedCount: 0 }]]),
      };
      this.#sessions.set(session.id, session);
      while (this.#sessions.size > this.#maxSessions) {
        this.#sessions.delete(this.#sessions.keys().next().value as number);
      }
      return { session, page: 0 };
    }
    const id = Math.floor(nextSeq / PAGE_SPACE);
    const page = nextSeq % PAGE_SPACE;
    const session = this.#sessions.get(id);
    if (!session?.checkpoints.has(page) || session.filterKey !== filterKey) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `${method}: nextSeq ${nextSeq} is unknown or expired (or belongs to another filter); start again at 0.`,
        { method, nextSeq },
      );
    }
    // Most recently used last, so the oldest session is the one dropped.
    this.#sessions.delete(id);
    this.#sessions.set(id, session);
    return { session, page };
  }
}
