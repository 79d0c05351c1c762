import {
  formatFullDateTime,
  formatMessagePreview,
  formatMessageTime,
  type Message,
  selectMessage,
  type TextElem,
} from '@tidings/core';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useCallback,
  useRef,
  useState,
} from 'react';
import { Avatar } from '../avatar/index';
import { type ChatConfig, useChatConfig, useChatStoreApi } from '../chat-provider/index';
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon, MoreIcon } from '../icons/index';
import { useChatStoreByID } from '../internal/index';
import type { MenuAnchor } from '../menu/index';
import { MessageActions, type UseMessageActionsOptions } from '../message-actions/index';
import { isBareContent, MessageContent, textDirection } from '../message-content/index';
import { mentionsUser } from './message-list-mention';

/** What a message's status marker says: `sending`, `sent`, `read` (by the peer) or `failed`. */
export type MessageDeliveryState = 'sending' | 'sent' | 'read' | 'failed';

/** The delivery state of an own message, or null for received ones. */
export function deliveryStateOf(message: Message): MessageDeliveryState | null {
  if (!message.isSelf) return null;
  if (message.status === 'sending') return 'sending';
  if (message.status === 'failed') return 'failed';
  return message.isPeerRead ? 'read' : 'sent';
}

/** Props of {@link MessageListMessage}. */
export interface MessageListMessageProps {
  msgID: string;
  /** `bubble`, or `system` for a group tip or a recalled message. */
  variant: 'bubble' | 'system';
  /** First bubble of a sender's run: shows their avatar (and name in groups). */
  isRunStart: boolean;
  /** Last bubble of a sender's run. */
  isRunEnd: boolean;
  /** Whether it was jumped to and is highlighted. */
  isHighlighted: boolean;
  /** Whether it is the message in the tab order. */
  isTabStop: boolean;
  /** Whether the conversation is a group (senders' names are shown). */
  isGroup: boolean;
  /** Puts a recalled own text back into the composer; the re-edit button shows only when it is given. */
  onReEdit?: ((text: string, message: Message) => void) | undefined;
  /** What the actions menu offers and does; no menu when null. */
  actions: UseMessageActionsOptions | null;
  /** In selection mode: whether the message is selected (said in its name); `undefined` otherwise. */
  isSelected?: boolean | undefined;
}

const CLOSED = { open: false, anchor: null, used: false } as const;

const STATUS_ICONS = {
  sending: ClockIcon,
  sent: CheckIcon,
  read: DoubleCheckIcon,
  failed: AlertIcon,
} as const;

/** The status marker: the icon itself is the image, named by the status (one element per message). */
function StatusIcon({ state, label }: { state: MessageDeliveryState; label: string }) {
  const Icon = STATUS_ICONS[state];
  return (
    <Icon
      size={14}
      className="tidings-message-status"
      data-state={state}
      role="img"
      aria-hidden={false}
      aria-label={label}
    />
  );
}

/**
 * A message's actions menu and the button that opens it. The menu opens from its button, or from the
 * message itself (right click, Shift+F10, the ContextMenu key, Enter), next to the message or at the
 * pointer; the button exists only while the message is hovered or holds focus.
 */
function useMessageMenu(actions: UseMessageActionsOptions | null) {
  const articleRef = useRef<HTMLElement>(null);
  // The actions menu opens from its button, or from the message itself (right click, Shift+F10,
  // the ContextMenu key, Enter), next to the message or at the pointer. The menu (and its confirmation
  // dialog) mounts the first time it is wanted: most messages never pay for it.
  const [menu, setMenu] = useState<{ open: boolean; anchor: MenuAnchor | null; used: boolean }>(CLOSED);
  const openMenu = useCallback((anchor: MenuAnchor) => setMenu({ open: true, anchor, used: true }), []);
  // The actions button exists only while the message is hovered or holds focus: a long list does not
  // carry a button per message.
  const [isActive, setActive] = useState(false);
  const activate = useCallback(() => setActive(true), []);
  const deactivate = useCallback(() => setActive(false), []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(false);
  }, []);
  const onMenuOpenChange = useCallback(
    (open: boolean) => setMenu((prev) => ({ ...prev, open, anchor: open ? prev.anchor : null })),
    [],
  );
  const returnFocus = useCallback(
    () => (menu.anchor instanceof HTMLElement ? menu.anchor : articleRef.current),
    [menu.anchor],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!actions || event.target !== event.currentTarget) return;
      if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey) || event.key === 'Enter') {
        event.preventDefault();
        openMenu(event.currentTarget);
      }
    },
    [actions, openMenu],
  );
  const onContextMenu = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      // Links, pictures and selected text keep the browser's own menu (open, copy link, save image).
      const target = event.target as HTMLElement;
      if (!actions || target.closest('a, img, video') || !document.getSelection()?.isCollapsed) return;
      event.preventDefault();
      openMenu({ x: event.clientX, y: event.clientY });
    },
    [actions, openMenu],
  );
  return {
    articleRef,
    menu,
    openMenu,
    onMenuOpenChange,
    returnFocus,
    isActive,
    activate,
    deactivate,
    onBlur,
    onKeyDown,
    onContextMenu,
  };
}

/**
 * A group tip or a recalled message: a centered system line; an own recalled text offers to re-edit it.
 */
function systemMessage(
  message: Message,
  {
    strings,
    selfUserID,
    nameOf,
    isHighlighted,
    onReEdit,
  }: {
    strings: ChatConfig['strings'];
    selfUserID: string;
    nameOf: (userID: string) => string;
    isHighlighted: boolean;
    onReEdit: MessageListMessageProps['onReEdit'];
  },
) {
  const text = formatMessagePreview(message, { strings, isGroup: false, selfUserID, nameOf });
  const reEditText =
    onReEdit && message.status === 'revoked' && message.isSelf
      ? message.elemList
          .filter((elem): elem is TextElem => elem.type === 'text')
          .map((elem) => elem.text)
          .join('\n')
      : '';
  return (
    <div
      className="tidings-message-system"
      data-msgid={message.msgID}
      data-highlighted={isHighlighted ? '' : undefined}
    >
      <p className="tidings-message-system-text">
        {text}
        {reEditText && (
          <button
            type="button"
            className="tidings-message-reedit"
            onClick={() => onReEdit?.(reEditText, message)}
          >
            {strings.reEdit}
          </button>
        )}
      </p>
    </div>
  );
}

/**
 * What a bubble shows and says: who sent it, its delivery state and time, whether it goes without a bubble
 * (`bare`) or with the time inline, and the accessible name a screen reader hears.
 */
function describeMessage(
  message: Message,
  {
    strings,
    locale,
    selfUserID,
    nameOf,
    isSelected,
  }: {
    strings: ChatConfig['strings'];
    locale: string;
    selfUserID: string;
    nameOf: (userID: string) => string;
    isSelected: boolean | undefined;
  },
) {
  const isOwn = message.isSelf;
  const senderName = isOwn ? strings.you : message.nick || nameOf(message.sender);
  const state = deliveryStateOf(message);
  const time = formatMessageTime(message.timestamp, locale);
  const stateLabel =
    state === 'sending'
      ? strings.statusSending
      : state === 'failed'
        ? strings.statusFailed
        : state === 'read'
          ? strings.statusRead
          : state === 'sent'
            ? strings.statusSent
            : '';
  const first = message.elemList[0];
  const bare = isBareContent(message)
    ? first?.type === 'image' || first?.type === 'video'
      ? 'media'
      : 'glyph'
    : undefined;
  // Time and status sit at the end of the last text line (which follows the text's own direction), or on
  // a line of their own under anything else.
  const last = message.elemList[message.elemList.length - 1];
  const metaInline = !bare && last?.type === 'text';
  const textDir = last?.type === 'text' ? (textDirection(last.text) ?? undefined) : undefined;
  // A screen reader hears what the eyes see: who, what (the text, or a marker such as "[Image]"), when.
  // Line breaks are spoken as spaces, so a message of several lines is heard whole (up to the cap).
  const said = formatMessagePreview(
    {
      ...message,
      elemList: message.elemList.map((elem) =>
        elem.type === 'text' ? { ...elem, text: elem.text.replace(/\s+/gu, ' ') } : elem,
      ),
    },
    { strings, isGroup: false },
  );
  const mentionsMe = !isOwn && mentionsUser(message, selfUserID);
  const label = [
    senderName,
    said,
    time,
    stateLabel,
    mentionsMe ? strings.mentionsYou : '',
    isSelected ? strings.selected : '',
  ]
    .filter(Boolean)
    .join(', ');

  return { isOwn, senderName, state, time, stateLabel, bare, metaInline, textDir, mentionsMe, label };
}

/**
 * One message of a message list. A bubble: the sender's avatar (and name in groups) at the start of a
 * run, the content, the time and — for own messages — a status marker (sending, sent, read, failed with a
 * resend button), and its actions menu (button, right click, Shift+F10, the ContextMenu key, Enter). A
 * group tip or a recalled message is a centered system line instead; an own recalled text offers to
 * re-edit it. Subscribes to its own message only.
 *
 * DOM: `article.tidings-message` (a grid) > `.tidings-message-avatar`? + `.tidings-message-sender`? +
 * `.tidings-message-line` > `.tidings-message-bubble` > content + `time.tidings-message-meta` (with the
 * status icon, `svg.tidings-message-status[role=img]`), and the resend
 * and actions buttons;
 * or `div.tidings-message-system`.
 *
 * Data attributes: `data-own`, `data-state="sending" | "sent" | "read" | "failed"` (own messages),
 * `data-run-start`, `data-run-end`, `data-highlighted`, `data-menu-open`, `data-msgid`, `data-selected`
 * (selection mode), `data-mentions-me` (it `@`-mentions the signed-in user or everyone); on the bubble
 * `data-bare="media" | "glyph"` (a picture or video, or a face or a few large emoji, without a bubble),
 * `data-meta="inline"` (time and status at the end of the last text line) and
 * `data-text-dir="ltr" | "rtl"` (that text's direction).
 */
export const MessageListMessage = memo(function MessageListMessage({
  msgID,
  variant,
  isRunStart,
  isRunEnd,
  isHighlighted,
  isTabStop,
  isGroup,
  onReEdit,
  actions,
  isSelected,
}: MessageListMessageProps) {
  const { strings, locale } = useChatConfig();
  const store = useChatStoreApi();
  const message = useChatStoreByID(selectMessage, msgID);
  const nameOf = useCallback((userID: string) => store.getState().users.get(userID)?.nick || userID, [store]);
  const {
    articleRef,
    menu,
    openMenu,
    onMenuOpenChange,
    returnFocus,
    isActive,
    activate,
    deactivate,
    onBlur,
    onKeyDown,
    onContextMenu,
  } = useMessageMenu(actions);
  if (!message) return null;

  if (variant === 'system') {
    return systemMessage(message, {
      strings,
      selfUserID: store.getState().userID,
      nameOf,
      isHighlighted,
      onReEdit,
    });
  }

  const { isOwn, senderName, state, time, stateLabel, bare, metaInline, textDir, mentionsMe, label } =
    describeMessage(message, { strings, locale, selfUserID: store.getState().userID, nameOf, isSelected });

  return (
    <article
      ref={articleRef}
      className="tidings-message"
      aria-label={label}
      tabIndex={isTabStop ? 0 : -1}
      data-msgid={msgID}
      data-own={isOwn ? '' : undefined}
      data-state={state ?? undefined}
      data-run-start={isRunStart ? '' : undefined}
      data-run-end={isRunEnd ? '' : undefined}
      data-highlighted={isHighlighted ? '' : undefined}
      data-menu-open={menu.open ? '' : undefined}
      data-selected={isSelected ? '' : undefined}
      data-mentions-me={mentionsMe ? '' : undefined}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      onPointerEnter={activate}
      onPointerLeave={deactivate}
      onFocus={activate}
      onBlur={onBlur}
    >
      {!isOwn && isRunStart && (
        <Avatar
          className="tidings-message-avatar"
          src={message.faceUrl}
          name={senderName}
          colorKey={`c2c_${message.sender}`}
          size={32}
          decorative
        />
      )}
      {isRunStart && !isOwn && isGroup && (
        // The block follows the page (the name sits above its bubble); the name keeps its own direction.
        <div className="tidings-message-sender">
          <bdi>{senderName}</bdi>
        </div>
      )}
      <div className="tidings-message-line">
        <div
          className="tidings-message-bubble"
          data-text-dir={textDir}
          data-bare={bare}
          data-meta={metaInline ? 'inline' : undefined}
        >
          <MessageContent message={message} />
          <time
            className="tidings-message-meta"
            dateTime={new Date(message.timestamp).toISOString()}
            title={formatFullDateTime(message.timestamp, locale)}
          >
            {time}
            {state && <StatusIcon state={state} label={stateLabel} />}
          </time>
        </div>
        {state === 'failed' && (
          <button
            type="button"
            className="tidings-message-resend"
            aria-label={strings.resend}
            title={strings.statusFailed}
            onClick={() => {
              store
                .getState()
                .resendMessage(message.msgID)
                .catch(() => {});
            }}
          >
            <AlertIcon size={18} />
          </button>
        )}
        {actions && message.status !== 'sending' && (isActive || menu.open) && (
          <button
            type="button"
            className="tidings-message-actions-trigger"
            aria-label={strings.messageActions}
            aria-haspopup="menu"
            aria-expanded={menu.open}
            tabIndex={-1}
            onClick={(event) => (menu.open ? onMenuOpenChange(false) : openMenu(event.currentTarget))}
          >
            <MoreIcon size={18} />
          </button>
        )}
        {actions && menu.used && (
          <MessageActions
            message={message}
            {...actions}
            trigger={false}
            open={menu.open}
            onOpenChange={onMenuOpenChange}
            anchor={menu.anchor}
            returnFocus={returnFocus}
          />
        )}
      </div>
    </article>
  );
});
