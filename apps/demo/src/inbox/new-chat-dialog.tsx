import { Avatar, Dialog, useChatStoreApi, useChatStrings } from '@tidings/components';
import { type FormEvent, useId, useState } from 'react';
import { useDemoStrings } from '../settings/preferences';
import { PEOPLE, TIDINGS_PROFILE } from '../world/world-people';

/** Props of {@link NewChatDialog}. */
export interface NewChatDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

/**
 * Starts a one-to-one chat: pick one of the people (the list filters as you type), or type any user ID
 * (checked with the engine). The chat opens at once and joins the list with its first message or draft.
 */
export function NewChatDialog({ open, onOpenChange }: NewChatDialogProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const api = useChatStoreApi();
  const { engine } = api;
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputID = useId();
  const errorID = useId();
  const needle = query.trim().toLowerCase();
  const people = [TIDINGS_PROFILE, ...PEOPLE].filter(
    (person) =>
      person.userID !== engine.userID &&
      (!needle || person.nick.toLowerCase().includes(needle) || person.userID.includes(needle)),
  );

  const close = () => {
    setQuery('');
    setError(null);
    onOpenChange(false);
  };

  const start = (userID: string) => {
    close();
    void api.getState().openConversation(`c2c_${userID}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const only = people.length === 1 ? people[0] : undefined;
    if (only) return start(only.userID);
    const id = query.trim();
    if (!id) return;
    const [found] = await engine.getUsersProfile([id]).catch(() => []);
    if (found) start(found.userID);
    else setError(t.unknownUser(id));
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title={t.newChatTitle}
      description={t.newChatHint}
      className="demo-dialog"
    >
      <form onSubmit={submit}>
        <div className="tidings-dialog-field">
          <label htmlFor={inputID}>{t.userIDLabel}</label>
          <input
            id={inputID}
            className="tidings-dialog-input"
            value={query}
            placeholder={t.userIDPlaceholder}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorID : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={errorID} className="demo-field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <ul className="demo-people" aria-label={t.newChatTitle}>
          {people.map((person) => (
            <li key={person.userID}>
              <button type="button" className="demo-person" onClick={() => start(person.userID)}>
                <Avatar
                  src={person.faceUrl}
                  name={person.nick}
                  colorKey={person.userID}
                  size={36}
                  decorative
                />
                <span className="demo-person-name">{person.nick}</span>
                <span className="demo-person-id">{person.userID}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="tidings-dialog-actions">
          <button type="button" className="tidings-dialog-button" onClick={close}>
            {kit.cancel}
          </button>
          <button type="submit" className="tidings-dialog-button" data-variant="primary" disabled={!needle}>
            {t.startChat}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
