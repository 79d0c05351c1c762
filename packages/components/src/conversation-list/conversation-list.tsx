import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type ReactNode, useCallback } from 'react';
import { useChatContext } from '../chat-provider/chat-provider-context';
import { ChatRenderBoundary, useInboxStrings } from '../chat-provider/index';
import type { ConversationActionErrorHandler } from '../conversation-actions/index';
import { ConversationActionsMenu } from '../conversation-actions/index';
import {
  CONVERSATION_ROW_HEIGHT,
  ConversationListItem,
  type ConversationListRenderItem,
} from './conversation-list-item';
import { type UseConversationListOptions, useConversationList } from './use-conversation-list';

/** Props of {@link ConversationList}. */
export interface ConversationListProps
  extends UseConversationListOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The grid's accessible name. @default strings.conversationListLabel ("Conversations") */
  'aria-label'?: string | undefined;
  /**
   * Renders the inside of each row, for custom rows without forking: compose the exported parts
   * (`ConversationListItemAvatar`, `…Name`, `…Time`, `…Preview`, `…Status`, `…ActionsButton`) or your own.
   * Memoize it: a new function re-renders every row.
   * @default ConversationListItemContent
   */
  renderItem?: ConversationListRenderItem | undefined;
  /** What to show when the list is empty. @default strings.conversationListEmpty */
  emptyState?: ReactNode | undefined;
  /** Called when an action from a row's menu fails. @default a console warning */
  onActionError?: ConversationActionErrorHandler | undefined;
}

const SKELETON_ROWS = 6;

/**
 * The inbox: a virtualized list of the signed-in user's conversations (100,000 scroll as smoothly as 100)
 * that pulls pages as the user scrolls, stays correct while messages arrive (a new message re-renders
 * only its row and moves it; the rows the user is reading stay where they are), and works by keyboard and
 * screen reader as an ARIA grid. Each row has an actions menu (its ⋯ button, a right click, Shift+F10 or
 * the ContextMenu key). Must be used within `<ChatProvider>`.
 *
 * Layout: the list fills its container (`inline-size` and `block-size: 100%`) and scrolls inside it, so
 * put it in a box with a definite height — a block `<div style={{ height: 600 }}>`, a flex or grid item
 * with a height, or an absolutely positioned box — and it mounts only the rows that fit. In a flex column
 * beside other children, give it `flex: 1; min-height: 0`. A container whose height comes from its
 * content gives the list no viewport: it then grows to hold (and mount) every row.
 *
 * Keyboard: ↑/↓ move between rows, Home/End to the first/last, PageUp/PageDown by a screen; Enter or
 * Space opens the conversation; → reaches the row's actions button (← in right-to-left); Shift+F10 or
 * the ContextMenu key opens the actions menu.
 *
 * DOM: `div.tidings-conversation-list` > `div.tidings-conversation-list-banner[role="alert"]` (sync failed)?,
 * `div.tidings-conversation-list-grid[role="grid"]` > `div.tidings-conversation-list-canvas` > rows
 * (see {@link ConversationListItem}) and `div.tidings-conversation-list-status[role="row"]` (loading,
 * empty, failed; a footer row while more pages load).
 *
 * A row that fails to render (bad data, a `renderItem` that throws) shows "This conversation can’t be
 * shown" and the other rows stay; if the list itself fails it shows "This list can’t be shown right now"
 * instead of taking the app down. Both are reported to the provider's `onError`.
 *
 * Data attributes: `data-state="loading" | "empty" | "error" | "ready" | "failed"` on the root (`failed`:
 * the list failed to render); `data-sync="failed"` while syncing with the server fails.
 *
 * CSS variables: `--tidings-conversation-list-row-height` (read-only: 72 px, the arithmetic depends on it).
 *
 * @example
 * <ChatProvider store={store}>
 *   <ConversationList style={{ height: '100vh' }} onActiveConversationChange={(id) => navigate(`/chat/${id}`)} />
 * </ChatProvider>
 */
export function ConversationList(props: ConversationListProps) {
  useChatContext('ConversationList');
  const strings = useInboxStrings();
  return (
    <ChatRenderBoundary
      part="conversationList"
      fallback={
        <div className={clsx('tidings-conversation-list', props.className)} data-state="failed">
          <p className="tidings-conversation-list-message" role="alert">
            {strings.listUnavailable}
          </p>
        </div>
      }
    >
      <ConversationListView {...props} />
    </ChatRenderBoundary>
  );
}

function ConversationListView({
  filter,
  onActiveConversationChange,
  overscan,
  initialRect,
  renderItem,
  emptyState,
  onActionError,
  className,
  'aria-label': ariaLabel,
  ...rest
}: ConversationListProps) {
  const strings = useInboxStrings();
  const list = useConversationList({
    ...(filter && { filter }),
    onActiveConversationChange,
    ...(overscan !== undefined && { overscan }),
    ...(initialRect && { initialRect }),
  });
  const { status, rows, menu, closeMenu } = list;
  const onMenuOpenChange = useCallback((open: boolean) => !open && closeMenu(), [closeMenu]);
  const retryButton = (
    <button type="button" className="tidings-conversation-list-retry" onClick={list.retry}>
      {strings.retry}
    </button>
  );

  let statusRow: ReactNode = null;
  if (status === 'loading') {
    statusRow = (
      <div role="row" className="tidings-conversation-list-status" data-kind="loading">
        <div role="gridcell" className="tidings-conversation-list-status-cell">
          <span className="tidings-conversation-list-sr-only">{strings.loading}</span>
          {Array.from({ length: SKELETON_ROWS }, (_, index) => (
            <span key={index} className="tidings-conversation-list-skeleton" aria-hidden="true" />
          ))}
        </div>
      </div>
    );
  } else if (status === 'empty') {
    statusRow = (
      <div role="row" className="tidings-conversation-list-status" data-kind="empty">
        <div role="gridcell" className="tidings-conversation-list-status-cell">
          {emptyState ?? (
            <>
              <span className="tidings-conversation-list-empty-art" aria-hidden="true" />
              <p className="tidings-conversation-list-message">
                <strong className="tidings-conversation-list-empty-title">
                  {strings.conversationListEmpty}
                </strong>
                <span className="tidings-conversation-list-empty-hint">
                  {strings.conversationListEmptyHint}
                </span>
              </p>
            </>
          )}
        </div>
      </div>
    );
  } else if (status === 'error') {
    statusRow = (
      <div role="row" className="tidings-conversation-list-status" data-kind="error">
        <div role="gridcell" className="tidings-conversation-list-status-cell">
          <p className="tidings-conversation-list-message">{strings.loadFailed}</p>
          {retryButton}
        </div>
      </div>
    );
  } else if (!list.isFinished) {
    // More pages to come: a footer row under the last one, with a spinner or, after a failure, Retry.
    statusRow = (
      <div
        role="row"
        className="tidings-conversation-list-status"
        data-kind={list.error ? 'error' : 'more'}
        style={{ transform: `translateY(${list.order.size * CONVERSATION_ROW_HEIGHT}px)` }}
      >
        <div role="gridcell" className="tidings-conversation-list-status-cell">
          {list.error ? (
            <>
              <span className="tidings-conversation-list-message">{strings.loadFailed}</span>
              {retryButton}
            </>
          ) : (
            <>
              <span className="tidings-conversation-list-spinner" aria-hidden="true" />
              <span className="tidings-conversation-list-sr-only">{strings.loading}</span>
            </>
          )}
        </div>
      </div>
    );
  }

  return (
    <div
      className={clsx('tidings-conversation-list', className)}
      data-state={status}
      data-sync={list.isSyncFailed ? 'failed' : undefined}
      {...rest}
    >
      {list.isSyncFailed && (
        <div role="alert" className="tidings-conversation-list-banner">
          <span>{strings.syncFailed}</span>
          {retryButton}
        </div>
      )}
      <div
        {...list.gridProps}
        aria-label={ariaLabel ?? strings.conversationListLabel}
        className="tidings-conversation-list-grid"
      >
        <div
          className="tidings-conversation-list-canvas"
          style={{ blockSize: status === 'ready' ? list.totalSize : undefined }}
        >
          {rows.map(({ conversationID, index }) => (
            <ConversationListItem
              key={conversationID}
              conversationID={conversationID}
              index={index}
              isTabStop={conversationID === list.focusedID}
              isMenuOpen={menu?.conversationID === conversationID}
              renderItem={renderItem}
              registerRow={list.registerRow}
            />
          ))}
          {statusRow}
        </div>
      </div>
      <ConversationActionsMenu
        conversationID={menu?.conversationID ?? null}
        open={menu !== null}
        anchor={menu?.anchor ?? null}
        onOpenChange={onMenuOpenChange}
        returnFocus={list.getReturnFocus}
        onError={onActionError}
      />
    </div>
  );
}
