import { ChatError, ChatErrorCode } from '../model/chat-error';
import { conversationFilterKey, matchesConversationFilter } from '../model/conversation-filter';
import type { ConversationOrder } from '../model/conversation-order';
import type { Conversation, ConversationFilter, ConversationListResult } from '../model/types';

/** Pages per session the nextSeq encoding has room for. */
const PAGE_SPACE = 2 ** 20;

interface Checkpoint {
  position: number;
  extras: readonly string[] | null;
  extrasPosition: number;
  returned: number;
}

interface Session {
  id: number;
  filterKey: string;
  snapshot: ConversationOrder;
  returnedList: string[];
  returned: Map<string, number>;
  checkpoints: Map<number, Checkpoint>;
}

/** What a pager reads: an engine's current conversation order and records. */
export interface PagerSource {
  order(): ConversationOrder;
  get(conversationID: string): Conversation | undefined;
}

/**
 * Conversation paging that neither skips nor repeats while conversations move.
 *
 * `nextSeq = 0` opens a session holding a snapshot of the order (an immutable `ConversationOrder`, so the
 * snapshot costs nothing). Each page walks the snapshot, returning conversations with their current data
 * and skipping ones deleted or no longer matching, and remembers what it returned. Once the snapshot is
 * used up, conversations that match now but were never returned (they appeared, or came back, since) are
 * returned before `isFinished`. `nextSeq` encodes (session, page) as a safe integer; asking for the same
 * page again gives it again, so a failed page can be retried. The newest `maxSessions` sessions are kept.
 * Both engines page their conversation mirror with it.
 */
export class ConversationPager {
  readonly #sessions = new Map<number, Session>();
  readonly #maxSessions: number;
  #nextID: number;

  constructor(maxSessions = 16, random: () => number = Math.random) {
    this.#maxSessions = maxSessions;
    // A random start keeps a cursor from an earlier engine from landing in a session of this one.
    this.#nextID = 1 + Math.floor(random() * 2 ** 24);
  }

  /** The page of `filter`'s conversations at `nextSeq` (0 starts a new pass), at most `count` long. */
  page(
    source: PagerSource,
    filter: ConversationFilter,
    nextSeq: number,
    count: number,
  ): ConversationListResult {
    const { session, page } = this.#open(source, conversationFilterKey(filter), nextSeq);
    const checkpoint = session.checkpoints.get(page) as Checkpoint;
    for (let i = checkpoint.returned; i < session.returnedList.length; i++) {
      session.returned.delete(session.returnedList[i] as string);
    }
    session.returnedList.length = checkpoint.returned;
    for (const key of [...session.checkpoints.keys()]) if (key > page) session.checkpoints.delete(key);

    let { position, extras, extrasPosition } = checkpoint;
    const out: Conversation[] = [];
    const take = (id: string): void => {
      if (session.returned.has(id)) return;
      const conversation = source.get(id);
      if (!conversation || !matchesConversationFilter(conversation, filter)) return;
      session.returned.set(id, session.returnedList.length);
      session.returnedList.push(id);
      out.push(conversation);
    };
    const scanExtras = (): readonly string[] => {
      const found: string[] = [];
      for (const id of source.order()) {
        if (session.returned.has(id)) continue;
        const conversation = source.get(id);
        if (conversation && matchesConversationFilter(conversation, filter)) found.push(id);
      }
      return found;
    };
    let finished = false;
    while (out.length < count) {
      if (position < session.snapshot.size) {
        take(session.snapshot.at(position++) as string);
        continue;
      }
      if (!extras || extrasPosition >= extras.length) {
        extras = scanExtras();
        extrasPosition = 0;
        if (extras.length === 0) {
          finished = true;
          break;
        }
      }
      take(extras[extrasPosition++] as string);
    }
    if (!finished && position >= session.snapshot.size && (!extras || extrasPosition >= extras.length)) {
      extras = scanExtras();
      extrasPosition = 0;
      finished = extras.length === 0;
    }
    const nextPage = page + 1;
    if (nextPage >= PAGE_SPACE) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        'getConversationList: too many pages in one pass; start again at nextSeq 0.',
      );
    }
    session.checkpoints.set(nextPage, {
      position,
      extras,
      extrasPosition,
      returned: session.returnedList.length,
    });
    return { conversationList: out, nextSeq: session.id * PAGE_SPACE + nextPage, isFinished: finished };
  }

  #open(source: PagerSource, filterKey: string, nextSeq: number): { session: Session; page: number } {
    if (nextSeq === 0) {
      const session: Session = {
        id: this.#nextID++,
        filterKey,
        snapshot: source.order(),
        returnedList: [],
        returned: new Map(),
        checkpoints: new Map([[0, { position: 0, extras: null, extrasPosition: 0, returned: 0 }]]),
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
        `getConversationList: nextSeq ${nextSeq} is unknown or expired (or belongs to another filter); start again at 0.`,
        { nextSeq },
      );
    }
    // Most recently used last, so the oldest session is the one dropped.
    this.#sessions.delete(id);
    this.#sessions.set(id, session);
    return { session, page };
  }
}
