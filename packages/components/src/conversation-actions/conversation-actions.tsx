import {
  type ConversationGroup,
  type ReceiveMessageOpt,
  selectConversation,
  selectConversationGroups,
  type UnreadFilter,
} from '@tidings/core';
import { type FormEvent, memo, useRef, useState } from 'react';
import { useChatStore, useChatStoreApi, useInboxStrings } from '../chat-provider/index';
import { useTotalUnread, useUnreadByFilter } from '../conversation-filter-tabs/index';
import { ConfirmDialog, Dialog } from '../dialog/index';
import { useChatStoreByID } from '../internal/index';
import type { MenuAnchor } from '../menu/index';
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuRadioGroup,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from '../menu/index';
import {
  type ConversationActionErrorHandler,
  type UseConversationActionsReturn,
  useConversationActions,
} from './use-conversation-actions';

function Glyph({ d }: { d: string }) {
  return (
    <svg
      className="tidings-icon"
      viewBox="0 0 24 24"
      width={20}
      height={20}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

// The menu's glyphs, one path each (the icon set's shapes, joined), so the list does not pull in every icon.
const PIN = 'M8.25 3.5h7.5M9.5 3.5v5.25L6.25 12.5V14h11.5v-1.5L14.5 8.75V3.5M12 14v6.5';
const PIN_OFF = 'M8.25 3.5h7.5M14.5 9.5V3.5h-5v1.75M9.5 9.5 6.25 12.5V14h7.75M12 14v6.5m-8.5-17 17 17';
const BELL = 'M6 16.5v-5a6 6 0 0 1 12 0v5l1.5 1.5h-15zM10 20.5a2.2 2.2 0 0 0 4 0';
const BELL_OFF = 'M8.4 6.4A6 6 0 0 1 18 11.5v4M6 11.5v5L4.5 18H18M10 20.5a2.2 2.2 0 0 0 4 0M3.5 3.5l17 17';
const CHECK = 'm5 12.5 4.5 4.5L19 7.5';
const STAR = 'm12 3.75 2.55 5.2 5.7.83-4.12 4.02.97 5.68L12 16.8l-5.1 2.68.97-5.68-4.12-4.02 5.7-.83z';
const EYE_OFF =
  'M9.9 5.75A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.4 3.2M6.6 6.9C4 8.6 2.5 12 2.5 12S6 18.5 12 18.5a9.3 9.3 0 0 0 4.9-1.4M9.9 9.9a3 3 0 0 0 4.2 4.2M3.5 3.5l17 17';
const TRASH =
  'M4.5 7h15M9.5 7V4.5h5V7m-8 0 .85 11.6a2 2 0 0 0 2 1.9h5.3a2 2 0 0 0 2-1.9L17.5 7M10 11v5.5m4-5.5v5.5';
const FOLDER = 'M3.5 7.5a2 2 0 0 1 2-2h4l2 2.25h7a2 2 0 0 1 2 2v7.75a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z';
const CHECK_ALL = 'm2.75 12.75 4 4L15 8.5M11.5 15.25l1.5 1.5 8.25-8.25';
const UNREAD_DOT = 'M12 7.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z';

/** Props of {@link ConversationActionsMenu}. */
export interface ConversationActionsMenuProps {
  /** The conversation the menu acts on; `null` while no menu is open. */
  conversationID: string | null;
  /** Whether the menu is open. */
  open: boolean;
  /** What the menu opens next to: the row's actions button, the row, or the pointer. */
  anchor: MenuAnchor | null;
  /** Called with `false` when the menu closes. */
  onOpenChange: (open: boolean) => void;
  /**
   * The element that gets focus back after an action or a dialog (the row, or the row that took its
   * place when the conversation left the list).
   */
  returnFocus?: ((conversationID: string) => HTMLElement | null) | undefined;
  /** Called when an action fails. @default a console warning */
  onError?: ConversationActionErrorHandler | undefined;
}

type InboxStrings = ReturnType<typeof useInboxStrings>;

/** The "Notifications" submenu: the three receive options as radios. */
function notificationsSubmenu(
  recvOpt: ReceiveMessageOpt,
  strings: InboxStrings,
  actions: UseConversationActionsReturn,
) {
  return (
    <MenuSub>
      <MenuSubTrigger icon={<Glyph d={BELL} />}>{strings.notifications}</MenuSubTrigger>
      <MenuSubContent aria-label={strings.notifications}>
        <MenuRadioGroup
          value={recvOpt}
          onValueChange={(value) => actions.setReceiveOpt(value as ReceiveMessageOpt)}
          aria-label={strings.notifications}
        >
          <MenuItemRadio value="receive">{strings.receiveAndNotify}</MenuItemRadio>
          <MenuItemRadio value="receiveNotNotify">{strings.receiveNotNotify}</MenuItemRadio>
          <MenuItemRadio value="notReceive">{strings.notReceive}</MenuItemRadio>
        </MenuRadioGroup>
      </MenuSubContent>
    </MenuSub>
  );
}

/** The "Move to folder" submenu: a checkbox per folder and "New folder…". */
function foldersSubmenu(
  conversationGroupList: readonly string[],
  groups: readonly ConversationGroup[],
  strings: InboxStrings,
  actions: UseConversationActionsReturn,
  onNewFolder: () => void,
) {
  return (
    <MenuSub>
      <MenuSubTrigger icon={<Glyph d={FOLDER} />}>{strings.moveToFolder}</MenuSubTrigger>
      <MenuSubContent aria-label={strings.moveToFolder}>
        {groups.length === 0 && <MenuItem disabled>{strings.noFolders}</MenuItem>}
        {groups.map(({ name: folder }) => (
          <MenuItemCheckbox
            key={folder}
            checked={conversationGroupList.includes(folder)}
            onCheckedChange={(checked) =>
              checked ? actions.addToFolder(folder) : actions.removeFromFolder(folder)
            }
          >
            {folder}
          </MenuItemCheckbox>
        ))}
        <MenuSeparator />
        <MenuItem onSelect={onNewFolder}>{strings.newFolder}</MenuItem>
      </MenuSubContent>
    </MenuSub>
  );
}

function ConversationActionsMenuImpl({
  conversationID,
  open,
  anchor,
  onOpenChange,
  returnFocus,
  onError,
}: ConversationActionsMenuProps) {
  const strings = useInboxStrings();
  // The dialogs outlive the menu, so they remember their conversation.
  const [dialog, setDialog] = useState<{ kind: 'delete' | 'folder'; conversationID: string } | null>(null);
  const id = conversationID ?? dialog?.conversationID ?? '';
  const conversation = useChatStoreByID(selectConversation, id);
  const groups = useChatStore(selectConversationGroups);
  const actions = useConversationActions(id, { onError });
  const folderInput = useRef<HTMLInputElement>(null);
  const [folderName, setFolderName] = useState('');
  const closeDialog = () => setDialog(null);
  // The menu and the dialogs ask for it as they close, when their conversation may be gone from the state.
  const lastID = useRef(id);
  if (id) lastID.current = id;
  const focusBack = () => returnFocus?.(lastID.current) ?? null;

  const name = conversation?.showName || id;
  const isUnread = !!conversation && (conversation.unreadCount > 0 || conversation.markList.includes(2));
  const isStarred = !!conversation?.markList.includes(1);
  const recvOpt = conversation?.recvOpt ?? 'receive';
  const muted = recvOpt !== 'receive';

  const createFolder = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const folder = folderName.trim();
    if (!folder) return;
    if (groups.some((group) => group.name === folder)) actions.addToFolder(folder);
    else actions.createFolder(folder);
    closeDialog();
  };

  return (
    <>
      <Menu open={open && !!conversation} anchor={anchor} onOpenChange={onOpenChange} returnFocus={focusBack}>
        {conversation && (
          <MenuContent
            aria-label={strings.conversationActions(name)}
            className="tidings-conversation-actions"
          >
            <MenuItem
              icon={<Glyph d={conversation.isPinned ? PIN_OFF : PIN} />}
              onSelect={() => actions.pin(!conversation.isPinned)}
            >
              {conversation.isPinned ? strings.unpin : strings.pin}
            </MenuItem>
            <MenuItem
              icon={<Glyph d={isUnread ? CHECK : UNREAD_DOT} />}
              onSelect={isUnread ? actions.markRead : actions.markUnread}
            >
              {isUnread ? strings.markRead : strings.markUnread}
            </MenuItem>
            <MenuItem
              icon={<Glyph d={muted ? BELL : BELL_OFF} />}
              onSelect={() => actions.setReceiveOpt(muted ? 'receive' : 'receiveNotNotify')}
            >
              {muted ? strings.unmute : strings.mute}
            </MenuItem>
            {notificationsSubmenu(recvOpt, strings, actions)}
            <MenuItem icon={<Glyph d={STAR} />} onSelect={() => actions.star(!isStarred)}>
              {isStarred ? strings.unstar : strings.star}
            </MenuItem>
            {foldersSubmenu(conversation.conversationGroupList, groups, strings, actions, () => {
              setFolderName('');
              setDialog({ kind: 'folder', conversationID: id });
            })}
            <MenuItem icon={<Glyph d={EYE_OFF} />} onSelect={actions.hide}>
              {strings.hide}
            </MenuItem>
            <MenuSeparator />
            <MenuItem
              icon={<Glyph d={TRASH} />}
              variant="danger"
              onSelect={() => setDialog({ kind: 'delete', conversationID: id })}
            >
              {strings.delete}
            </MenuItem>
          </MenuContent>
        )}
      </Menu>
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        onOpenChange={closeDialog}
        title={strings.deleteConversationConfirm(name)}
        description={strings.deleteConversationDescription}
        confirmLabel={strings.delete}
        destructive
        onConfirm={actions.remove}
        returnFocus={focusBack}
      />
      <Dialog
        open={dialog?.kind === 'folder'}
        onOpenChange={closeDialog}
        title={strings.newFolder.replace(/[.…]+$/u, '')}
        initialFocus={folderInput}
        returnFocus={focusBack}
      >
        <form className="tidings-conversation-actions-form" onSubmit={createFolder}>
          <label className="tidings-dialog-field">
            {strings.folderName}
            <input
              ref={folderInput}
              className="tidings-dialog-input"
              value={folderName}
              onChange={(event) => setFolderName(event.target.value)}
              maxLength={32}
              required
            />
          </label>
          <div className="tidings-dialog-actions">
            <button type="button" className="tidings-dialog-button" onClick={closeDialog}>
              {strings.cancel}
            </button>
            <button
              type="submit"
              className="tidings-dialog-button"
              data-variant="primary"
              disabled={!folderName.trim()}
            >
              {strings.create}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/**
 * The actions of a conversation as a menu: pin/unpin, mark read/unread, mute/unmute and the three
 * receive options, star, folders (move to, new folder…), hide, and delete after a confirmation. The
 * conversation list opens it from the row's button, a right click, Shift+F10 or the ContextMenu key; focus
 * returns to the row afterwards. Memoized: a list re-rendering as it scrolls does not re-render it.
 *
 * DOM: a {@link Menu} (`role="menu"`), a {@link ConfirmDialog} for delete and a {@link Dialog} with a
 * `form.tidings-conversation-actions-form` for a new folder.
 *
 * @example
 * <ConversationActionsMenu conversationID="c2c_bob" open={open} anchor={button} onOpenChange={setOpen} />
 */
export const ConversationActionsMenu = memo(ConversationActionsMenuImpl);

/** Props of {@link MarkAllReadMenu}. */
export interface MarkAllReadMenuProps {
  /** Called when marking fails. @default a console warning */
  onError?: ConversationActionErrorHandler | undefined;
  /** Class of the trigger button. */
  className?: string | undefined;
}

/**
 * "Mark all as read" as a menu button with the seeds' scopes: every conversation, every one-to-one
 * conversation, every group (`markAllRead('all' | 'c2c' | 'group')`). The menu is titled and says how
 * many unread messages each choice marks read; a scope with none is disabled.
 *
 * DOM: `button.tidings-menu-trigger.tidings-mark-all-read` and its {@link Menu}
 * (`.tidings-mark-all-read-menu` > `-title`, items > `-scope`, `-count`).
 *
 * @example
 * <MarkAllReadMenu />
 */
export function MarkAllReadMenu({ onError, className }: MarkAllReadMenuProps) {
  const strings = useInboxStrings();
  const store = useChatStoreApi();
  const mark = (scope: 'all' | 'c2c' | 'group') =>
    store
      .getState()
      .markAllRead(scope)
      .catch((error: unknown) =>
        onError ? onError(error, 'markAllRead') : console.warn('Tidings: markAllRead failed', error),
      );
  return (
    <Menu>
      <MenuTrigger
        className={['tidings-mark-all-read', className].filter(Boolean).join(' ')}
        aria-label={strings.markAllRead}
        title={strings.markAllRead}
      >
        <Glyph d={CHECK_ALL} />
      </MenuTrigger>
      <MenuContent aria-label={strings.markAllRead} className="tidings-mark-all-read-menu">
        {/* The menu is named by its label; the title is for the eyes. */}
        <div className="tidings-mark-all-read-title" aria-hidden="true">
          {strings.markAllRead}
        </div>
        <MarkAllReadItem label={strings.filterAll} filter={ALL} onSelect={() => mark('all')} />
        <MarkAllReadItem label={strings.filterDirect} filter={C2C} onSelect={() => mark('c2c')} />
        <MarkAllReadItem label={strings.filterGroups} filter={GROUP} onSelect={() => mark('group')} />
      </MenuContent>
    </Menu>
  );
}

const ALL: UnreadFilter = {};
const C2C: UnreadFilter = { type: 'c2c' };
const GROUP: UnreadFilter = { type: 'group' };

/** One scope of {@link MarkAllReadMenu}: its name and how many messages it would mark read (none: disabled). */
function MarkAllReadItem({
  label,
  filter,
  onSelect,
}: {
  label: string;
  filter: UnreadFilter;
  onSelect: () => void;
}) {
  const strings = useInboxStrings();
  const total = useTotalUnread();
  const filtered = useUnreadByFilter(filter);
  const count = (filter.type ? filtered : total) ?? 0;
  return (
    <MenuItem
      onSelect={onSelect}
      disabled={count === 0}
      // Read as one phrase with a pause ("Direct, 11 unread messages"), starting with the visible label.
      aria-label={`${label}, ${strings.unreadMessages(count)}`}
    >
      <span className="tidings-mark-all-read-scope">{label}</span>
      <span className="tidings-mark-all-read-count">{strings.unreadMessages(count)}</span>
    </MenuItem>
  );
}
