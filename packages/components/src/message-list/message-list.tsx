import type { VirtualItem } from '@tanstack/react-virtual';
import {
  type ChatState,
  type Message,
  selectActiveConversationID,
  selectConversation,
  selectMessage,
} from '@tidings/core';
import { clsx } from 'clsx';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type ChatConfig, ChatRenderBoundary, useChatStore, useChatStrings } from '../chat-provider/index';
import { ArrowDownIcon } from '../icons/index';
import { useChatStoreByID } from '../internal/index';
import type { MessageActionID, UseMessageActionsOptions } from '../message-actions/index';
import { MessageContentContext, type MessageContentOptions } from '../message-content/index';
import type { MessageListItem } from './message-list-items';
import { MessageListMessage } from './message-list-message';
import { type UseMessageListSelectionReturn, useMessageListSelection } from './message-list-selection';
import { MessageListSelectionCheck } from './message-list-selection-bar';
import { MessageListSelectionLayer, type MessageListSelectionOptions } from './message-list-selection-layer';
import {
  MessageListDateSeparator,
  MessageListTyping,
  MessageListUnreadSeparator,
} from './message-list-separator';
import { type UseMessageListOptions, type UseMessageListReturn, useMessageList } from './use-message-list';

/** Props of {@link MessageList}. */
export interface MessageListProps
  extends MessageContentOptions,
    MessageListSelectionOptions,
    Pick<
      UseMessageListOptions,
      'endThreshold' | 'overscan' | 'markRead' | 'markReadDelayMs' | 'highlightMs'
    > {
  /**
   * The conversation to show; `null` shows the "select a conversation" placeholder.
   * @default the store's active conversation (`openConversation`)
   */
  conversationID?: string | null | undefined;
  /**
   * Puts the text of an own recalled message back into the composer. The "Re-edit" button of a recalled
   * message shows only when this is given.
   */
  onReEdit?: ((text: string, message: Message) => void) | undefined;
  /**
   * Starts a reply to a message (e.g. the composer shows the quote; see `createMessageReply`). The
   * actions menu offers "Reply" only when this is given. Keep it stable (`useCallback`).
   */
  onReply?: ((message: Message) => void) | undefined;
  /**
   * How long after sending an own message can be recalled, ms; match the service's limit.
   * @default 120_000
   */
  revokeWindowMs?: number | undefined;
  /** A message action failed (a recall too late, network trouble…). */
  onActionError?: ((error: unknown, action: MessageActionID) => void) | undefined;
  /**
   * Whether messages have an actions menu (reply, copy, save, resend, recall, delete).
   * @default true
   */
  actions?: boolean | undefined;
  /** Extra class on the root. */
  className?: string | undefined;
}

/**
 * The messages of a conversation: virtualized with TanStack Virtual's end anchoring, newest at the
 * bottom, in a `role="log"` named after the conversation. It loads older pages as the reader nears the
 * top without moving what they see, follows new messages at the bottom and otherwise raises a "N new
 * messages" pill, always scrolls to the bottom when the user sends, scrolls to and highlights a message
 * jumped to (search results, quotes), shows date and unread separators, sender runs, delivery status
 * with resend, recalled and group-tip lines and the typing indicator, and marks the conversation read
 * when its newest message is actually on screen in a focused window.
 *
 * Layout: like `ConversationList`, it fills its container (`inline-size` and `block-size: 100%`) and
 * scrolls inside it: give it a box with a definite height (block, flex or grid item, absolutely
 * positioned box); in a flex column beside the composer, `flex: 1; min-height: 0`.
 *
 * Keyboard: one message is in the tab order; Up/Down, PageUp/PageDown and Home/End move between
 * messages; Enter, Shift+F10 or the ContextMenu key open its actions (also on right click).
 *
 * DOM: `div.tidings-message-list` > `div.tidings-message-list-viewport[role=log]` >
 * `div.tidings-message-list-sizer` > `div.tidings-message-list-row` per row; `button.tidings-message-list-pill`.
 *
 * A message that fails to render (a malformed element, an app renderer that throws) shows "This message
 * can’t be shown" in its place (`div.tidings-message-unavailable`) and the other messages stay; if the list
 * itself fails it shows "This list can’t be shown right now" instead of taking the app down. Both are
 * reported to the provider's `onError`, and a message renders again once the store holds a new copy of it.
 *
 * Selection mode ("Select" in a message's actions): a checkbox beside each selectable message, Space
 * toggles the focused one, Shift-click and Shift+Arrow extend, Escape leaves; a bar with the count
 * forwards (one by one or as chat history) or deletes the selection. See `useMessageListSelection`.
 *
 * Data attributes (root): `data-state="none" | "loading" | "error" | "empty" | "ready" | "failed"`
 * (`failed`: the list failed to render), `data-at-end`, `data-selecting`; on a row in selection mode
 * `data-selecting` (it has a checkbox) and `data-selected`.
 *
 * CSS variables: `--tidings-message-list-max-inline` (widest a bubble gets, default 72 %).
 *
 * @example
 * <ChatProvider store={store}>
 *   <MessageList renderers={{ custom: { order: OrderCard } }} onReEdit={(text) => composer.setText(text)} />
 * </ChatProvider>
 */
export function MessageList({ conversationID: conversationProp, className, ...props }: MessageListProps) {
  const strings = useChatStrings();
  const active = useChatStore(selectActiveConversationID);
  const conversationID = conversationProp === undefined ? active : conversationProp;
  if (!conversationID) {
    return (
      <div className={clsx('tidings-message-list', className)} data-state="none">
        <p className="tidings-message-list-placeholder">{strings.noConversationSelected}</p>
      </div>
    );
  }
  // A list per conversation: its scroll position, measurements and focus start afresh.
  return (
    <ChatRenderBoundary
      key={conversationID}
      part="messageList"
      id={conversationID}
      fallback={
        <div className={clsx('tidings-message-list', className)} data-state="failed">
          <p className="tidings-message-list-placeholder" role="alert">
            {strings.listUnavailable}
          </p>
        </div>
      }
    >
      <MessageListView conversationID={conversationID} className={className} {...props} />
    </ChatRenderBoundary>
  );
}

/**
 * Guards one row of the list: a message that throws while it renders becomes "This message can’t be
 * shown", and is tried again when the store holds a new copy of it (an edit, a revoke, a correction).
 */
function MessageListRowBoundary({ item, children }: { item: MessageListItem; children: ReactNode }) {
  const strings = useChatStrings();
  const msgID = item.type === 'message' ? item.key : '';
  const message = useChatStoreByID(selectMessage, msgID);
  if (item.type !== 'message') {
    // A separator that fails (a date out of range) is left out: it carries nothing of its own.
    return (
      <ChatRenderBoundary part="message" resetKey={item} fallback={null}>
        {children}
      </ChatRenderBoundary>
    );
  }
  return (
    <ChatRenderBoundary
      part="message"
      id={msgID}
      resetKey={message}
      fallback={
        <div className="tidings-message-unavailable" data-msgid={msgID}>
          <p className="tidings-message-unavailable-text">{strings.messageUnavailable}</p>
        </div>
      }
    >
      {children}
    </ChatRenderBoundary>
  );
}

/** Above the oldest message: why older ones are not there (a failed page, with a retry) or that they load. */
function historyStatus(
  isFailed: boolean,
  isLoadingOlder: boolean,
  strings: ChatConfig['strings'],
  retry: () => void,
): ReactNode {
  if (isFailed) {
    return (
      <span className="tidings-message-list-history-error">
        {strings.loadFailed}{' '}
        <button type="button" className="tidings-message-list-retry" onClick={retry}>
          {strings.retry}
        </button>
      </span>
    );
  }
  if (isLoadingOlder) {
    return (
      <span className="tidings-message-list-history-loading">
        <span className="tidings-message-list-spinner" aria-hidden="true" />
        {strings.loadingOlderMessages}
      </span>
    );
  }
  return null;
}

/** What an empty list shows instead of messages: loading, nothing yet, or a failure with a retry. */
function placeholderOf(status: string, strings: ChatConfig['strings'], retry: () => void): ReactNode {
  switch (status) {
    case 'loading':
      return (
        <p className="tidings-message-list-placeholder">
          <span className="tidings-message-list-spinner" aria-hidden="true" />
          {strings.loading}
        </p>
      );
    case 'empty':
      return (
        <div className="tidings-message-list-placeholder" data-kind="empty">
          <span className="tidings-message-list-empty-art" aria-hidden="true" />
          <p className="tidings-message-list-empty-text">
            <strong className="tidings-message-list-empty-title">{strings.messageListEmpty}</strong>
            <span className="tidings-message-list-empty-hint">{strings.messageListEmptyHint}</span>
          </p>
        </div>
      );
    case 'error':
      return (
        <p className="tidings-message-list-placeholder">
          {strings.loadFailed}{' '}
          <button type="button" className="tidings-message-list-retry" onClick={retry}>
            {strings.retry}
          </button>
        </p>
      );
    default:
      return null;
  }
}

/** Only the name, so the list does not re-render for every other change of its conversation. */
function selectShowName(state: ChatState, conversationID: string): string {
  return selectConversation(state, conversationID)?.showName ?? '';
}

/** Forwarding of the list, shared by a message's "Forward" and the selection bar: what is being forwarded. */
type Forwarding = { msgIDs: string[]; mode: 'oneByOne' | 'merged' } | null;

/**
 * What the messages' actions menus offer (null without menus), and the one forward dialog of the list that
 * a message's "Forward" and the selection bar's both open.
 */
function useActionOptions({
  actions,
  onReply,
  revokeWindowMs,
  onActionError,
  forwardable,
  selectable,
  startSelection,
}: Pick<MessageListProps, 'onReply' | 'revokeWindowMs' | 'onActionError'> & {
  actions: boolean;
  forwardable: boolean;
  selectable: boolean;
  startSelection: (msgID: string) => void;
}) {
  const [forwarding, setForwarding] = useState<Forwarding>(null);
  const onForwardMessage = useCallback(
    (message: Message) => setForwarding({ msgIDs: [message.msgID], mode: 'oneByOne' }),
    [],
  );
  const onSelectMessage = useCallback((message: Message) => startSelection(message.msgID), [startSelection]);
  const actionOptions = useMemo<UseMessageActionsOptions | null>(
    () =>
      actions
        ? {
            onReply,
            revokeWindowMs,
            onError: onActionError,
            onForward: forwardable ? onForwardMessage : undefined,
            onSelect: selectable ? onSelectMessage : undefined,
          }
        : null,
    [
      actions,
      onReply,
      revokeWindowMs,
      onActionError,
      forwardable,
      onForwardMessage,
      selectable,
      onSelectMessage,
    ],
  );
  return { forwarding, setForwarding, actionOptions };
}

/** One row's content: a date or unread separator, the typing line, or a message. */
function renderListItem(
  item: MessageListItem,
  {
    list,
    isGroup,
    onReEdit,
    actions,
    isSelected,
  }: {
    list: Pick<UseMessageListReturn, 'typingNames' | 'highlightedMsgID' | 'focusKey'>;
    isGroup: boolean;
    onReEdit: MessageListProps['onReEdit'];
    actions: UseMessageActionsOptions | null;
    isSelected: ((msgID: string) => boolean) | undefined;
  },
): ReactNode {
  switch (item.type) {
    case 'date':
      return <MessageListDateSeparator timestamp={item.timestamp} />;
    case 'unread':
      return <MessageListUnreadSeparator />;
    case 'typing':
      return <MessageListTyping names={list.typingNames} />;
    case 'message':
      return (
        <MessageListMessage
          msgID={item.key}
          variant={item.variant}
          isRunStart={item.isRunStart}
          isRunEnd={item.isRunEnd}
          isHighlighted={list.highlightedMsgID === item.key}
          isTabStop={list.focusKey === item.key}
          isGroup={isGroup}
          onReEdit={onReEdit}
          actions={actions}
          isSelected={isSelected?.(item.key)}
        />
      );
  }
}

/** A virtual row: positioned and measured, with its check box in selection mode, its content guarded. */
function listRow(
  virtualItem: VirtualItem,
  item: MessageListItem,
  measureElement: (element: HTMLElement | null) => void,
  selection: UseMessageListSelectionReturn,
  renderItem: (item: MessageListItem) => ReactNode,
) {
  const isCheckable =
    selection.isSelecting &&
    item.type === 'message' &&
    item.variant === 'bubble' &&
    selection.isSelectable(item.key);
  const isSelected = isCheckable && selection.isSelected(item.key);
  return (
    <div
      key={virtualItem.key}
      ref={measureElement}
      data-index={virtualItem.index}
      data-type={item.type}
      data-selecting={isCheckable ? '' : undefined}
      data-selected={isSelected ? '' : undefined}
      className="tidings-message-list-row"
      style={{ transform: `translateY(${virtualItem.start}px)` }}
      onClickCapture={isCheckable ? (event) => selection.onRowClickCapture(event, item.key) : undefined}
    >
      {isCheckable && (
        <MessageListSelectionCheck msgID={item.key} isSelected={isSelected} onToggle={selection.toggle} />
      )}
      <MessageListRowBoundary item={item}>{renderItem(item)}</MessageListRowBoundary>
    </div>
  );
}

interface MessageListViewProps extends Omit<MessageListProps, 'conversationID'> {
  conversationID: string;
}

function MessageListView({
  conversationID,
  className,
  renderers,
  mapLinkBuilder,
  faces,
  onOpenImage,
  onOpenMerger,
  onOpenQuote,
  onReEdit,
  onReply,
  revokeWindowMs,
  onActionError,
  actions = true,
  selectable = true,
  forwardable = true,
  deleteFromServer,
  onForwarded,
  endThreshold,
  overscan,
  markRead,
  markReadDelayMs,
  highlightMs,
}: MessageListViewProps) {
  const strings = useChatStrings();
  const viewportRef = useRef<HTMLDivElement>(null);
  const list = useMessageList({
    conversationID,
    viewportRef,
    endThreshold,
    overscan,
    markRead,
    markReadDelayMs,
    highlightMs,
  });
  const name = useChatStoreByID(selectShowName, conversationID);
  const isGroup = conversationID.startsWith('group_');
  const contentOptions = useMemo<MessageContentOptions>(
    () => ({ renderers, mapLinkBuilder, faces, onOpenImage, onOpenMerger, onOpenQuote }),
    [renderers, mapLinkBuilder, faces, onOpenImage, onOpenMerger, onOpenQuote],
  );
  const { virtualizer, items, status, pill, window: messageWindow } = list;
  const selection = useMessageListSelection({ conversationID, items });
  const { start: startSelection } = selection;
  const { forwarding, setForwarding, actionOptions } = useActionOptions({
    actions,
    onReply,
    revokeWindowMs,
    onActionError,
    forwardable,
    selectable,
    startSelection,
  });
  const renderItem = (item: MessageListItem): ReactNode =>
    renderListItem(item, {
      list,
      isGroup,
      onReEdit,
      actions: selection.isSelecting ? null : actionOptions,
      isSelected: selection.isSelecting ? selection.isSelected : undefined,
    });

  const isBusy = status === 'loading' || list.isLoadingOlder || messageWindow?.status === 'loadingAround';

  return (
    <div
      className={clsx('tidings-message-list', className)}
      data-state={status}
      data-at-end={list.isAtEnd ? '' : undefined}
      data-selecting={selection.isSelecting ? '' : undefined}
    >
      <div
        ref={viewportRef}
        className="tidings-message-list-viewport"
        role="log"
        aria-label={strings.messageListLabel(name || conversationID)}
        aria-busy={isBusy || undefined}
        {...list.getViewportProps()}
        onKeyDown={(event) => {
          selection.onKeyDown(event);
          list.getViewportProps().onKeyDown(event);
        }}
      >
        {items.length > 0 && (
          <div className="tidings-message-list-sizer" style={{ blockSize: virtualizer.getTotalSize() }}>
            <div className="tidings-message-list-history">
              {historyStatus(messageWindow?.status === 'error', list.isLoadingOlder, strings, list.retry)}
            </div>
            <MessageContentContext.Provider value={contentOptions}>
              {virtualizer.getVirtualItems().map((virtualItem) => {
                const item = items[virtualItem.index];
                return item
                  ? listRow(virtualItem, item, virtualizer.measureElement, selection, renderItem)
                  : null;
              })}
            </MessageContentContext.Provider>
          </div>
        )}
        {items.length === 0 && placeholderOf(status, strings, list.retry)}
      </div>
      <MessageListSelectionLayer
        selection={selection}
        forwarding={forwarding}
        onForwardingChange={setForwarding}
        forwardable={forwardable}
        deleteFromServer={deleteFromServer}
        onForwarded={onForwarded}
        onActionError={onActionError}
      />
      {pill.isShown && (
        <button
          type="button"
          className="tidings-message-list-pill"
          data-count={pill.count > 0 ? '' : undefined}
          aria-label={pill.count > 0 ? strings.newMessages(pill.count) : strings.jumpToLatest}
          onClick={list.scrollToLatest}
        >
          <ArrowDownIcon size={18} />
          {pill.count > 0 && (
            <span className="tidings-message-list-pill-text">{strings.newMessages(pill.count)}</span>
          )}
        </button>
      )}
    </div>
  );
}
