/**
 * Stable error codes. Their string values never change between releases, so apps may switch on them.
 *
 * | code | when |
 * | --- | --- |
 * | `INVALID_PARAMETER` | an argument is missing, of the wrong type or out of range |
 * | `CONVERSATION_NOT_FOUND` | no conversation, user or group with that ID |
 * | `MESSAGE_NOT_FOUND` | no message with that ID (or locator) |
 * | `ELEM_NOT_APPENDABLE` | `appendElem` with an element other than text, custom, face or location |
 * | `MESSAGE_TOO_LARGE` | message body (text, custom, cloudCustomData…) over the limit (default 12 KB), or a file over the size limit |
 * | `TOO_MANY_IDS` | more IDs in one call than allowed (30 for deleteMessagesFromServer and receive options) |
 * | `RATE_LIMITED` | called more often than the API allows |
 * | `REVOKE_WINDOW_PASSED` | revoking a message older than the revoke time limit |
 * | `SEND_CANCELLED` | the send was cancelled with `cancelSendingMessage` |
 * | `NOT_LOGGED_IN` | the engine was logged out or destroyed |
 * | `STORAGE_FAILURE` | the local database (IndexedDB) failed |
 * | `NETWORK_ERROR` | the engine is offline or the request failed in transit |
 * | `PERMISSION_DENIED` | not allowed: revoking someone else's message, sending to a group one is not in |
 * | `INVALID_STATE` | the object is not in a state that allows this (resending a message that did not fail) |
 * | `ALREADY_EXISTS` | creating something that exists (a conversation group with that name) |
 * | `NOT_SUPPORTED` | the backend behind this engine cannot do this (an adapter's service lacks the feature) |
 */
export const ChatErrorCode = {
  InvalidParameter: 'INVALID_PARAMETER',
  ConversationNotFound: 'CONVERSATION_NOT_FOUND',
  MessageNotFound: 'MESSAGE_NOT_FOUND',
  ElemNotAppendable: 'ELEM_NOT_APPENDABLE',
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  TooManyIDs: 'TOO_MANY_IDS',
  RateLimited: 'RATE_LIMITED',
  RevokeWindowPassed: 'REVOKE_WINDOW_PASSED',
  SendCancelled: 'SEND_CANCELLED',
  NotLoggedIn: 'NOT_LOGGED_IN',
  StorageFailure: 'STORAGE_FAILURE',
  NetworkError: 'NETWORK_ERROR',
  PermissionDenied: 'PERMISSION_DENIED',
  InvalidState: 'INVALID_STATE',
  AlreadyExists: 'ALREADY_EXISTS',
  NotSupported: 'NOT_SUPPORTED',
} as const;

/** One of the {@link ChatErrorCode} values. */
export type ChatErrorCode = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];

/**
 * The only error type engines and stores reject with. `code` is stable; `message` is for people and says
 * which call failed and why.
 *
 * @example
 * try {
 *   await engine.pinConversation('c2c_nobody', true);
 * } catch (error) {
 *   if (error instanceof ChatError && error.code === ChatErrorCode.ConversationNotFound) showNotFound();
 * }
 */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  readonly code: ChatErrorCode;
  /** Extra facts about the failure (the offending argument, a limit). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ChatErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

/** Whether `error` is a {@link ChatError}, optionally with the given code. */
export function isChatError(error: unknown, code?: ChatErrorCode): error is ChatError {
  return error instanceof ChatError && (code === undefined || error.code === code);
}
