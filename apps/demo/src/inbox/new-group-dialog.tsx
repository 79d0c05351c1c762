import { Avatar, Dialog, useChatStoreApi, useChatStrings } from '@tidings/components';
import { type FormEvent, useId, useState } from 'react';
import { useDemoStrings } from '../settings/preferences';
import { PEOPLE } from '../world/world-people';

/** Props of {@link NewGroupDialog}. */
export interface NewGroupDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

/**
 * Creates a group with the signed-in account as owner: a name and the members, picked from the people.
 * Everyone in it gets the group with its "created" tip, and the new group opens.
 */
export function NewGroupDialog({ open, onOpenChange }: NewGroupDialogProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const api = useChatStoreApi();
  const { engine } = api;
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameID = useId();
  const errorID = useId();
  const people = PEOPLE.filter((person) => person.userID !== engine.userID);

  const close = () => {
    setName('');
    setMembers(new Set());
    setError(null);
    onOpenChange(false);
  };

  const toggle = (userID: string, checked: boolean) =>
    setMembers((held) => {
      const next = new Set(held);
      if (checked) next.add(userID);
      else next.delete(userID);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (members.size === 0) {
      setError(t.groupNeedsMembers);
      return;
    }
    setBusy(true);
    try {
      const group = await engine.createGroup({ name: name.trim(), memberUserIDList: [...members] });
      close();
      void api.getState().openConversation(`group_${group.groupID}`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title={t.newGroupTitle}
      className="demo-dialog"
    >
      <form onSubmit={submit} aria-busy={busy}>
        <div className="tidings-dialog-field">
          <label htmlFor={nameID}>{t.groupNameLabel}</label>
          <input
            id={nameID}
            className="tidings-dialog-input"
            value={name}
            required
            maxLength={48}
            placeholder={t.groupNamePlaceholder}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <fieldset className="demo-members" aria-describedby={error ? errorID : undefined}>
          <legend>{t.groupMembersLabel}</legend>
          <ul className="demo-people">
            {people.map((person) => (
              <li key={person.userID}>
                <label className="demo-person">
                  <input
                    type="checkbox"
                    checked={members.has(person.userID)}
                    onChange={(event) => toggle(person.userID, event.target.checked)}
                  />
                  <Avatar
                    src={person.faceUrl}
                    name={person.nick}
                    colorKey={person.userID}
                    size={36}
                    decorative
                  />
                  <span className="demo-person-name">{person.nick}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error && (
          <p id={errorID} className="demo-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="tidings-dialog-actions">
          <button type="button" className="tidings-dialog-button" onClick={close}>
            {kit.cancel}
          </button>
          <button
            type="submit"
            className="tidings-dialog-button"
            data-variant="primary"
            disabled={busy || !name.trim()}
          >
            {t.createGroup}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
