import { useChatStore, useChatStoreApi } from '@tidings/components';
import { formatUnreadCount, selectTotalUnread } from '@tidings/core';
import { useEffect, useState } from 'react';
import { ChatPane } from '../chat/chat-pane';
import { ControlsSheet, listenForReset } from '../controls/controls-sheet';
import { InboxPane } from '../inbox/inbox-pane';
import { SearchPane } from '../search/search-pane';
import type { Session } from '../session/session';
import type { World } from '../world/world';
import { AppRail, type SidebarView } from './app-rail';

/** Props of {@link AppShell}. */
export interface AppShellProps {
  session: Session;
  world: World;
  onSignOut(): void;
}

const CHAT_ROUTE = /^#\/chat\/(.+)$/;

/** The open conversation of this tab lives in the URL's hash, so a reload (or a link) reopens it. */
function useConversationRoute(): void {
  const api = useChatStoreApi();

  useEffect(() => {
    const open = () => {
      const match = CHAT_ROUTE.exec(location.hash);
      const id = match ? decodeURIComponent(match[1] as string) : null;
      if (api.getState().activeConversationID !== id)
        void api
          .getState()
          .openConversation(id)
          .catch(() => undefined);
    };
    open();
    addEventListener('hashchange', open);
    // Only changes write the hash (not the first render, before the hash has been read).
    const unsubscribe = api.subscribe((state, previous) => {
      if (state.activeConversationID === previous.activeConversationID) return;
      const id = state.activeConversationID;
      const hash = id ? `#/chat/${encodeURIComponent(id)}` : '';
      if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
    });
    return () => {
      removeEventListener('hashchange', open);
      unsubscribe();
    };
  }, [api]);
}

/**
 * The signed-in app: the rail (or bottom bar), the sidebar (inbox or message search) and the chat. On a
 * wide screen all three show; on a narrow one the sidebar and the chat are two screens, with a back button
 * in the chat's header.
 */
export function AppShell({ session, world, onSignOut }: AppShellProps) {
  const [view, setView] = useState<SidebarView>('chats');
  const [searchScope, setSearchScope] = useState<string | null>(null);
  const [controlsOpen, setControlsOpen] = useState(false);
  const activeID = useChatStore((state) => state.activeConversationID);
  const total = useChatStore(selectTotalUnread);
  useConversationRoute();
  // The browser tab says who this tab is and how much is unread, so two tabs of the demo tell apart.
  useEffect(() => {
    const name = session.profile.nick;
    document.title = total > 0 ? `(${formatUnreadCount(total)}) ${name} · Tidings` : `${name} · Tidings`;
    return () => {
      document.title = 'Tidings demo';
    };
  }, [total, session.profile.nick]);
  useEffect(() => listenForReset(world), [world]);

  return (
    <div className="demo-shell" data-screen={activeID ? 'chat' : 'list'}>
      <AppRail
        view={view}
        onViewChange={(next) => {
          if (next === 'search') setSearchScope(null);
          setView(next);
        }}
        onOpenControls={() => setControlsOpen(true)}
        account={session.profile}
      />
      <div className="demo-sidebar">
        {view === 'chats' ? (
          <InboxPane session={session} />
        ) : (
          <SearchPane conversationID={searchScope} onClearScope={() => setSearchScope(null)} />
        )}
      </div>
      <ChatPane
        onSearchInChat={(id) => {
          setSearchScope(id);
          setView('search');
        }}
      />
      <ControlsSheet
        open={controlsOpen}
        onClose={() => setControlsOpen(false)}
        session={session}
        world={world}
        onSignOut={onSignOut}
      />
    </div>
  );
}
