import { type FormEvent, useId, useState } from 'react';
import { TidingsMark } from '../app-icons/app-icons';
import { PreferencePickers } from '../controls/preference-pickers';
import { useDemoStrings } from '../settings/preferences';
import type { TencentSignIn as TencentCredentials } from './tencent-session';
import { generateTestUserSig } from './tencent-user-sig';

/** Props of {@link TencentSignIn}. */
export interface TencentSignInProps {
  /** Signs in with the entered SDKAppID, user ID and UserSig. */
  onSignIn(credentials: TencentCredentials): void;
  /** Back to the embedded engine's sign-in. */
  onBack(): void;
  /** Whether a sign-in is under way. */
  pending: boolean;
  /** Why the last attempt failed, shown next to the form. */
  error: string | null;
}

const USER_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Sign-in on Tencent Cloud Chat: the app's SDKAppID, a user ID and a UserSig. For development only, a
 * test UserSig can be made here from the app's secret key (as Tencent's own demos do), under a warning
 * that the key must never ship; the key stays in this form's state and is never stored or sent.
 */
export function TencentSignIn({ onSignIn, onBack, pending, error }: TencentSignInProps) {
  const t = useDemoStrings();
  const [appID, setAppID] = useState('');
  const [userID, setUserID] = useState('');
  const [userSig, setUserSig] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const titleID = useId();
  const errorID = useId();
  const appIDField = useId();
  const userIDField = useId();
  const userSigField = useId();
  const userSigHint = useId();
  const keyField = useId();
  const warningID = useId();

  /** The SDKAppID and user ID if both are well formed, else null (with the problem said). */
  const checked = (): { SDKAppID: number; userID: string } | null => {
    const SDKAppID = Number(appID.trim());
    if (!/^\d+$/.test(appID.trim()) || !Number.isSafeInteger(SDKAppID) || SDKAppID <= 0) {
      setProblem(t.tencentBadAppID);
      return null;
    }
    if (!USER_ID.test(userID.trim())) {
      setProblem(t.tencentBadUserID);
      return null;
    }
    return { SDKAppID, userID: userID.trim() };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGenerated(null);
    const ids = checked();
    if (!ids) return;
    if (!userSig.trim()) {
      setProblem(t.tencentMissingUserSig);
      return;
    }
    setProblem(null);
    onSignIn({ ...ids, userSig: userSig.trim() });
  };

  const generate = async () => {
    setGenerated(null);
    const ids = checked();
    if (!ids) return;
    try {
      setUserSig(await generateTestUserSig({ ...ids, secretKey: secretKey.trim() }));
      setProblem(null);
      setGenerated(t.tencentGenerated);
    } catch (reason) {
      setProblem(t.tencentGenerateFailed(reason instanceof Error ? reason.message : String(reason)));
    }
  };

  const shown = problem ?? error;
  return (
    <main className="demo-sign-in" aria-labelledby={titleID} aria-busy={pending}>
      <div className="demo-sign-in-toolbar">
        <PreferencePickers compact />
      </div>
      <div className="demo-sign-in-card">
        <header className="demo-sign-in-brand">
          <TidingsMark size={40} />
          <div>
            <p className="demo-sign-in-name">{t.appName}</p>
            <p className="demo-sign-in-tagline">{t.tagline}</p>
          </div>
        </header>
        <h1 id={titleID} className="demo-sign-in-title">
          {t.tencentTitle}
        </h1>
        <p className="demo-hint">{t.tencentIntro}</p>
        <form
          className="demo-sign-in-form demo-tencent-form"
          onSubmit={submit}
          aria-describedby={shown ? errorID : undefined}
        >
          <label htmlFor={appIDField} className="demo-sign-in-subtitle">
            {t.tencentAppID}
          </label>
          <input
            id={appIDField}
            className="demo-input"
            value={appID}
            onChange={(event) => setAppID(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            disabled={pending}
          />
          <label htmlFor={userIDField} className="demo-sign-in-subtitle">
            {t.tencentUserID}
          </label>
          <input
            id={userIDField}
            className="demo-input"
            value={userID}
            onChange={(event) => setUserID(event.target.value)}
            autoComplete="username"
            maxLength={32}
            disabled={pending}
          />
          <label htmlFor={userSigField} className="demo-sign-in-subtitle">
            {t.tencentUserSig}
          </label>
          <textarea
            id={userSigField}
            className="demo-input demo-tencent-user-sig"
            value={userSig}
            onChange={(event) => setUserSig(event.target.value)}
            aria-describedby={userSigHint}
            autoComplete="off"
            spellCheck={false}
            rows={3}
            disabled={pending}
          />
          <p id={userSigHint} className="demo-hint">
            {t.tencentUserSigHint}
          </p>
          <p id={errorID} className="demo-tencent-error" role="alert">
            {shown ?? ''}
          </p>
          <p className="demo-sign-in-status" role="status">
            {pending ? t.tencentSigningIn : (generated ?? '')}
          </p>
          <div className="demo-sign-in-row">
            <button type="button" className="demo-button" onClick={onBack} disabled={pending}>
              {t.tencentBack}
            </button>
            <button type="submit" className="demo-button" data-variant="primary" disabled={pending}>
              {t.tencentSignIn}
            </button>
          </div>
          <details className="demo-tencent-dev">
            <summary>{t.tencentDevTitle}</summary>
            <p id={warningID} className="demo-tencent-warning">
              {t.tencentDevWarning}
            </p>
            <label htmlFor={keyField} className="demo-sign-in-subtitle">
              {t.tencentSecretKey}
            </label>
            <div className="demo-sign-in-row">
              <input
                id={keyField}
                className="demo-input"
                type="password"
                value={secretKey}
                onChange={(event) => setSecretKey(event.target.value)}
                aria-describedby={warningID}
                autoComplete="off"
                disabled={pending}
              />
              <button
                type="button"
                className="demo-button"
                onClick={() => void generate()}
                disabled={pending || !secretKey.trim()}
              >
                {t.tencentGenerate}
              </button>
            </div>
          </details>
        </form>
      </div>
    </main>
  );
}
