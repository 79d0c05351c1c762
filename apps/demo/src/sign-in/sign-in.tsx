import { Avatar } from '@tidings/components';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { TidingsMark } from '../app-icons/app-icons';
import { PreferencePickers } from '../controls/preference-pickers';
import { useDemoStrings } from '../settings/preferences';
import { presentUsers } from '../world/world';
import { PEOPLE } from '../world/world-people';

/** Props of {@link SignIn}. */
export interface SignInProps {
  /** Signs in as a seeded person (by ID) or a new name (`nick` set). */
  onSignIn(userID: string, nick?: string): void;
  /** The account being signed in, while it is. */
  pending: string | null;
  /** Why the last attempt failed. */
  error: string | null;
  /** Opens the sign-in on Tencent Cloud Chat instead of the embedded engine. */
  onChooseTencent(): void;
}

/** Who is signed in in other tabs, refreshed every couple of seconds. */
function usePresentUsers(): Set<string> {
  const [present, setPresent] = useState<Set<string>>(new Set());
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      void presentUsers().then((users) => {
        if (alive) setPresent(users);
      });
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return present;
}

/**
 * The first screen: pick one of the seeded people or join with a new name. Each tab signs in on its own,
 * so a second tab can be a second person.
 */
export function SignIn({ onSignIn, pending, error, onChooseTencent }: SignInProps) {
  const t = useDemoStrings();
  const present = usePresentUsers();
  const [name, setName] = useState('');
  const nameID = useId();
  const hintID = useId();
  const titleID = useId();

  const join = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSignIn('', trimmed);
  };

  return (
    <main className="demo-sign-in" aria-labelledby={titleID} aria-busy={pending !== null}>
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
          {t.signInTitle}
        </h1>
        {/* Right under the title, so it shows without scrolling on a laptop and on a phone. */}
        <p className="demo-sign-in-error" role="alert">
          {error}
        </p>
        <h2 className="demo-sign-in-subtitle">{t.signInAs}</h2>
        <ul className="demo-sign-in-people">
          {PEOPLE.map((person) => {
            const elsewhere = present.has(person.userID);
            return (
              <li key={person.userID}>
                <button
                  type="button"
                  className="demo-sign-in-person"
                  disabled={pending !== null}
                  aria-busy={pending === person.userID}
                  onClick={() => onSignIn(person.userID)}
                >
                  <Avatar
                    src={person.faceUrl}
                    name={person.nick}
                    colorKey={person.userID}
                    size={40}
                    decorative
                  />
                  <span className="demo-sign-in-person-text">
                    <span className="demo-sign-in-person-name">{person.nick}</span>
                    {elsewhere && <span className="demo-sign-in-person-note">{t.signInOpenElsewhere}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <form className="demo-sign-in-form" onSubmit={join}>
          <label htmlFor={nameID} className="demo-sign-in-subtitle">
            {t.signInNewName}
          </label>
          <div className="demo-sign-in-row">
            <input
              id={nameID}
              className="demo-input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder={t.signInNewNamePlaceholder}
              autoComplete="nickname"
              maxLength={32}
              aria-describedby={hintID}
              disabled={pending !== null}
            />
            <button
              type="submit"
              className="demo-button"
              data-variant="primary"
              disabled={pending !== null || !name.trim()}
            >
              {t.signInJoin}
            </button>
          </div>
          <p id={hintID} className="demo-hint">
            {t.signInNewNameHint}
          </p>
        </form>
        <p className="demo-sign-in-tabs">{t.signInTabHint}</p>
        <div className="demo-sign-in-engine">
          <p className="demo-hint">{t.tencentChoiceHint}</p>
          <button type="button" className="demo-button" onClick={onChooseTencent} disabled={pending !== null}>
            {t.tencentChoice}
          </button>
        </div>
        <p className="demo-sign-in-status" role="status">
          {pending && !error
            ? t.signingIn(PEOPLE.find((person) => person.userID === pending)?.nick ?? pending)
            : ''}
        </p>
      </div>
    </main>
  );
}
