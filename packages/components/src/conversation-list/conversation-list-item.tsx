import { avatarColorOf, initialsOf } from '@tidings/core';
import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type CSSProperties, memo, type ReactNode, useCallback } from 'react';
import { type UseAvatarImageReturn, useAvatarImage } from '../avatar/index';
import { ChatRenderBoundary, useInboxStrings, useSafeUrl } from '../chat-provider/index';
import { UnreadBadge } from '../unread-badge/index';
import {
  type ConversationItem,
  type RowSelection,
  useRowItem,
  useRowSelection,
} from './use-conversation-list-item';

/** The fixed height of a row, px (`--tidings-size-row`); the list's arithmetic relies on it. */
export const CONVERSATION_ROW_HEIGHT = 72;

/** What a custom row renderer (`renderItem`) gets. */
export interface ConversationListItemRenderProps {
  /** The conversation and what is derived from it. */
  item: ConversationItem;
  /** Whether this is the open conversation. */
  isActive: boolean;
  /** Whether the row's actions menu is open. */
  isMenuOpen: boolean;
}

/** Renders the inside of a row (its one gridcell). Keep it referentially stable (`useCallback`). */
export type ConversationListRenderItem = (props: ConversationListItemRenderProps) => ReactNode;

/**
 * Part: the 48 px avatar — the image, or the initials on a colour derived from the conversation ID while
 * it loads, when there is none, when the URL policy refuses it, or when it fails. Decorative (the row is named). One element when there
 * is no image, to keep 100,000-row lists light; it uses the {@link Avatar} classes and states.
 */
export function ConversationListItemAvatar({ item }: { item: ConversationItem }) {
  return avatarOf(item, useRowAvatar(item));
}

/** The avatar's image state: the safe URL and whether it has loaded. */
function useRowAvatar(item: ConversationItem): RowAvatar {
  const src = useSafeUrl(item.conversation.faceUrl, 'avatar');
  return { src, ...useAvatarImage(src) };
}

interface RowAvatar extends UseAvatarImageReturn {
  src: string | null;
}

// The default row renders its parts as plain elements from one component (these helpers), not one
// component each: a mount of a screenful of rows then creates a third of the fibers. The exported parts
// render the same helpers, for custom rows.
function avatarOf(item: ConversationItem, { src, status, imageProps }: RowAvatar) {
  const { conversation } = item;
  return (
    <span
      className="tidings-avatar tidings-conversation-list-item-avatar"
      data-state={status}
      aria-hidden="true"
      style={{ '--tidings-avatar-color': avatarColorOf(conversation.conversationID) } as CSSProperties}
    >
      {status !== 'loaded' && initialsOf(item.name)}
      {src && status !== 'fallback' && (
        <img
          {...imageProps}
          key={src}
          className="tidings-avatar-image"
          src={src}
          alt=""
          decoding="async"
          draggable={false}
        />
      )}
    </span>
  );
}

/**
 * Part: the name, one line with an ellipsis, and the mute icon after it when the conversation is muted
 * and has unread messages (its grey count then takes the end of line two).
 */
export function ConversationListItemName({ item }: { item: ConversationItem }) {
  return nameOf(item);
}

function nameOf(item: ConversationItem) {
  const isMutedWithUnread = item.isMuted && item.unreadCount > 0;
  if (!isMutedWithUnread) return <span className="tidings-conversation-list-item-name">{item.name}</span>;
  return (
    <span className="tidings-conversation-list-item-name">
      <span className="tidings-conversation-list-item-name-text">{item.name}</span>
      <span className="tidings-conversation-list-item-muted" />
    </span>
  );
}

/** Part: the time at the end of line one (accent colour when unread). */
export function ConversationListItemTime({ item }: { item: ConversationItem }) {
  return timeOf(item);
}

function timeOf(item: ConversationItem) {
  if (!item.time) return <span className="tidings-conversation-list-item-time" />;
  return (
    <time className="tidings-conversation-list-item-time" dateTime={new Date(item.timestamp).toISOString()}>
      {item.time}
    </time>
  );
}

/**
 * Part: the preview line — a failed-send marker, the `[Draft]` (danger colour) or `[@me]` (accent colour)
 * marker, then the text. User text is rendered as text, never as HTML.
 */
export function ConversationListItemPreview({ item }: { item: ConversationItem }) {
  return previewOf(item);
}

function previewOf(item: ConversationItem) {
  const { preview } = item;
  return (
    <span className="tidings-conversation-list-item-preview">
      {item.hasFailedSend && <span className="tidings-conversation-list-item-failed" />}
      {preview.marker && (
        <span className="tidings-conversation-list-item-marker" data-marker={preview.markerType ?? undefined}>
          {preview.marker}
        </span>
      )}
      {preview.marker && preview.text ? ' ' : null}
      {preview.text}
    </span>
  );
}

/**
 * Part: the end of line two — the pinned marker, then the unread badge (a number capped at `99+`, grey
 * when muted; a dot when marked unread with nothing counted) or, for a muted conversation with nothing
 * unread, the mute icon.
 */
export function ConversationListItemStatus({ item }: { item: ConversationItem }) {
  return statusOf(item);
}

function statusOf(item: ConversationItem) {
  const showBadge = item.unreadCount > 0 || item.isMarkedUnread;
  // Nothing to show, no element: most rows of a big inbox are read.
  if (!item.isPinned && !showBadge && !item.isMuted) return null;
  return (
    <span className="tidings-conversation-list-item-status">
      {item.isPinned && <span className="tidings-conversation-list-item-pin" />}
      {showBadge ? (
        <UnreadBadge
          count={item.unreadCount}
          muted={item.isMuted}
          markedUnread={item.isMarkedUnread}
          // A muted count is still worth reading (grey, not red); a lone dot said too little.
          dot={item.unreadCount > 0 ? false : undefined}
        />
      ) : (
        item.isMuted && <span className="tidings-conversation-list-item-muted" />
      )}
    </span>
  );
}

/** Props of {@link ConversationListItemActionsButton}. */
export interface ConversationListItemActionsButtonProps
  extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  item: ConversationItem;
  /** Whether its menu is open (`aria-expanded`). @default false */
  isMenuOpen?: boolean | undefined;
}

/**
 * Part: the row's actions button (⋯). It is not a tab stop of its own (the row is): pointer users click
 * it, keyboard users press Shift+F10, the ContextMenu key, or → to reach it. The list opens the menu.
 */
export function ConversationListItemActionsButton({
  item,
  isMenuOpen = false,
  className,
  ...rest
}: ConversationListItemActionsButtonProps) {
  const strings = useInboxStrings();
  return (
    <button
      type="button"
      tabIndex={-1}
      className={clsx('tidings-conversation-list-item-actions', className)}
      aria-label={strings.conversationActions(item.name)}
      aria-haspopup="menu"
      aria-expanded={isMenuOpen}
      {...rest}
    />
  );
}

/** The default inside of a row: avatar, name and time, preview and status, actions button. */
export function ConversationListItemContent({ item, isMenuOpen }: ConversationListItemRenderProps) {
  const strings = useInboxStrings();
  const avatar = useRowAvatar(item);
  return (
    <>
      {avatarOf(item, avatar)}
      {nameOf(item)}
      {timeOf(item)}
      {previewOf(item)}
      {statusOf(item)}
      <button
        type="button"
        tabIndex={-1}
        className="tidings-conversation-list-item-actions"
        aria-label={strings.conversationActions(item.name)}
        aria-haspopup="menu"
        aria-expanded={isMenuOpen}
      />
    </>
  );
}

/** Props of {@link ConversationListItem}. */
export interface ConversationListItemProps {
  conversationID: string;
  /** Position in the list, 0-based (`aria-rowindex` is one more). */
  index: number;
  /** Whether the row is the list's one tab stop (roving tabindex). */
  isTabStop: boolean;
  /** Whether the row's actions menu is open. */
  isMenuOpen: boolean;
  /** Custom inside of the row. @default ConversationListItemContent */
  renderItem?: ConversationListRenderItem | undefined;
  /** Tells the list where the row's element is (the list positions rows and moves focus). */
  registerRow: (conversationID: string, element: HTMLElement | null) => void;
}

function rowStyle(index: number): CSSProperties {
  return { transform: `translateY(${index * CONVERSATION_ROW_HEIGHT}px)` };
}

function ConversationListItemRow({
  conversationID,
  index,
  isTabStop,
  isMenuOpen,
  renderItem,
  registerRow,
  selection,
}: ConversationListItemProps & { selection: RowSelection }) {
  const item = useRowItem(selection);
  const { isActive } = selection;
  const ref = useCallback(
    (element: HTMLDivElement | null) => registerRow(conversationID, element),
    [registerRow, conversationID],
  );
  if (!item) return null;
  const props = { item, isActive, isMenuOpen };
  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={isActive}
      aria-label={item.label}
      aria-description={item.description || undefined}
      tabIndex={isTabStop ? 0 : -1}
      className="tidings-conversation-list-item"
      data-conversation-id={conversationID}
      data-pinned={item.isPinned ? '' : undefined}
      data-muted={item.isMuted ? '' : undefined}
      data-unread={item.isUnread ? '' : undefined}
      data-marked-unread={item.isMarkedUnread ? '' : undefined}
      data-starred={item.isStarred ? '' : undefined}
      data-has-draft={item.hasDraft ? '' : undefined}
      data-mention={
        item.preview.markerType === 'mentionMe' || item.preview.markerType === 'mentionAll' ? '' : undefined
      }
      data-failed={item.hasFailedSend ? '' : undefined}
      style={rowStyle(index)}
    >
      <div role="gridcell" className="tidings-conversation-list-item-cell">
        {renderItem ? renderItem(props) : <ConversationListItemContent {...props} />}
      </div>
    </div>
  );
}

/** A row that failed to render: still a row of the grid, in its place, saying it cannot be shown. */
function ConversationListItemFallback({
  conversationID,
  index,
  isTabStop,
  registerRow,
}: ConversationListItemProps) {
  const strings = useInboxStrings();
  const ref = useCallback(
    (element: HTMLDivElement | null) => registerRow(conversationID, element),
    [registerRow, conversationID],
  );
  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 1}
      aria-label={strings.conversationUnavailable}
      tabIndex={isTabStop ? 0 : -1}
      className="tidings-conversation-list-item"
      data-conversation-id={conversationID}
      data-unavailable=""
      style={rowStyle(index)}
    >
      <div role="gridcell" className="tidings-conversation-list-item-cell">
        <span className="tidings-conversation-list-item-unavailable">{strings.conversationUnavailable}</span>
      </div>
    </div>
  );
}

/**
 * Guards one row: a row that throws while it renders becomes {@link ConversationListItemFallback}, and is
 * tried again when the store holds a new copy of its conversation.
 */
function ConversationListItemGuarded(props: ConversationListItemProps) {
  // The row's one store subscription, read here so the boundary can reset on a new copy of the record.
  const selection = useRowSelection(props.conversationID);
  return (
    <ChatRenderBoundary
      part="conversation"
      id={props.conversationID}
      resetKey={selection.conversation}
      fallback={<ConversationListItemFallback {...props} />}
    >
      <ConversationListItemRow {...props} selection={selection} />
    </ChatRenderBoundary>
  );
}

/**
 * One conversation row of the list, subscribed to its own record only: a new message in another
 * conversation never re-renders it. Its position (`aria-rowindex`, `transform`) is written by the list
 * directly when rows above it move, so a move re-renders nothing but the list.
 *
 * DOM: `div.tidings-conversation-list-item[role="row"]` > `div.tidings-conversation-list-item-cell[role="gridcell"]`
 * > avatar, `.tidings-conversation-list-item-name` (> `-name-text`, `-muted` when muted with unread), `-time`, `-preview` (> `-marker`, `-failed`),
 * `-status` (> `-pin`, unread badge, `-muted`), `button.tidings-conversation-list-item-actions`.
 *
 * Data attributes on the row (present only when true): `data-pinned`, `data-muted`, `data-unread` (unread
 * or marked unread), `data-marked-unread`, `data-starred`, `data-has-draft`, `data-mention` (an unread
 * `@` mention), `data-failed` (the last message failed to send); `data-conversation-id` always.
 * `data-marker="draft" | "mentionMe" | "mentionAll"` on the preview marker. A row that fails to render
 * shows "This conversation can’t be shown" (`data-unavailable`), reported to the provider's `onError`.
 */
export const ConversationListItem = memo(
  ConversationListItemGuarded,
  // The index is left out on purpose: the list writes positions to the DOM itself (see above).
  (prev, next) =>
    prev.conversationID === next.conversationID &&
    prev.isTabStop === next.isTabStop &&
    prev.isMenuOpen === next.isMenuOpen &&
    prev.renderItem === next.renderItem &&
    prev.registerRow === next.registerRow,
);
