import type { Message } from '../model/types';

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
