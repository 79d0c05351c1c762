import { Avatar, SearchIcon, TotalUnreadBadge, useChatStore } from '@tidings/components';
import { ChatsIcon, SlidersIcon, TidingsMark } from '../app-icons/app-icons';
import { useDemoStrings } from '../settings/preferences';

/** The views of the sidebar. */
export type SidebarView = 'chats' | 'search';

/** Props of {@link AppRail}. */
export interface AppRailProps {
  view: SidebarView;
  onViewChange(view: SidebarView): void;
  onOpenControls(): void;
  /** The signed-in account, for the avatar at the end. */
  account: { userID: string; nick: string; faceUrl: string };
}

/**
 * The app's tab bar: a rail at the start edge on wide screens, a bar at the bottom on narrow ones. The
 * Chats tab carries the kit's total unread badge (muted conversations left out).
 */
export function AppRail({ view, onViewChange, onOpenControls, account }: AppRailProps) {
  const t = useDemoStrings();
  const items: { id: SidebarView; label: string; icon: React.ReactNode }[] = [
    { id: 'chats', label: t.chats, icon: <ChatsIcon size={22} /> },
    { id: 'search', label: t.searchTab, icon: <SearchIcon size={22} /> },
  ];
  const syncing = useChatStore((state) => state.syncStatus === 'syncing');
  return (
    <nav className="demo-rail" aria-label={t.mainNavigation}>
      <div className="demo-rail-brand" data-syncing={syncing ? '' : undefined}>
        <TidingsMark size={36} />
      </div>
      <ul className="demo-rail-items">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="demo-rail-item"
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => onViewChange(item.id)}
            >
              <span className="demo-rail-icon">
                {item.icon}
                {item.id === 'chats' && <TotalUnreadBadge className="demo-rail-badge" />}
              </span>
              <span className="demo-rail-label">{item.label}</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="demo-rail-item" aria-haspopup="dialog" onClick={onOpenControls}>
            <span className="demo-rail-icon">
              <SlidersIcon size={22} />
            </span>
            <span className="demo-rail-label">{t.demoControls}</span>
          </button>
        </li>
      </ul>
      <div className="demo-rail-end">
        <button
          type="button"
          className="demo-rail-account"
          aria-haspopup="dialog"
          aria-label={t.account(account.nick)}
          title={t.signedInAs(account.nick)}
          onClick={onOpenControls}
        >
          <Avatar src={account.faceUrl} name={account.nick} colorKey={account.userID} size={36} decorative />
        </button>
      </div>
    </nav>
  );
}
