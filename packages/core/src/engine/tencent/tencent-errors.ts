import { ChatError, ChatErrorCode } from '../../model/chat-error';

/**
 * Tencent SDK and server error codes, by the stable {@link ChatErrorCode} closest to what they mean.
 * Codes from the SDK's own table (2xxx, 3xxx) and the server codes an app meets in chat calls.
 */
const CODE_MAP: ReadonlyMap<number, ChatErrorCode> = new Map<number, ChatErrorCode>([
  // Not logged in, logged out, kicked out, signature expired.
  ...[2024, 3005, 3002, 3003, 3004, 3006, 20002, 70001].map(
    (code) => [code, ChatErrorCode.NotLoggedIn] as const,
  ),
  // The SDK is not ready yet (still logging in or syncing).
  ...[2999, 3000].map((code) => [code, ChatErrorCode.InvalidState] as const),
  ...[2800, 2801, 2805].map((code) => [code, ChatErrorCode.NetworkError] as const),
  [2996, ChatErrorCode.RateLimited],
  // File over the size limit; 80002 is the server's "message too long".
  ...[2253, 2301, 2351, 2402, 80002].map((code) => [code, ChatErrorCode.MessageTooLarge] as const),
  // Conversation, user or group not found; 10010 and 10015 are the server's "group not found / bad ID".
  ...[2500, 2501, 2603, 10010, 10015].map((code) => [code, ChatErrorCode.ConversationNotFound] as const),
  // Revoke time limit passed: C2C (20016) and group (10031).
  [20016, ChatErrorCode.RevokeWindowPassed],
  [10031, ChatErrorCode.RevokeWindowPassed],
  // Not a member, no permission, blocked, not a friend.
  ...[2101, 2623, 10007, 10009, 10023, 20007, 20009].map(
    (code) => [code, ChatErrorCode.PermissionDenied] as const,
  ),
  // Bad arguments the SDK caught: message instance, conversation type, file, IDs, merger/forward type.
  ...[2105, 2106, 2108, 2251, 2252, 2352, 2401, 2450, 2451, 2453, 2454, 2502, 2503, 2600, 2602, 3153].map(
    (code) => [code, ChatErrorCode.InvalidParameter] as const,
  ),
  [3123, ChatErrorCode.InvalidParameter],
  [2480, ChatErrorCode.InvalidState],
  [2905, ChatErrorCode.InvalidState],
  // The feature is not bought (3122), its plugin is not registered (2998), or the group type lacks it.
  ...[3122, 2998, 2687].map((code) => [code, ChatErrorCode.NotSupported] as const),
]);

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * A {@link ChatError} for a failed SDK call: the closest stable code, a message naming the Tidings method,
 * and the SDK's `code` and `message` in `details` (the original error as `cause`). A {@link ChatError}
 * passes through unchanged.
 */
export function translateTencentError(error: unknown, method: string): ChatError {
  if (error instanceof ChatError) return error;
  const rawCode = fieldOf(error, 'code');
  const sdkCode =
    typeof rawCode === 'number' ? rawCode : typeof rawCode === 'string' ? Number(rawCode) : Number.NaN;
  const rawMessage = fieldOf(error, 'message');
  const sdkMessage = typeof rawMessage === 'string' ? rawMessage : String(error);
  const code = CODE_MAP.get(sdkCode) ?? ChatErrorCode.NetworkError;
  const codeText = Number.isNaN(sdkCode) ? '' : ` (Tencent code ${sdkCode})`;
  return new ChatError(
    code,
    `${method}: the Tencent Chat SDK failed${codeText}: ${sdkMessage}`,
    { method, ...(Number.isNaN(sdkCode) ? {} : { sdkCode }), sdkMessage },
    { cause: error },
  );
}

/** The {@link ChatErrorCode} closest to a Tencent SDK or server error code (for per-item results). */
export function chatErrorCodeOf(sdkCode: number | undefined): ChatErrorCode {
  return (sdkCode !== undefined && CODE_MAP.get(sdkCode)) || ChatErrorCode.NetworkError;
}

/**
 * Calls a promise-returning SDK method and returns its `data`. The SDK rejects with `{ code, message }`,
 * and on arguments its own checks refuse it returns `undefined` instead of a promise; both become a
 * {@link ChatError} naming the Tidings method.
 */
export async function callTencent<T>(
  method: string,
  run: () => Promise<{ data: T }> | undefined,
): Promise<T> {
  let response: { data: T } | undefined;
  try {
    response = await run();
  } catch (error) {
    throw translateTencentError(error, method);
  }
  if (typeof response !== 'object' || response === null) {
    throw new ChatError(
      ChatErrorCode.InvalidParameter,
      `${method}: the Tencent Chat SDK refused the arguments.`,
      {
        method,
      },
    );
  }
  return response.data;
}

/** `NOT_SUPPORTED` for an engine method the Tencent web SDK has no equivalent for. */
export function notSupported(method: string, reason: string): ChatError {
  return new ChatError(
    ChatErrorCode.NotSupported,
    `${method} is not supported by the Tencent web SDK: ${reason}`,
    {
      method,
    },
  );
}

/**
 * `NOT_LOGGED_IN` for a call that needs the SDK before it is ready (the app has not logged in yet, or the
 * SDK is still syncing after login); `details.reason` is `'sdkNotReady'`.
 */
export function notReady(method: string): ChatError {
  return new ChatError(
    ChatErrorCode.NotLoggedIn,
    `${method}: the Tencent Chat SDK is not ready yet (log in and wait for TencentCloudChat.EVENT.SDK_READY).`,
    { method, reason: 'sdkNotReady' },
  );
}

/**
 * The SDK answers 2998 (NO_MODULE) for a feature whose module the app did not create it with. That
 * becomes `NOT_SUPPORTED` naming the module (details keep the SDK code); any other error passes through.
 */
export function withoutModule(error: unknown, method: string, module: string, what: string): ChatError {
  const translated = translateTencentError(error, method);
  if (translated.details.sdkCode !== 2998) return translated;
  return new ChatError(
    ChatErrorCode.NotSupported,
    `${method} is not supported by this Tencent Chat SDK instance: it ${what}, which needs the SDK created with \`modules: { '${module}': … }\` (Tencent code 2998).`,
    { ...translated.details, module },
    { cause: error },
  );
}

/** `MESSAGE_NOT_FOUND` for a msgID the SDK does not have. */
export function messageNotFound(method: string, msgID: string): ChatError {
  return new ChatError(
    ChatErrorCode.MessageNotFound,
    `${method}: the Tencent SDK has no message "${msgID}" (messages are known once loaded or received).`,
    { method, msgID },
  );
}

/** `INVALID_STATE`: the object is not in a state that allows the call. */
export function invalidState(
  method: string,
  reason: string,
  details: Record<string, unknown> = {},
): ChatError {
  return new ChatError(ChatErrorCode.InvalidState, `${method}: ${reason}`, { method, ...details });
}
