import { useChatStrings } from '@tidings/components';
import { useId, useState } from 'react';
import { ComposeIcon, OfflineIcon, UsersIcon } from '../app-icons/app-icons';
import { useConnectionState } from '../session/network';
import type { Session } from '../session/session';
import { useDemoStrings } from '../settings/preferences';
import { InboxList } from './inbox-list';
import { NewChatDialog } from './new-chat-dialog';
import { NewGroupDialog } from './new-group-dialog';

/** Props of {@link InboxPane}. */
export interface InboxPaneProps {
  session: Session;
}

/** Offline and reconnecting, said where the list is, with what it means for sending. */
function ConnectionBanner({ session }: { session: Session }) {
  const t = useDemoStrings();
  const state = useConnectionState(session.engine);
  if (state === 'connected') return null;
  return (
    <div className="demo-banner" data-state={state} role="status">
      {state === 'disconnected' ? (
        <OfflineIcon size={18} />
      ) : (
        <span className="demo-spinner" data-size="small" aria-hidden="true" />
      )}
      <div>
        <p className="demo-banner-title">{state === 'disconnected' ? t.offline : t.connecting}</p>
        {state === 'disconnected' && <p className="demo-banner-text">{t.offlineHint}</p>}
      </div>
    </div>
  );
}

/**
 * The inbox: its title and actions (new chat, new group, mark all as read), the connection banner, the
 * filter tabs with their unread totals and the conversation list.
 */
export function InboxPane({ session }: InboxPaneProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const titleID = useId();
  const [dialog, setDialog] = useState<'chat' | 'group' | null>(null);
  const onNewChat = () => setDialog('chat');
  const onNewGroup = () => setDialog('group');
  return (
    <section className="demo-inbox" aria-labelledby={titleID}>
      <header className="demo-pane-header">
        <h1 id={titleID} className="demo-pane-title">
          {t.chats}
        </h1>
        <div className="demo-pane-actions">
          <button
            type="button"
            className="demo-icon-button"
            aria-label={t.newChat}
            title={t.newChat}
            onClick={onNewChat}
          >
            <ComposeIcon />
          </button>
          <button
            type="button"
            className="demo-icon-button"
            aria-label={t.newGroup}
            title={t.newGroup}
            onClick={onNewGroup}
          >
            <UsersIcon />
          </button>
        </div>
      </header>
      <ConnectionBanner session={session} />
      <InboxList label={kit.conversationListLabel} onNewChat={onNewChat} />
      <NewChatDialog open={dialog === 'chat'} onOpenChange={(open) => setDialog(open ? 'chat' : null)} />
      <NewGroupDialog open={dialog === 'group'} onOpenChange={(open) => setDialog(open ? 'group' : null)} />
    </section>
  );
}
