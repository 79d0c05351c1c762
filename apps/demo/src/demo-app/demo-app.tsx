import { ChatProvider } from '@tidings/components';
import { ChatError, ChatErrorCode } from '@tidings/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { TidingsMark } from '../app-icons/app-icons';
import { type Session, sessionStore, startSession, userIDFromName } from '../session/session';
import { applyPreferences, useLocaleStrings, usePreferences } from '../settings/preferences';
import { AppShell } from '../shell/app-shell';
import { SignIn } from '../sign-in/sign-in';
import {
  startTencentSession,
  TENCENT_SIGN_IN_TIMEOUT_MS,
  type TencentSignIn as TencentCredentials,
  type TencentSession,
  TencentSignInError,
} from '../tencent/tencent-session';
import { TencentShell } from '../tencent/tencent-shell';
import { TencentSignIn } from '../tencent/tencent-sign-in';
import type { World } from '../world/world';
import { PEOPLE } from '../world/world-people';

/** Props of {@link DemoApp}. */
export interface DemoAppProps {
  /** The world this tab opened at start (the hub, seeded). */
  world: Promise<World>;
}

/** A full-screen message while the world opens or an account signs in. */
function Splash({ text, detail }: { text: string; detail?: string }) {
  return (
    <main className="demo-splash" aria-busy="true">
      <TidingsMark size={48} />
      <span className="demo-spinner" aria-hidden="true" />
      <p role="status" className="demo-splash-text">
        {text}
        {detail && <span className="demo-splash-detail">{detail}</span>}
      </p>
    </main>
  );
}

/**
 * The demo: preferences on the document, then the sign-in screen or, once signed in, the chat app in a
 * `<ChatProvider>` over the account's store. The account of this tab is restored after a reload.
 */
export function DemoApp({ world: opening }: DemoAppProps) {
  const preferences = usePreferences();
  const { kit, demo: t } = useLocaleStrings();
  const [world, setWorld] = useState<World | null>(null);
  const [worldError, setWorldError] = useState<unknown>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [pending, setPending] = useState<string | null>(() => sessionStore.get().userID);
  const [error, setError] = useState<string | null>(null);
  // Seconds the hub has been writing this sign-in's load, once it has reported (null before).
  const [seedingSeconds, setSeedingSeconds] = useState<number | null>(null);
  const starting = useRef(false);
  // Tencent Cloud Chat: chosen on the sign-in screen; its session is not restored after a reload (the
  // UserSig is not kept anywhere).
  const [engineChoice, setEngineChoice] = useState<'embedded' | 'tencent'>('embedded');
  const [tencent, setTencent] = useState<TencentSession | null>(null);
  const [tencentPending, setTencentPending] = useState(false);
  const [tencentError, setTencentError] = useState<string | null>(null);

  useLayoutEffect(() => applyPreferences(preferences), [preferences]);

  useEffect(() => {
    let alive = true;
    opening.then(
      (opened) => alive && setWorld(opened),
      (reason: unknown) => alive && setWorldError(reason),
    );
    return () => {
      alive = false;
    };
  }, [opening]);

  const signIn = useCallback(
    (userID: string, nick?: string) => {
      if (!world || starting.current) return;
      const id = nick ? userIDFromName(nick) : userID;
      if (!id) {
        setError(t.signInFailed);
        return;
      }
      starting.current = true;
      setPending(id);
      setError(null);
      setSeedingSeconds(null);
      startSession(world, id, {
        ...(nick && { nick: nick.trim() }),
        locale: preferences.locale,
        onProgress: ({ elapsedMs }) => setSeedingSeconds(Math.round(elapsedMs / 1000)),
      })
        .then(setSession, (reason: unknown) => {
          console.error('Tidings demo: signing in failed', reason);
          sessionStore.set({ userID: null });
          // The hub of a second tab answers over the channel: when its tab stops, say which tab to fix.
          const hubStopped =
            reason instanceof ChatError && reason.code === ChatErrorCode.NetworkError && !world.hub.isLeader;
          setError(hubStopped ? t.signInHubStopped : t.signInFailed);
        })
        .finally(() => {
          starting.current = false;
          setPending(null);
          setSeedingSeconds(null);
        });
    },
    [world, preferences.locale, t.signInFailed, t.signInHubStopped],
  );

  // A reload signs the tab's account back in.
  useEffect(() => {
    const restored = sessionStore.get().userID;
    if (world && restored && !session && !starting.current) signIn(restored);
  }, [world, session, signIn]);

  const signOut = useCallback(() => {
    const ending = session;
    setSession(null);
    void ending?.end();
  }, [session]);

  const signInTencent = useCallback(
    (credentials: TencentCredentials) => {
      if (tencentPending) return;
      setTencentPending(true);
      setTencentError(null);
      startTencentSession(credentials)
        .then(setTencent, (reason: unknown) => {
          console.warn('Tidings demo: signing in to Tencent Cloud Chat failed', reason);
          setTencentError(
            !(reason instanceof TencentSignInError)
              ? t.tencentLoginFailed(String(reason))
              : reason.reason === 'timeout'
                ? t.tencentTimeout(TENCENT_SIGN_IN_TIMEOUT_MS / 1000)
                : reason.reason === 'offline'
                  ? t.tencentOffline
                  : reason.reason === 'create'
                    ? t.tencentNoInstance
                    : t.tencentLoginFailed(
                        reason.code !== null ? `${reason.message} (${reason.code})` : reason.message,
                      ),
          );
        })
        .finally(() => setTencentPending(false));
    },
    [tencentPending, t],
  );

  const signOutTencent = useCallback(() => {
    const ending = tencent;
    setTencent(null);
    void ending?.end();
  }, [tencent]);

  if (tencent) {
    return (
      <ChatProvider
        key={`tencent:${tencent.userID}`}
        store={tencent.store}
        strings={kit}
        locale={preferences.locale}
      >
        <TencentShell session={tencent} onSignOut={signOutTencent} />
      </ChatProvider>
    );
  }
  if (engineChoice === 'tencent') {
    return (
      <TencentSignIn
        onSignIn={signInTencent}
        onBack={() => {
          setTencentError(null);
          setEngineChoice('embedded');
        }}
        pending={tencentPending}
        error={tencentError}
      />
    );
  }
  if (worldError) return <Splash text={String(worldError)} />;
  if (!world) return <Splash text={t.preparingWorld} />;
  if (!session) {
    if (pending) {
      const name = PEOPLE.find((person) => person.userID === pending)?.nick ?? pending;
      const load = world.load.toLocaleString(preferences.locale);
      const detail =
        seedingSeconds === null
          ? t.seedingLoad(load)
          : t.seedingLoadProgress(load, seedingSeconds.toLocaleString(preferences.locale));
      return <Splash text={t.signingIn(name)} {...(world.load > 0 && { detail })} />;
    }
    return (
      <SignIn
        onSignIn={signIn}
        pending={pending}
        error={error}
        onChooseTencent={() => setEngineChoice('tencent')}
      />
    );
  }
  return (
    <ChatProvider key={session.userID} store={session.store} strings={kit} locale={preferences.locale}>
      <AppShell session={session} world={world} onSignOut={signOut} />
    </ChatProvider>
  );
}
