import type { ChatEngine } from '../engine/chat-engine';
import { ChatError, ChatErrorCode, isChatError } from '../model/chat-error';
import type { Message } from '../model/types';
import type { ChatState, ForwardMessagesOptions } from './chat-store-types';
import * as check from './chat-store-validation';

/** The most message IDs one engine delete call takes (the seeds' limit for deleting from the server). */
export const DELETE_CHUNK_SIZE = 30;

/** At most this many target conversations per forward: a picker choice, not a broadcast. */
export const FORWARD_MAX_TARGETS = 20;

/** At most this many messages per forward (the Tencent SDK's limit for a merged message). */
export const FORWARD_MAX_MESSAGES = 300;

interface BulkDeps {
  engine: ChatEngine;
  get: () => ChatState;
  /** Takes deleted messages out of the windows. */
  removeHeld: (msgIDs: readonly string[]) => void;
}

/** Messages in the order they were sent: time, then seq (same-millisecond messages), then msgID. */
export function inTimeOrder(messages: readonly Message[]): Message[] {
  return [...messages].sort(
    (a, b) => a.timestamp - b.timestamp || a.seq - b.seq || (a.msgID < b.msgID ? -1 : 1),
  );
}

/** Whether a message can be forwarded: sent (or stored), not recalled, not a group tip. */
export function isForwardable(message: Message): boolean {
  if (message.status === 'revoked' || message.status === 'sending' || message.status === 'failed')
    return false;
  return message.elemList.length > 0 && message.elemList.every((elem) => elem.type !== 'groupTip');
}

/**
 * Finds the messages to forward: from the store, else from the engine's local storage. Every one must
 * exist and be forwardable, or nothing is sent.
 */
async function resolveForwardable(deps: BulkDeps, action: string, msgIDs: string[]): Promise<Message[]> {
  const held = deps.get().messages;
  const missing = msgIDs.filter((id) => !held.has(id));
  const found = missing.length > 0 ? await deps.engine.findMessages(missing).catch(() => []) : [];
  const byID = new Map(found.map((message) => [message.msgID, message]));
  const messages = msgIDs.map((id) => held.get(id) ?? byID.get(id));
  for (const [index, message] of messages.entries()) {
    if (!message) {
      throw new ChatError(ChatErrorCode.MessageNotFound, `\`${action}\`: no message "${msgIDs[index]}"`, {
        msgID: msgIDs[index],
      });
    }
    if (!isForwardable(message)) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `\`${action}\`: message "${message.msgID}" (${message.status}) cannot be forwarded`,
        { msgID: message.msgID },
      );
    }
  }
  return inTimeOrder(messages as Message[]);
}

/**
 * Forwards messages to conversations: each one on its own (in time order), or merged into one chat-history
 * message per target. Every forwarded message goes through the store's `sendMessage`, so it shows in its
 * target as sending, then sent or failed (with resend). Media is forwarded by reference, not uploaded again.
 */
export async function forwardMessages(
  deps: BulkDeps,
  conversationIDs: unknown,
  msgIDs: unknown,
  options: ForwardMessagesOptions = {},
): Promise<PromiseSettledResult<Message>[]> {
  const action = 'forwardMessages';
  const targets = [...new Set(check.assertConversationIDs(action, conversationIDs, FORWARD_MAX_TARGETS))];
  const ids = [...new Set(check.assertMsgIDs(action, msgIDs))];
  if (ids.length > FORWARD_MAX_MESSAGES) {
    throw new ChatError(
      ChatErrorCode.TooManyIDs,
      `\`${action}\`: at most ${FORWARD_MAX_MESSAGES} messages a call, got ${ids.length}`,
      { max: FORWARD_MAX_MESSAGES },
    );
  }
  const merge = options.merge;
  if (merge !== undefined) {
    if (
      typeof merge !== 'object' ||
      merge === null ||
      typeof merge.title !== 'string' ||
      merge.title.trim() === '' ||
      !Array.isArray(merge.abstractList) ||
      merge.abstractList.some((line) => typeof line !== 'string') ||
      typeof merge.compatibleText !== 'string'
    ) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `\`${action}\`: merge must be { title, abstractList, compatibleText } with a non-empty title`,
        { merge },
      );
    }
  }
  const messages = await resolveForwardable(deps, action, ids);
  const { engine, get } = deps;
  const create = async (): Promise<Message[]> => {
    try {
      if (merge) {
        return [
          await engine.createMergerMessage(
            messages,
            merge.title,
            merge.abstractList,
            merge.compatibleText || merge.title,
          ),
        ];
      }
      const created: Message[] = [];
      for (const message of messages) created.push(await engine.createForwardMessage(message));
      return created;
    } catch (error) {
      throw check.toChatError(error, action);
    }
  };
  // Every message is created before anything is sent: a message the engine refuses to copy stops the
  // whole forward before any target sees half of it.
  const batches: Message[][] = [];
  for (let i = 0; i < targets.length; i++) batches.push(await create());
  const sends: Promise<Message>[] = [];
  // The store's sendMessage hands the message to the engine before its first await, so calling it in
  // order sends in order: one by one arrives in the target in time order.
  for (const [index, target] of targets.entries()) {
    for (const message of batches[index] as Message[]) sends.push(get().sendMessage(target, message));
  }
  return Promise.allSettled(sends);
}

/** How often a rate-limited chunk is tried again before the error stands. */
const RATE_LIMIT_RETRIES = 3;

/**
 * Runs a call, waiting out the service's rate limit when it answers `RATE_LIMITED` (deleting from the
 * server is limited per second: a large selection is several calls in a row).
 */
async function withRateLimitRetry(run: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (!isChatError(error, ChatErrorCode.RateLimited) || attempt >= RATE_LIMIT_RETRIES) throw error;
      const perSecond = Number(error.details.limitPerSecond);
      const waitMs = perSecond > 0 ? Math.ceil(1000 / perSecond) : 1000;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/**
 * Deletes messages in chunks of at most {@link DELETE_CHUNK_SIZE}, from this device only or also from the
 * server. Each chunk is taken out of the windows once the engine has deleted it; when a chunk fails, the
 * chunks before it stay deleted and the error says which messages were (`details.deletedMsgIDs`).
 */
export async function deleteMessagesInChunks(
  deps: BulkDeps,
  msgIDs: unknown,
  fromServer: boolean,
): Promise<void> {
  const action = 'deleteMessages';
  const ids = [...new Set(check.assertMsgIDs(action, msgIDs))];
  const deleted: string[] = [];
  for (let start = 0; start < ids.length; start += DELETE_CHUNK_SIZE) {
    const chunk = ids.slice(start, start + DELETE_CHUNK_SIZE);
    try {
      await withRateLimitRetry(() =>
        fromServer ? deps.engine.deleteMessagesFromServer(chunk) : deps.engine.deleteMessages(chunk),
      );
    } catch (error) {
      const cause = check.toChatError(error, action);
      throw new ChatError(
        cause.code,
        cause.message,
        { ...cause.details, deletedMsgIDs: deleted, failedMsgIDs: ids.slice(start) },
        { cause },
      );
    }
    deps.removeHeld(chunk);
    deleted.push(...chunk);
  }
}
