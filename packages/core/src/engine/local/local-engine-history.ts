import type {
  HistoryMessageQuery,
  HistoryMessageResult,
  Message,
  MessageElem,
  MessageElemType,
  MessageLocator,
  MessageSearchParams,
  MessageSearchResult,
} from '../../model/types';
import {
  assertBoolean,
  assertConversationID,
  assertElem,
  assertIDList,
  assertInteger,
  assertOptionalInteger,
  assertOptions,
  invalidParameter,
  MESSAGE_ELEM_TYPES,
} from '../engine-validation';
import type { LocalEngineMedia } from './local-engine-media';
import { Batch, type ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { compareMessages, searchableText } from './local-message-utils';
import type { WireHistoryQuery } from './local-protocol';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * @internal The calls of a local engine that read messages: history pages (what this device holds merged
 * with the hub's roaming history), lookups by ID and locator, search over what this device holds, and
 * downloads of media.
 */
export class LocalEngineHistory {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;
  readonly #media: LocalEngineMedia;

  constructor(session: LocalEngineSession, mirror: ConversationMirror, media: LocalEngineMedia) {
    this.#session = session;
    this.#mirror = mirror;
    this.#media = media;
  }

  /**
   * A page of history. What this device holds answers at once when it fills the page (offline, whatever
   * it holds); the hub's page is then fetched behind it, and messages this device did not hold arrive as
   * new messages, changed ones as modified. A page the device cannot fill waits for the hub.
   */
  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    return this.#session.call('getHistoryMessageList', async () => {
      const wireQuery = toWireHistoryQuery('getHistoryMessageList', query);
      const { count } = wireQuery;
      const online = this.#session.link.online;
      const cached = this.#page(wireQuery, new Map());
      if (online && cached.sorted.length >= count) {
        void this.#reconcile(wireQuery);
        return { messageList: cached.page, isFinished: false };
      }
      let hubHasMore = false;
      const fromHub = new Map<string, Message>();
      if (online) {
        const result = await this.#session.request('history', wireQuery);
        hubHasMore = result.hasMore;
        for (const message of result.messages) {
          const held = this.#mirror.holdFromHub(message);
          if (held) fromHub.set(held.msgID, held);
        }
        this.#session.persistSoon();
      }
      const { page, sorted } = this.#page(wireQuery, fromHub);
      return { messageList: page, isFinished: !hubHasMore && sorted.length <= count };
    });
  }

  /** The page `query` asks for out of what this device holds and `fromHub`. */
  #page(query: WireHistoryQuery, fromHub: Map<string, Message>): { page: Message[]; sorted: Message[] } {
    const { store } = this.#session;
    const { conversationID, count, direction, seqBound } = query;
    const boundary =
      seqBound === null ? null : store.list(conversationID).find((message) => message.seq === seqBound);
    const inRange = historyRange(query, boundary);
    const merged = new Map<string, Message>();
    const serverLast = this.#mirror.get(conversationID)?.state.lastMessage;
    if (serverLast && !store.isDeleted(serverLast.msgID) && inRange(serverLast)) {
      merged.set(serverLast.msgID, store.get(serverLast.msgID)?.message ?? serverLast);
    }
    for (const message of store.list(conversationID)) {
      if (inRange(message)) merged.set(message.msgID, message);
    }
    for (const message of fromHub.values()) if (inRange(message)) merged.set(message.msgID, message);
    const sorted = [...merged.values()].sort(compareMessages);
    const page =
      direction === 'older' ? sorted.slice(Math.max(0, sorted.length - count)) : sorted.slice(0, count);
    return { page, sorted };
  }

  /** Fetches the hub's page behind a page served from this device, and reports what it adds or changes. */
  async #reconcile(query: WireHistoryQuery): Promise<void> {
    const session = this.#session;
    try {
      const result = await session.request('history', query);
      if (session.loggedOut) return;
      const batch = new Batch();
      for (const message of result.messages) {
        const before = session.store.get(message.msgID)?.message;
        const held = this.#mirror.holdFromHub(message);
        if (!held) continue;
        if (!before) batch.events.push(() => session.emitNewMessage(held));
        else if (before.status !== held.status || before.isPeerRead !== held.isPeerRead)
          batch.events.push(() => session.emitMessageModified(held));
      }
      this.#mirror.refresh(batch, query.conversationID);
      this.#mirror.emit(batch);
      session.persistSoon();
    } catch {
      // The page shown stays what this device held; the next sync or page brings the rest.
    }
  }

  findMessages(msgIDList: string[]): Promise<Message[]> {
    return this.#session.call('findMessages', () => {
      const ids = assertIDList('findMessages', 'msgIDList', msgIDList, 100);
      return ids.flatMap((msgID) => {
        const cached = this.#mirror.held(msgID);
        return cached ? [cached.message] : [];
      });
    });
  }

  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    return this.#session.call('findMessageByLocator', async () => {
      const method = 'findMessageByLocator';
      assertConversationID(method, conversationID);
      const options = assertOptions(method, locator, 'locator');
      let seq: number | null = null;
      let time = 0;
      let random = 0;
      let isSelf = false;
      if ('seq' in options) {
        seq = assertInteger(method, 'locator.seq', options.seq, 1, Number.MAX_SAFE_INTEGER);
      } else {
        time = assertInteger(method, 'locator.time', options.time, 0, Number.MAX_SAFE_INTEGER);
        random = assertInteger(method, 'locator.random', options.random, 0, Number.MAX_SAFE_INTEGER);
        isSelf = assertBoolean(method, 'locator.isSelf', options.isSelf);
      }
      const local = this.#session.store
        .list(conversationID)
        .find((message) =>
          seq !== null
            ? message.seq === seq
            : message.timestamp === time && message.random === random && message.isSelf === isSelf,
        );
      if (local) return local;
      if (!this.#session.link.online) return null;
      const found = await this.#session.request('findByLocator', {
        conversationID,
        seq,
        time,
        random,
        isSelf,
      });
      return found ? (this.#mirror.holdFromHub(found) ?? null) : null;
    });
  }

  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    return this.#session.call('searchLocalMessages', () => {
      const { store } = this.#session;
      const search = toLocalSearch('searchLocalMessages', params);
      const { keywords, pageIndex, pageSize } = search;
      const conversationIDs =
        search.conversationID === undefined ? [...store.conversationIDs()] : [search.conversationID];
      const matches: Message[] = [];
      const counts = new Map<string, number>();
      for (const id of conversationIDs) {
        for (const message of store.list(id)) {
          if (message.status === 'revoked' || message.isOnlineOnly) continue;
          if (message.timestamp < search.timeStart || message.timestamp > search.timeEnd) continue;
          if (search.senders.length > 0 && !search.senders.includes(message.sender)) continue;
          if (search.types.length > 0 && !message.elemList.some((elem) => search.types.includes(elem.type)))
            continue;
          if (keywords.length > 0) {
            const text = message.elemList.map(searchableText).join('\n').toLocaleLowerCase();
            const hit =
              search.matchType === 'and'
                ? keywords.every((keyword) => text.includes(keyword))
                : keywords.some((keyword) => text.includes(keyword));
            if (!hit) continue;
          }
          matches.push(message);
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
      matches.sort((a, b) => compareMessages(b, a));
      const page = matches.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
      const items = new Map<string, Message[]>();
      for (const message of page) {
        const list = items.get(message.conversationID) ?? [];
        list.push(message);
        items.set(message.conversationID, list);
      }
      return {
        totalCount: matches.length,
        items: [...items].map(([conversationID, messageList]) => ({
          conversationID,
          messageCount: counts.get(conversationID) ?? messageList.length,
          messageList,
        })),
      };
    });
  }

  downloadElem(elem: MessageElem, which: 'file' | 'snapshot' = 'file'): Promise<Blob> {
    return this.#session.call('downloadElem', async () => {
      const method = 'downloadElem';
      const valid = assertElem(method, elem);
      if (
        valid.type !== 'image' &&
        valid.type !== 'sound' &&
        valid.type !== 'video' &&
        valid.type !== 'file'
      ) {
        throw invalidParameter(method, 'elem', 'an image, sound, video or file element', valid.type);
      }
      if (which !== 'file' && which !== 'snapshot')
        throw invalidParameter(method, 'which', "'file' or 'snapshot'", which);
      if (which === 'snapshot' && valid.type !== 'video') {
        throw invalidParameter(method, 'which', "'file' for a non-video element", which);
      }
      const uuid = which === 'snapshot' && valid.type === 'video' ? valid.snapshotUuid : valid.uuid;
      const local = await this.#media.blobFor(uuid);
      if (local) return local;
      const result = await this.#session.request('download', { uuid });
      return new Blob([result.data], { type: result.type });
    });
  }
}

/** Checks a history query and turns it into the hub's bounds (a cursor wins over `lastMsgSeq`). */
function toWireHistoryQuery(method: string, query: unknown): WireHistoryQuery {
  const options = assertOptions(method, query, 'query');
  if (query === undefined) throw invalidParameter(method, 'query', 'an object');
  const conversationID = options.conversationID as string;
  assertConversationID(method, conversationID, 'query.conversationID');
  const count = assertInteger(method, 'query.count', options.count, 1, 100);
  const direction = options.direction ?? 'older';
  if (direction !== 'older' && direction !== 'newer') {
    throw invalidParameter(method, 'query.direction', "'older' or 'newer'", direction);
  }
  let cursor: WireHistoryQuery['cursor'] = null;
  if (options.lastMsg !== undefined && options.lastMsg !== null) {
    const last = options.lastMsg as Message;
    if (typeof last !== 'object' || typeof last.msgID !== 'string' || typeof last.timestamp !== 'number') {
      throw invalidParameter(method, 'query.lastMsg', 'a message', last);
    }
    cursor = {
      timestamp: last.timestamp,
      seq: typeof last.seq === 'number' ? last.seq : 0,
      msgID: last.msgID,
    };
  }
  let seqBound: number | null = null;
  if (options.lastMsgSeq !== undefined) {
    const seq = assertInteger(method, 'query.lastMsgSeq', options.lastMsgSeq, 0, Number.MAX_SAFE_INTEGER);
    if (!cursor && seq > 0) seqBound = seq;
  }
  let timeFrom: number | null = null;
  let timeTo: number | null = null;
  const timeBegin = assertOptionalInteger(method, 'query.timeBegin', options.timeBegin, 0, MAX, 0);
  const timePeriod = assertOptionalInteger(method, 'query.timePeriod', options.timePeriod, 0, MAX, 0);
  if (timePeriod > 0) {
    timeFrom = timeBegin;
    timeTo = timeBegin + timePeriod;
  } else if (timeBegin > 0) {
    if (direction === 'older') timeTo = timeBegin;
    else timeFrom = timeBegin;
  }
  return { conversationID, count, direction, cursor, seqBound, timeFrom, timeTo };
}

/**
 * Whether a message this device holds falls in the page `query` asks for. A local message (seq 0) is
 * placed against `boundary`, the held message at `seqBound`; without one it is left out.
 */
function historyRange(
  query: WireHistoryQuery,
  boundary: Message | null | undefined,
): (message: Message) => boolean {
  const { cursor, direction, seqBound, timeFrom, timeTo } = query;
  return (message) => {
    if (message.isOnlineOnly) return false;
    if (cursor) {
      const order = compareMessages(message, cursor);
      if (direction === 'older' ? order >= 0 : order <= 0) return false;
    }
    if (seqBound !== null) {
      if (message.seq > 0) {
        if (direction === 'older' ? message.seq > seqBound : message.seq < seqBound) return false;
      } else if (
        !boundary ||
        (direction === 'older'
          ? compareMessages(message, boundary) > 0
          : compareMessages(message, boundary) < 0)
      ) {
        return false;
      }
    }
    if (timeFrom !== null && message.timestamp < timeFrom) return false;
    if (timeTo !== null && message.timestamp > timeTo) return false;
    return true;
  };
}

/** Checks search parameters: lower-cased keywords, the filters, the time range and the page. */
function toLocalSearch(method: string, params: unknown) {
  const options = assertOptions(method, params, 'params');
  if (params === undefined) throw invalidParameter(method, 'params', 'an object');
  const keywords = (
    options.keywordList === undefined
      ? []
      : assertIDList(method, 'params.keywordList', options.keywordList, 10, { allowEmpty: true })
  ).map((keyword) => keyword.toLocaleLowerCase());
  const matchType = options.keywordListMatchType ?? 'or';
  if (matchType !== 'or' && matchType !== 'and') {
    throw invalidParameter(method, 'params.keywordListMatchType', "'or' or 'and'", matchType);
  }
  const types = options.messageTypeList === undefined ? [] : (options.messageTypeList as MessageElemType[]);
  if (!Array.isArray(types) || types.some((type) => !MESSAGE_ELEM_TYPES.includes(type))) {
    throw invalidParameter(
      method,
      'params.messageTypeList',
      `an array of ${MESSAGE_ELEM_TYPES.join(', ')}`,
      types,
    );
  }
  const senders =
    options.senderUserIDList === undefined
      ? []
      : assertIDList(method, 'params.senderUserIDList', options.senderUserIDList, 100, { allowEmpty: true });
  if (options.conversationID !== undefined) {
    assertConversationID(method, options.conversationID, 'params.conversationID');
  }
  const timeStart = assertOptionalInteger(method, 'params.timePosition', options.timePosition, 0, MAX, 0);
  const timePeriod = assertOptionalInteger(method, 'params.timePeriod', options.timePeriod, 0, MAX, 0);
  const pageIndex = assertOptionalInteger(method, 'params.pageIndex', options.pageIndex, 0, MAX, 0);
  const pageSize = assertOptionalInteger(method, 'params.pageSize', options.pageSize, 1, 100, 20);
  return {
    keywords,
    matchType,
    types,
    senders,
    conversationID: options.conversationID as string | undefined,
    timeStart,
    timeEnd: timePeriod > 0 ? timeStart + timePeriod : Number.POSITIVE_INFINITY,
    pageIndex,
    pageSize,
  };
}
