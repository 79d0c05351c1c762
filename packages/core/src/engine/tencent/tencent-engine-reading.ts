import { ChatError, ChatErrorCode } from '../../model/chat-error';
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
  assertMessage,
  assertOptions,
  invalidParameter,
  MESSAGE_ELEM_TYPES,
} from '../engine-validation';
import type { TencentMessage } from './tencent-chat-like';
import { downloadMergers } from './tencent-engine-events';
import type { TencentEngineSession } from './tencent-engine-session';
import { callTencent, notSupported, withoutModule } from './tencent-errors';
import { findByLocator, loadHistory } from './tencent-history';
import { toConversationID, toMessage, toSdkConversationID, toSdkElemType } from './tencent-mappers';

/** How many searches keep their page cursors. */
const MAX_SEARCH_CACHES = 20;

/** @internal The calls of a Tencent engine that read messages: history pages, lookups, cloud search, media downloads. */
export class TencentEngineReading {
  readonly #session: TencentEngineSession;
  /** Per search, the SDK's cursor of each page reached so far (null past the last). */
  readonly #searchCursors = new Map<string, (string | null)[]>();

  constructor(session: TencentEngineSession) {
    this.#session = session;
  }

  async getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    const method = 'getHistoryMessageList';
    this.#session.guard(method);
    const q = assertOptions(method, query, 'query');
    const parsed = assertConversationID(method, q.conversationID, 'query.conversationID');
    const count = assertInteger(method, 'query.count', q.count, 1, 100);
    const direction = q.direction ?? 'older';
    if (direction !== 'older' && direction !== 'newer') {
      throw invalidParameter(method, 'query.direction', "'older' or 'newer'", direction);
    }
    const lastMsg = q.lastMsg === undefined ? undefined : assertMessage(method, q.lastMsg, 'query.lastMsg');
    const optionalInteger = (name: string) =>
      q[name] === undefined
        ? undefined
        : assertInteger(method, `query.${name}`, q[name], 0, Number.MAX_SAFE_INTEGER);
    const lastMsgSeq = optionalInteger('lastMsgSeq');
    const timeBegin = optionalInteger('timeBegin');
    const timePeriod = optionalInteger('timePeriod');
    const { list, isFinished } = await loadHistory(method, this.#session.chat, {
      sdkConversationID: toSdkConversationID(q.conversationID as string),
      type: parsed.type,
      count,
      direction,
      ...(lastMsg && { lastMsg: { message: lastMsg, sdkID: this.#session.sender.sdkIDOf(lastMsg.msgID) } }),
      ...(lastMsgSeq !== undefined && { lastMsgSeq }),
      ...(timeBegin !== undefined && { timeBegin }),
      ...(timePeriod !== undefined && { timePeriod }),
    });
    await downloadMergers(this.#session.chat, list);
    return { messageList: list.map((message) => toMessage(message, this.#session.ctx)), isFinished };
  }

  async findMessages(msgIDList: string[]): Promise<Message[]> {
    const method = 'findMessages';
    this.#session.guard(method);
    const ids = assertIDList(method, 'msgIDList', msgIDList, Number.MAX_SAFE_INTEGER);
    const found = ids
      .map((id) => this.#session.sender.find(id))
      .filter(
        (sdk): sdk is TencentMessage =>
          !!sdk && !sdk.isDeleted && toConversationID(sdk.conversationID) !== null,
      );
    await downloadMergers(this.#session.chat, found);
    return found.map((sdk) => toMessage(sdk, this.#session.ctx));
  }

  async findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    const method = 'findMessageByLocator';
    this.#session.guard(method);
    const parsed = assertConversationID(method, conversationID);
    const raw = assertOptions(method, locator, 'locator');
    let checked: MessageLocator;
    if (raw.seq !== undefined) {
      checked = { seq: assertInteger(method, 'locator.seq', raw.seq, 1, Number.MAX_SAFE_INTEGER) };
    } else {
      checked = {
        time: assertInteger(method, 'locator.time', raw.time, 0, Number.MAX_SAFE_INTEGER),
        random: assertInteger(method, 'locator.random', raw.random, 0, Number.MAX_SAFE_INTEGER),
        isSelf: assertBoolean(method, 'locator.isSelf', raw.isSelf),
      };
    }
    const found = await findByLocator(
      method,
      this.#session.chat,
      toSdkConversationID(conversationID),
      parsed.type,
      checked,
    );
    return found ? toMessage(found, this.#session.ctx) : null;
  }

  /**
   * Searches with the SDK's cloud search (the web SDK keeps no local messages); needs the cloud search
   * plugin. Pages are walked with the SDK's cursors, so page N costs N calls the first time.
   */
  async searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    const method = 'searchLocalMessages';
    this.#session.guard(method);
    const {
      keywordList,
      matchType,
      senderUserIDList,
      messageTypeList,
      conversationID: scope,
      timePosition,
      timePeriod,
      pageIndex,
      pageSize,
    } = checkSearchParams(method, params);
    // The SDK's range is [timePosition - timePeriod, timePosition] in seconds; Tidings' starts at timePosition.
    const end = timePeriod > 0 ? timePosition + timePeriod : timePosition > 0 ? this.#session.now() : 0;
    const options = {
      ...(keywordList?.length && { keywordList, keywordListMatchType: matchType }),
      ...(senderUserIDList?.length && { senderUserIDList }),
      ...(messageTypeList?.length && { messageTypeList: messageTypeList.map(toSdkElemType) }),
      ...(scope !== undefined && { conversationID: toSdkConversationID(scope) }),
      ...(end > 0 && {
        timePosition: Math.ceil(end / 1000),
        timePeriod: Math.ceil((end - timePosition) / 1000),
      }),
      count: pageSize,
    };
    const key = JSON.stringify(options);
    const cursors = this.#searchCursors.get(key) ?? [''];
    this.#searchCursors.delete(key);
    this.#searchCursors.set(key, cursors);
    if (this.#searchCursors.size > MAX_SEARCH_CACHES)
      this.#searchCursors.delete(this.#searchCursors.keys().next().value as string);
    let at = Math.min(pageIndex, cursors.length - 1);
    for (;;) {
      const cursor = cursors[at];
      if (cursor === null || cursor === undefined) return { totalCount: 0, items: [] };
      const data = await callTencent(method, () =>
        this.#session.chat.searchCloudMessages({ ...options, ...(cursor !== '' && { cursor }) }),
      ).catch((error: unknown) => {
        throw withoutModule(error, method, 'cloud-search-module', 'searches messages only in the cloud');
      });
      cursors[at + 1] = typeof data.cursor === 'string' && data.cursor !== '' ? data.cursor : null;
      if (at === pageIndex) {
        const items = (data.searchResultList ?? []).flatMap((item) => {
          const conversationID = toConversationID(item.conversationID);
          if (!conversationID) return [];
          const messageList = (item.messageList ?? [])
            .map((message) => toMessage(message, this.#session.ctx))
            .sort((a, b) => b.timestamp - a.timestamp);
          return [{ conversationID, messageCount: item.messageCount ?? messageList.length, messageList }];
        });
        return { totalCount: data.totalCount ?? 0, items };
      }
      at++;
    }
  }

  /** Fetches the element's URL (a video's `snapshotUrl` with `which` 'snapshot'). */
  async downloadElem(elem: MessageElem, which: 'file' | 'snapshot' = 'file'): Promise<Blob> {
    const method = 'downloadElem';
    this.#session.guard(method);
    const checked = assertElem(method, elem);
    if (which !== 'file' && which !== 'snapshot')
      throw invalidParameter(method, 'which', "'file' or 'snapshot'", which);
    if (
      checked.type !== 'image' &&
      checked.type !== 'sound' &&
      checked.type !== 'video' &&
      checked.type !== 'file'
    ) {
      throw invalidParameter(method, 'elem', 'an image, sound, video or file element', checked.type);
    }
    if (which === 'snapshot' && checked.type !== 'video') {
      throw invalidParameter(method, 'which', "'file' for an element that is not a video", which);
    }
    const url = which === 'snapshot' && checked.type === 'video' ? checked.snapshotUrl : checked.url;
    if (typeof url !== 'string' || url === '') {
      throw invalidParameter(method, 'elem', 'an element with a URL (one that was sent or received)');
    }
    const fetchURL =
      this.#session.fetch ?? (typeof fetch === 'function' ? (target: string) => fetch(target) : undefined);
    if (!fetchURL) throw notSupported(method, 'this platform has no fetch; pass one as the `fetch` option');
    let response: Response;
    try {
      response = await fetchURL(url);
    } catch (error) {
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: fetching ${url} failed.`,
        { method, url },
        { cause: error },
      );
    }
    if (!response.ok) {
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: fetching ${url} answered ${response.status}.`,
        {
          method,
          url,
          status: response.status,
        },
      );
    }
    return response.blob();
  }
}

/** Checks search parameters: at least one of keywords, senders and element types, and the page. */
function checkSearchParams(method: string, params: unknown) {
  const p = assertOptions(method, params, 'params');
  const strings = (name: string): string[] | undefined =>
    p[name] === undefined
      ? undefined
      : assertIDList(method, `params.${name}`, p[name], Number.MAX_SAFE_INTEGER, { allowEmpty: true });
  const keywordList = strings('keywordList');
  const senderUserIDList = strings('senderUserIDList');
  const rawMatchType = p.keywordListMatchType ?? 'or';
  if (rawMatchType !== 'or' && rawMatchType !== 'and') {
    throw invalidParameter(method, 'params.keywordListMatchType', "'or' or 'and'", rawMatchType);
  }
  const matchType: 'or' | 'and' = rawMatchType;
  let messageTypeList: MessageElemType[] | undefined;
  if (p.messageTypeList !== undefined) {
    if (
      !Array.isArray(p.messageTypeList) ||
      p.messageTypeList.some((type) => !MESSAGE_ELEM_TYPES.includes(type))
    ) {
      throw invalidParameter(
        method,
        'params.messageTypeList',
        'an array of element types',
        p.messageTypeList,
      );
    }
    messageTypeList = p.messageTypeList as MessageElemType[];
  }
  if (p.conversationID !== undefined) assertConversationID(method, p.conversationID, 'params.conversationID');
  const integer = (name: string, min: number, max: number, fallback: number) =>
    p[name] === undefined ? fallback : assertInteger(method, `params.${name}`, p[name], min, max);
  const timePosition = integer('timePosition', 0, Number.MAX_SAFE_INTEGER, 0);
  const timePeriod = integer('timePeriod', 0, Number.MAX_SAFE_INTEGER, 0);
  const pageIndex = integer('pageIndex', 0, 10_000, 0);
  const pageSize = integer('pageSize', 1, 100, 20);
  if (!keywordList?.length && !senderUserIDList?.length && !messageTypeList?.length) {
    throw invalidParameter(method, 'params', 'given keywordList, senderUserIDList or messageTypeList');
  }
  return {
    keywordList,
    matchType,
    senderUserIDList,
    messageTypeList,
    conversationID: p.conversationID as string | undefined,
    timePosition,
    timePeriod,
    pageIndex,
    pageSize,
  };
}
