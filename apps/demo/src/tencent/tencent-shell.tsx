import { Avatar, useChatStore } from '@tidings/components';
import { formatUnreadCount, selectTotalUnread } from '@tidings/core';
import { useEffect, useId, useState } from 'react';
import { ChatPane } from '../chat/chat-pane';
import { InboxList } from '../inbox/inbox-list';
import { SearchPane } from '../search/search-pane';
import { useDemoStrings } from '../settings/preferences';
import type { TencentSession } from './tencent-session';

/** Props of {@link TencentShell}. */
export interface TencentShellProps {
  session: TencentSession;
  onSignOut(): void;
}

/**
 * The app on a Tencent Cloud Chat account: the kit's inbox (filter tabs and conversation list) and the
 * chat pane, over the store of the Tencent engine. The demo's world (its people, presence, demo controls)
 * is not part of it: this is the account's real data.
 */
export function TencentShell({ session, onSignOut }: TencentShellProps) {
  const t = useDemoStrings();
  const titleID = useId();
  const activeID = useChatStore((state) => state.activeConversationID);
  const total = useChatStore(selectTotalUnread);
  const name = session.profile.nick;
  // Search in a chat replaces the inbox until its scope is cleared (Tencent searches in the cloud only,
  // with the SDK's cloud search module; without it the kit shows the engine's NOT_SUPPORTED).
  const [searchScope, setSearchScope] = useState<string | null>(null);
  useEffect(() => {
    document.title = total > 0 ? `(${formatUnreadCount(total)}) ${name} · Tidings` : `${name} · Tidings`;
    return () => {
      document.title = 'Tidings demo';
    };
  }, [total, name]);

  return (
    <div className="demo-shell demo-tencent-shell" data-screen={activeID ? 'chat' : 'list'}>
      <div className="demo-sidebar">
        {searchScope !== null ? (
          <SearchPane conversationID={searchScope} onClearScope={() => setSearchScope(null)} />
        ) : (
          <section className="demo-inbox" aria-labelledby={titleID}>
            <header className="demo-pane-header">
              <Avatar
                src={session.profile.faceUrl}
                name={name}
                colorKey={session.userID}
                size={32}
                decorative
              />
              <h1 id={titleID} className="demo-pane-title">
                {t.chats}
              </h1>
              <div className="demo-pane-actions">
                <button type="button" className="demo-button" onClick={onSignOut}>
                  {t.tencentSignOut}
                </button>
              </div>
            </header>
            <InboxList label={t.chats} />
          </section>
        )}
      </div>
      <ChatPane onSearchInChat={setSearchScope} />
    </div>
  );
}
