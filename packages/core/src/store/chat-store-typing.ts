import { withoutTypingUser, withTypingUser } from '../model/message-changes';
import type { Message } from '../model/types';
import type { ChatStoreCore } from './chat-store-core';

/**
 * `businessID` of the online-only custom message that says "typing…" (the same one Tencent's TUIKit uses,
 * so typing indicators work between Tidings and TUIKit apps on one service).
 */
export const TYPING_BUSINESS_ID = 'user_typing_status';

/** Whether a message is a typing indicator rather than something to show in the history. */
export function isTypingMessage(message: Message): boolean {
  const [elem] = message.elemList;
  if (message.elemList.length !== 1 || elem?.type !== 'custom') return false;
  try {
    const data: unknown = JSON.parse(elem.data);
    return (
      typeof data === 'object' &&
      data !== null &&
      (data as { businessID?: unknown }).businessID === TYPING_BUSINESS_ID
    );
  } catch {
    return false;
  }
}

/** Who is typing, kept in the store's `typing` with a timer per user that lapses the indicator. */
export interface TypingTracker {
  /** A typing indicator arrived: the sender types until it lapses or their message arrives. */
  onTyping(message: Message): void;
  /** The user stopped typing in the conversation (their message arrived). */
  remove(conversationID: string, userID: string): void;
  /** Clears every timer (the store is destroyed). */
  destroy(): void;
}

/** Tracks typing indicators in the store's `typing`, each lapsing after `typingTimeoutMs` unless renewed. */
export function createTypingTracker(core: ChatStoreCore): TypingTracker {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const { typingTimeoutMs, now } = core.options;

  const remove = (conversationID: string, userID: string) => {
    const timerKey = `${conversationID}\n${userID}`;
    clearTimeout(timers.get(timerKey));
    timers.delete(timerKey);
    core.update((state) => {
      const typing = withoutTypingUser(state.typing, conversationID, userID);
      return typing === state.typing ? null : { typing };
    });
  };

  return {
    remove,
    onTyping: (message) => {
      if (message.isSelf) return;
      const { conversationID, sender } = message;
      const expiresAt = now() + typingTimeoutMs;
      const timerKey = `${conversationID}\n${sender}`;
      clearTimeout(timers.get(timerKey));
      timers.set(
        timerKey,
        setTimeout(() => remove(conversationID, sender), typingTimeoutMs),
      );
      core.update((state) => ({
        typing: withTypingUser(state.typing, conversationID, { userID: sender, expiresAt }),
      }));
    },
    destroy: () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
