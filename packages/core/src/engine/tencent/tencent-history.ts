import type { ConversationType, Message, MessageLocator } from '../../model/types';
import { invalidParameter } from '../engine-validation';
import type { TencentChatLike, TencentMessage } from './tencent-chat-like';
import { callTencent, notSupported } from './tencent-errors';
import { secondsToMs, toNumber } from './tencent-mappers';

/** The SDK returns at most 15 messages a call. */
const SDK_PAGE = 15;
/** Calls one history page may make (a page is at most 100 messages). */
const MAX_CALLS = 30;

/** A checked `getHistoryMessageList` query. */
export interface HistoryRequest {
  sdkConversationID: string;
  type: ConversationType;
  count: number;
  direction: 'older' | 'newer';
  /** The cursor message, with its SDK ID. */
  lastMsg?: { message: Message; sdkID: string };
  lastMsgSeq?: number;
  timeBegin?: number;
  timePeriod?: number;
}

interface SdkPage {
  list: TencentMessage[];
  done: boolean;
}

type HoppingCursor = { sequence: number } | { time: number };

/**
 * One page of history, oldest first, over the SDK's two paging calls: `getMessageList` (newest first, by
 * message ID, 15 at a time) for older pages and `getMessageListHopping` (by group sequence or C2C time)
 * for pages from a sequence, a time, or newer than a message. Calls repeat until `count` messages are in.
 */
export async function loadHistory(
  method: string,
  chat: TencentChatLike,
  request: HistoryRequest,
): Promise<{ list: TencentMessage[]; isFinished: boolean }> {
  const {
    sdkConversationID: conversationID,
    type,
    count,
    direction,
    lastMsg,
    lastMsgSeq,
    timeBegin,
  } = request;
  const window =
    timeBegin !== undefined && request.timePeriod
      ? { from: timeBegin, to: timeBegin + request.timePeriod }
      : null;
  const inWindow = (m: TencentMessage) => !window || (ms(m) >= window.from && ms(m) <= window.to);

  const hop = (start: HoppingCursor): ((want: number) => Promise<SdkPage>) => {
    let cursor = start;
    return async (want) => {
      const data = await callTencent(method, () =>
        chat.getMessageListHopping({
          conversationID,
          ...cursor,
          direction: direction === 'older' ? 0 : 1,
          count: Math.min(SDK_PAGE, Math.max(1, want)),
        }),
      );
      const next = 'sequence' in cursor ? toNumber(data.nextMessageSeq) : toNumber(data.nextMessageTime);
      cursor = 'sequence' in cursor ? { sequence: next } : { time: next };
      return { list: data.messageList ?? [], done: data.isCompleted === true || next <= 0 };
    };
  };

  let fetchPage: (want: number) => Promise<SdkPage>;
  let keep: (m: TencentMessage) => boolean = inWindow;
  // A message past the window's far edge ends the paging.
  const pastEdge = (m: TencentMessage): boolean =>
    window !== null && (direction === 'older' ? ms(m) < window.from : ms(m) > window.to);

  if (lastMsgSeq !== undefined && !lastMsg) {
    if (type !== 'group')
      throw invalidParameter(
        method,
        'query.lastMsgSeq',
        'left out for a C2C conversation (sequences page groups)',
      );
    fetchPage = hop({ sequence: lastMsgSeq });
  } else if (direction === 'older' && (lastMsg || timeBegin === undefined)) {
    let next = lastMsg?.sdkID;
    fetchPage = async () => {
      const data = await callTencent(method, () =>
        chat.getMessageList({ conversationID, ...(next !== undefined && { nextReqMessageID: next }) }),
      );
      next = data.nextReqMessageID || undefined;
      return { list: data.messageList ?? [], done: data.isCompleted === true || next === undefined };
    };
    if (lastMsg) keep = (m) => m.ID !== lastMsg.sdkID && inWindow(m);
  } else if (lastMsg) {
    const cursor = lastMsg.message;
    if (type === 'group') {
      fetchPage = hop({ sequence: cursor.seq + 1 });
      keep = (m) => m.ID !== lastMsg.sdkID && inWindow(m);
    } else {
      // C2C pages by whole seconds: the cursor's second comes again, without the cursor itself.
      fetchPage = hop({ time: Math.floor(cursor.timestamp / 1000) });
      keep = (m) =>
        m.ID !== lastMsg.sdkID && ms(m) >= Math.floor(cursor.timestamp / 1000) * 1000 && inWindow(m);
    }
  } else if (timeBegin !== undefined) {
    if (type === 'group') {
      throw notSupported(
        method,
        'it pages group history by sequence only; start a group page from lastMsg or lastMsgSeq',
      );
    }
    const start = direction === 'older' ? (window?.to ?? timeBegin) : timeBegin;
    fetchPage = hop({ time: direction === 'older' ? Math.ceil(start / 1000) : Math.floor(start / 1000) });
    keep = (m) => (direction === 'older' ? ms(m) <= start : ms(m) >= start) && inWindow(m);
  } else {
    throw invalidParameter(method, 'query', "a lastMsg, lastMsgSeq or timeBegin to page 'newer' from");
  }
  return collect(fetchPage, keep, pastEdge, count, direction);
}

function ms(message: TencentMessage): number {
  return secondsToMs(message.time);
}

async function collect(
  fetchPage: (want: number) => Promise<SdkPage>,
  keep: (m: TencentMessage) => boolean,
  pastEdge: (m: TencentMessage) => boolean,
  count: number,
  direction: 'older' | 'newer',
): Promise<{ list: TencentMessage[]; isFinished: boolean }> {
  const collected: TencentMessage[] = [];
  const seen = new Set<string>();
  let finished = false;
  for (let call = 0; call < MAX_CALLS && collected.length < count; call++) {
    const page = await fetchPage(count - collected.length);
    const fresh: TencentMessage[] = [];
    let edge = false;
    for (const message of page.list) {
      if (seen.has(message.ID)) continue;
      seen.add(message.ID);
      if (pastEdge(message)) edge = true;
      else if (!message.isDeleted && keep(message)) fresh.push(message);
    }
    if (direction === 'older') collected.unshift(...fresh);
    else collected.push(...fresh);
    if (page.done || edge) {
      finished = true;
      break;
    }
  }
  const list =
    direction === 'older'
      ? collected.slice(Math.max(0, collected.length - count))
      : collected.slice(0, count);
  return { list, isFinished: finished && collected.length <= count };
}

/**
 * A message by locator: a group message by sequence, a C2C message by time (ms) + random + isSelf, found
 * with `getMessageListHopping`. Null when there is none.
 */
export async function findByLocator(
  method: string,
  chat: TencentChatLike,
  sdkConversationID: string,
  type: ConversationType,
  locator: MessageLocator,
): Promise<TencentMessage | null> {
  if ('seq' in locator) {
    if (type !== 'group')
      throw invalidParameter(method, 'locator', '{ time, random, isSelf } for a C2C conversation');
    const data = await callTencent(method, () =>
      chat.getMessageListHopping({
        conversationID: sdkConversationID,
        sequence: locator.seq,
        direction: 0,
        count: 1,
      }),
    );
    return (data.messageList ?? []).find((m) => m.sequence === locator.seq && !m.isDeleted) ?? null;
  }
  if (type !== 'c2c') throw invalidParameter(method, 'locator', '{ seq } for a group conversation');
  const second = Math.floor(locator.time / 1000);
  const data = await callTencent(method, () =>
    chat.getMessageListHopping({
      conversationID: sdkConversationID,
      time: second,
      direction: 0,
      count: SDK_PAGE,
    }),
  );
  return (
    (data.messageList ?? []).find(
      (m) =>
        !m.isDeleted &&
        Math.floor(toNumber(m.time)) === second &&
        m.random === locator.random &&
        (m.flow === 'out') === locator.isSelf,
    ) ?? null
  );
}
