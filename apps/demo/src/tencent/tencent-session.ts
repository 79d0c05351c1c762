import { type ChatStore, createChatStore, type UserProfile } from '@tidings/core';

/** How long signing in may take before the demo gives up and says why. */
export const TENCENT_SIGN_IN_TIMEOUT_MS = 15_000;

/** A Tencent Cloud Chat account signed in in this tab. */
export interface TencentSession {
  userID: string;
  /** The account's name and picture (from its Tencent profile; the ID when it has none). */
  profile: UserProfile;
  store: ChatStore;
  /** Signs out: stops the store, logs the SDK out and destroys its instance. */
  end(): Promise<void>;
}

/** What {@link startTencentSession} needs. */
export interface TencentSignIn {
  SDKAppID: number;
  userID: string;
  userSig: string;
  /** @default TENCENT_SIGN_IN_TIMEOUT_MS */
  timeoutMs?: number;
}

/** Why signing in to Tencent Cloud Chat failed, for the message next to the form. */
export class TencentSignInError extends Error {
  override readonly name = 'TencentSignInError';
  /**
   * `timeout`: no SDK_READY in time (no network, blocked); `offline`: the SDK said its servers are
   * unreachable; `refused`: login rejected (a bad UserSig, an unknown app); `create`: no SDK instance.
   */
  readonly reason: 'timeout' | 'offline' | 'refused' | 'create';
  /** The SDK's error code, when it gave one. */
  readonly code: number | null;

  constructor(reason: TencentSignInError['reason'], message: string, code: number | null = null) {
    super(message);
    this.reason = reason;
    this.code = code;
  }
}

/** The SDK's NETWORK_ERROR, NETWORK_TIMEOUT and NO_NETWORK. */
const NETWORK_CODES: ReadonlySet<number> = new Set([2800, 2801, 2805]);

function describeSdkError(error: unknown): { message: string; code: number | null } {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = typeof record.code === 'number' ? record.code : null;
  const message = typeof record.message === 'string' && record.message.trim() ? record.message.trim() : '';
  return { message: message || (code !== null ? `code ${code}` : String(error)), code };
}

/**
 * Signs a Tencent Cloud Chat user in, the way an existing Tencent app does it: `TencentCloudChat.create`,
 * `login`, then waiting for SDK_READY; only then the Tidings engine over that instance and a store. The
 * SDK (about 200 KB gzipped) loads only here, so the embedded demo never pays for it. Without a network the
 * SDK keeps retrying; this gives up after `timeoutMs` and destroys the instance, so a second try starts
 * clean.
 */
export async function startTencentSession(signIn: TencentSignIn): Promise<TencentSession> {
  const timeoutMs = signIn.timeoutMs ?? TENCENT_SIGN_IN_TIMEOUT_MS;
  const [{ default: TencentCloudChat }, { createTencentEngine }] = await Promise.all([
    import('@tencentcloud/chat'),
    import('@tidings/core/tencent'),
  ]);
  const chat = TencentCloudChat.create({ SDKAppID: signIn.SDKAppID });
  if (!chat) throw new TencentSignInError('create', 'TencentCloudChat.create returned no instance.');
  // Warnings and errors only: the SDK logs every step at info level.
  chat.setLogLevel(2);
  const destroy = () => chat.destroy().catch(() => undefined);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let onReady: (() => void) | undefined;
  try {
    const ready = new Promise<void>((resolve) => {
      onReady = () => resolve();
      chat.on(TencentCloudChat.EVENT.SDK_READY, onReady);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TencentSignInError('timeout', `No SDK_READY within ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    const login = chat.login({ userID: signIn.userID, userSig: signIn.userSig }).catch((error: unknown) => {
      const { message, code } = describeSdkError(error);
      const offline = code !== null && NETWORK_CODES.has(code);
      throw new TencentSignInError(offline ? 'offline' : 'refused', message, code);
    });
    await Promise.race([Promise.all([login, ready]), timeout]);
  } catch (error) {
    await destroy();
    throw error;
  } finally {
    clearTimeout(timer);
    if (onReady) chat.off(TencentCloudChat.EVENT.SDK_READY, onReady);
  }

  const engine = createTencentEngine(chat, { userID: signIn.userID });
  const store = createChatStore(engine);
  const [found] = await engine.getUsersProfile([signIn.userID]).catch(() => []);
  const profile: UserProfile = found
    ? { ...found, nick: found.nick || signIn.userID }
    : { userID: signIn.userID, nick: signIn.userID, faceUrl: '' };
  let ended = false;
  return {
    userID: signIn.userID,
    profile,
    store,
    async end() {
      if (ended) return;
      ended = true;
      store.getState().destroy();
      await engine.logout().catch(() => undefined);
      await destroy();
    },
  };
}
