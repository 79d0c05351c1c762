import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type {
  BatchSendResult,
  Message,
  MessageElem,
  MessagePriority,
  SendMessageHandle,
} from '../../model/types';
import { assertPayloadFits } from '../engine-message';
import {
  assertIDList,
  assertMessage,
  assertOptionalBoolean,
  assertOptionalString,
  assertOptions,
  assertString,
  invalidParameter,
  isRecord,
  MESSAGE_PRIORITIES,
} from '../engine-validation';
import { type TencentChatLike, type TencentMessage, TencentChatTypes as Types } from './tencent-chat-like';
import {
  createSdkMessage,
  type HeldDraft,
  isSdkMessage,
  newDraftMessage,
  planCreate,
} from './tencent-drafts';
import { callTencent, invalidState, messageNotFound, translateTencentError } from './tencent-errors';
import { type TencentMapContext, toMessage, toMessageStatus, toSdkPriority } from './tencent-mappers';

/** What the sender needs from its engine. */
export interface TencentSenderOptions {
  userID: string;
  /** Largest text and custom payload, in UTF-8 bytes. */
  maxTextBytes: number;
  now(): number;
  /** Upload progress of a message being sent, 0–100 (the engine tells its listeners). */
  onSendProgress(msgID: string, percent: number): void;
}

/** A checked `sendMessage` options object, split into what the SDK's create and send calls take. */
interface SendPlan {
  isGroup: boolean;
  target: { to: string; conversationType: string; receiverList?: string[] };
  priority?: MessagePriority;
  onProgress?: (percent: number) => void;
  sdkOptions: Record<string, unknown>;
}

/** Created messages held (with their files) until sent; past this, the oldest are let go. */
const MAX_HELD = 500;

function sendHandle(message: Message, promise: Promise<Message>): SendMessageHandle {
  return Object.assign(promise, { message, promise });
}

/** A handle whose send failed before it started; it carries the message asked for (or a stand-in). */
export function rejectedSend(method: string, value: unknown, error: unknown, msgID = ''): SendMessageHandle {
  const shown =
    isRecord(value) && typeof value.msgID === 'string' && Array.isArray(value.elemList)
      ? (value as unknown as Message)
      : { ...newDraftMessage('', 0, []), msgID, status: 'failed' as const };
  return sendHandle(shown, Promise.reject(translateTencentError(error, method)));
}

/** Upload progress of one message: the SDK's fraction 0–1 as 0–100, each value once. */
class SendProgress {
  #last = -1;
  readonly #report: (percent: number) => void;
  onProgress: ((percent: number) => void) | undefined;

  constructor(onProgress: ((percent: number) => void) | undefined, report: (percent: number) => void) {
    this.onProgress = onProgress;
    this.#report = report;
  }

  report(fraction: unknown): void {
    const value = typeof fraction === 'number' ? fraction : Number(fraction);
    if (!Number.isFinite(value)) return;
    const percent = Math.max(0, Math.min(100, Math.round(value * 100)));
    if (percent === this.#last) return;
    this.#last = percent;
    this.onProgress?.(percent);
    this.#report(percent);
  }

  restart(onProgress: ((percent: number) => void) | undefined): void {
    this.onProgress = onProgress;
    this.#last = -1;
  }
}

/** The error of a create call that returned no message: a rejected promise's reason, or refused arguments. */
async function createFailed(method: string, returned: unknown): Promise<never> {
  if (typeof (returned as { then?: unknown } | null)?.then === 'function') {
    try {
      await returned;
    } catch (error) {
      throw translateTencentError(error, method);
    }
  }
  throw new ChatError(
    ChatErrorCode.InvalidParameter,
    `${method}: the Tencent Chat SDK refused to create the message.`,
    { method },
  );
}

function sendPlanOf(method: string, options: unknown): SendPlan {
  const opts = assertOptions(method, options);
  const optionalID = (name: 'receiver' | 'groupID') =>
    opts[name] === undefined
      ? undefined
      : assertString(method, `options.${name}`, opts[name], { nonEmpty: true });
  const receiver = optionalID('receiver');
  const groupID = optionalID('groupID');
  if (receiver === undefined && groupID === undefined) {
    throw invalidParameter(method, 'options', 'given a receiver (C2C) or a groupID (group)', options);
  }
  if (opts.priority !== undefined && !MESSAGE_PRIORITIES.includes(opts.priority as MessagePriority)) {
    throw invalidParameter(method, 'options.priority', "'high', 'normal', 'low' or 'lowest'", opts.priority);
  }
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
  }
  const push =
    opts.offlinePushInfo === undefined
      ? undefined
      : assertOptions(method, opts.offlinePushInfo, 'options.offlinePushInfo');
  const flag = (name: string) => assertOptionalBoolean(method, `options.${name}`, opts[name], false);
  return {
    isGroup: groupID !== undefined,
    target:
      groupID !== undefined
        ? {
            to: groupID,
            conversationType: Types.CONV_GROUP,
            ...(receiver !== undefined && { receiverList: [receiver] }),
          }
        : { to: receiver as string, conversationType: Types.CONV_C2C },
    ...(opts.priority !== undefined && { priority: opts.priority as MessagePriority }),
    ...(typeof opts.onProgress === 'function' && {
      onProgress: opts.onProgress as (percent: number) => void,
    }),
    sdkOptions: {
      onlineUserOnly: flag('onlineUserOnly'),
      ...(push && {
        offlinePushInfo: {
          title: assertOptionalString(method, 'options.offlinePushInfo.title', push.title, ''),
          description: assertOptionalString(method, 'options.offlinePushInfo.desc', push.desc, ''),
          extension: assertOptionalString(method, 'options.offlinePushInfo.ext', push.ext, ''),
        },
      }),
      messageControlInfo: {
        excludedFromUnreadCount: flag('isExcludedFromUnreadCount'),
        excludedFromLastMessage: flag('isExcludedFromLastMessage'),
      },
    },
  };
}

/**
 * Created messages and their way to the SDK. `create*Message` makes a Tidings message here (the SDK needs
 * the receiver to create one); `send` makes the SDK message and sends it. A message keeps the msgID it was
 * created with for as long as the engine runs: the SDK's ID is mapped back to it everywhere (`ctx`).
 */
export class TencentSender {
  /** The mapping context of the engine: it maps SDK IDs of messages created here to their msgIDs. */
  readonly ctx: TencentMapContext;
  readonly #chat: TencentChatLike;
  readonly #options: TencentSenderOptions;
  readonly #msgIDs = new Map<string, string>();
  readonly #sdkIDs = new Map<string, string>();
  readonly #held = new Map<string, HeldDraft>();
  /** SDK messages sent here that are not through yet (or failed), by SDK ID. */
  readonly #unsent = new Map<string, TencentMessage>();
  readonly #progress = new Map<string, SendProgress>();

  constructor(chat: TencentChatLike, options: TencentSenderOptions) {
    this.#chat = chat;
    this.#options = options;
    this.ctx = { userID: options.userID, msgIDOf: (sdkID) => this.#msgIDs.get(sdkID) ?? sdkID };
  }

  /** The SDK ID of a msgID (the same ID for messages not created here). */
  sdkIDOf(msgID: string): string {
    return this.#sdkIDs.get(msgID) ?? msgID;
  }

  /** The SDK's message object for a msgID, or null. */
  find(msgID: string): TencentMessage | null {
    const sdkID = this.sdkIDOf(msgID);
    const unsent = this.#unsent.get(sdkID);
    if (unsent) return unsent;
    const found: unknown = this.#chat.findMessage(sdkID);
    return isSdkMessage(found) ? found : null;
  }

  /** The SDK's message for a msgID, else `MESSAGE_NOT_FOUND`. */
  require(method: string, msgID: string): TencentMessage {
    const found = this.find(msgID);
    if (!found || found.isDeleted) throw messageNotFound(method, msgID);
    return found;
  }

  /** A created message from the signed-in user; `held` keeps what it needs at send time. */
  draft(elemList: MessageElem[], held?: HeldDraft): Message {
    const message = newDraftMessage(this.#options.userID, this.#options.now(), elemList);
    if (held) {
      this.#held.set(message.msgID, held);
      if (this.#held.size > MAX_HELD) this.#held.delete(this.#held.keys().next().value as string);
    }
    return message;
  }

  /**
   * Makes the SDK message for a created one and sends it (or sends a failed one again). The handle carries
   * the message at once (status `sending`, the msgID it was created with) and resolves with it sent.
   */
  send(method: string, message: unknown, options: unknown): SendMessageHandle {
    try {
      const draft = assertMessage(method, message);
      const plan = sendPlanOf(method, options);
      const existing = this.find(draft.msgID);
      if (existing) return this.#resend(method, existing, plan.onProgress);
      if (draft.status === 'failed') throw messageNotFound(method, draft.msgID);
      if (draft.status !== 'sending' || draft.seq !== 0) {
        throw invalidState(
          method,
          `only a created (or failed) message can be sent; this one is ${draft.status}.`,
          {
            msgID: draft.msgID,
          },
        );
      }
      this.#assertSize(method, draft);
      const create = planCreate(method, draft, this.#held.get(draft.msgID), plan.isGroup, (id) =>
        this.find(id),
      );
      const progress = new SendProgress(plan.onProgress, (percent) =>
        this.#options.onSendProgress(draft.msgID, percent),
      );
      const created = createSdkMessage(this.#chat, create, {
        ...plan.target,
        priority: toSdkPriority(plan.priority ?? draft.priority),
        ...(draft.cloudCustomData !== '' && { cloudCustomData: draft.cloudCustomData }),
        onProgress: (fraction: unknown) => progress.report(fraction),
      });
      if (!isSdkMessage(created)) return sendHandle(draft, createFailed(method, created));
      this.#msgIDs.set(created.ID, draft.msgID);
      this.#sdkIDs.set(draft.msgID, created.ID);
      this.#held.delete(draft.msgID);
      this.#unsent.set(created.ID, created);
      this.#progress.set(created.ID, progress);
      const promise = this.#deliver(method, created, () => this.#chat.sendMessage(created, plan.sdkOptions));
      return sendHandle({ ...toMessage(created, this.ctx), status: 'sending' }, promise);
    } catch (error) {
      return rejectedSend(method, message, error);
    }
  }

  /** Sends a failed message again, with the same msgID. */
  resend(method: string, msgID: unknown, options: unknown): SendMessageHandle {
    try {
      const id = assertString(method, 'msgID', msgID, { nonEmpty: true });
      const opts = assertOptions(method, options);
      if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
        throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
      }
      return this.#resend(
        method,
        this.require(method, id),
        opts.onProgress as ((percent: number) => void) | undefined,
      );
    } catch (error) {
      return rejectedSend(method, undefined, error, typeof msgID === 'string' ? msgID : '');
    }
  }

  /** Sends a created message to each user in turn (the web SDK has no batch send); a result per user. */
  async sendToUsers(method: string, message: unknown, userIDList: unknown): Promise<BatchSendResult[]> {
    const draft = assertMessage(method, message);
    const userIDs = assertIDList(method, 'userIDList', userIDList, Number.MAX_SAFE_INTEGER);
    this.#assertSize(method, draft);
    const create = planCreate(method, draft, this.#held.get(draft.msgID), false, (id) => this.find(id));
    const results: BatchSendResult[] = [];
    for (const userID of userIDs) {
      try {
        const created = createSdkMessage(this.#chat, create, {
          to: userID,
          conversationType: Types.CONV_C2C,
          priority: toSdkPriority(draft.priority),
          ...(draft.cloudCustomData !== '' && { cloudCustomData: draft.cloudCustomData }),
        });
        if (!isSdkMessage(created)) await createFailed(method, created);
        const sdk = created as TencentMessage;
        const data = await callTencent(method, () => this.#chat.sendMessage(sdk, {}));
        const sent = isSdkMessage(data?.message) ? data.message : sdk;
        results.push({ userID, message: toMessage(sent, this.ctx), error: null });
      } catch (error) {
        results.push({ userID, message: null, error: translateTencentError(error, method) });
      }
    }
    this.#held.delete(draft.msgID);
    return results;
  }

  /** Lets go of held files (after logout). */
  clear(): void {
    this.#held.clear();
  }

  #assertSize(method: string, draft: Message): void {
    assertPayloadFits(method, draft, this.#options.maxTextBytes, { method });
  }

  #resend(method: string, sdk: TencentMessage, onProgress: ((percent: number) => void) | undefined) {
    const msgID = this.#msgIDs.get(sdk.ID) ?? sdk.ID;
    if (sdk.status !== 'fail') {
      throw invalidState(
        method,
        `only a failed message can be sent again; this one is ${toMessageStatus(sdk)}.`,
        {
          msgID,
        },
      );
    }
    const progress =
      this.#progress.get(sdk.ID) ??
      new SendProgress(onProgress, (percent) => this.#options.onSendProgress(msgID, percent));
    progress.restart(onProgress);
    this.#progress.set(sdk.ID, progress);
    this.#unsent.set(sdk.ID, sdk);
    const promise = this.#deliver(method, sdk, () => this.#chat.resendMessage(sdk));
    return sendHandle({ ...toMessage(sdk, this.ctx), status: 'sending' }, promise);
  }

  async #deliver(
    method: string,
    sdk: TencentMessage,
    send: () => Promise<{ data: { message: TencentMessage } }> | undefined,
  ): Promise<Message> {
    const data = await callTencent(method, send);
    const sent = isSdkMessage(data?.message) ? data.message : sdk;
    this.#unsent.delete(sdk.ID);
    this.#progress.delete(sdk.ID);
    return toMessage(sent, this.ctx);
  }
}
