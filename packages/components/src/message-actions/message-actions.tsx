import type { Message } from '@tidings/core';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useChatStrings } from '../chat-provider/index';
import { ConfirmDialog } from '../dialog/index';
import {
  CopyIcon,
  DownloadIcon,
  ForwardIcon,
  MoreIcon,
  ReplyIcon,
  SelectIcon,
  SendIcon,
  TrashIcon,
  UndoIcon,
} from '../icons/index';
import { Menu, type MenuAnchor, MenuContent, MenuItem, MenuTrigger } from '../menu/index';
import {
  type MessageActionID,
  type UseMessageActionsOptions,
  useMessageActions,
} from './use-message-actions';

const ICONS: Record<MessageActionID, ReactNode> = {
  reply: <ReplyIcon size={18} />,
  copy: <CopyIcon size={18} />,
  forward: <ForwardIcon size={18} />,
  select: <SelectIcon size={18} />,
  download: <DownloadIcon size={18} />,
  resend: <SendIcon size={18} />,
  recall: <UndoIcon size={18} />,
  delete: <TrashIcon size={18} />,
};

/** Props of {@link MessageActions}. */
export interface MessageActionsProps extends UseMessageActionsOptions {
  /** The message the actions act on. */
  message: Message;
  /** Whether the menu is open (controlled), for opening it from the message (right click, Shift+F10). */
  open?: boolean | undefined;
  /** Called when the menu opens or closes. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Where the menu opens when it was not opened by its button: the message, or a pointer position. */
  anchor?: MenuAnchor | null | undefined;
  /** Where focus goes when the menu closes. @default the element focused before it opened */
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
  /**
   * Whether to render the "Message actions" button. Without it the menu opens only through `open` and
   * `anchor` — a list renders a plain button of its own and mounts this once the menu is first wanted.
   * @default true
   */
  trigger?: boolean | undefined;
  /** Extra class on the button. */
  className?: string | undefined;
}

/**
 * The actions menu of a message: a "Message actions" button (shown on hover and focus by the list's
 * CSS; kept out of the tab order, since the message itself opens the menu with Shift+F10, the
 * ContextMenu key or Enter) and a menu of what applies — reply, copy, save, resend, recall, delete (with
 * a confirmation). Announces "Copied" politely.
 *
 * DOM: `button.tidings-message-actions-trigger` + the menu (top layer) + the confirmation dialog + a
 * visually hidden `[role=status]`.
 *
 * @example
 * <MessageActions message={message} onReply={startReply} />
 */
export function MessageActions({
  message,
  open,
  onOpenChange,
  anchor,
  returnFocus,
  trigger = true,
  className,
  ...options
}: MessageActionsProps) {
  const strings = useChatStrings();
  const { actions, isConfirmingDelete, resolveDelete, announcement } = useMessageActions(message, options);
  if (actions.length === 0) return null;
  return (
    <>
      <Menu
        {...(open !== undefined && { open })}
        {...(onOpenChange && { onOpenChange })}
        anchor={anchor ?? null}
        {...(returnFocus && { returnFocus })}
      >
        {trigger && (
          <MenuTrigger
            className={clsx('tidings-message-actions-trigger', className)}
            aria-label={strings.messageActions}
            tabIndex={-1}
          >
            <MoreIcon size={18} />
          </MenuTrigger>
        )}
        <MenuContent aria-label={strings.messageActions}>
          {actions.map((action) => (
            <MenuItem key={action.id} icon={ICONS[action.id]} variant={action.variant} onSelect={action.run}>
              {action.label}
            </MenuItem>
          ))}
        </MenuContent>
      </Menu>
      {isConfirmingDelete && (
        <ConfirmDialog
          open
          onOpenChange={(next) => {
            if (!next) resolveDelete(false);
          }}
          title={strings.deleteMessageConfirm}
          confirmLabel={strings.delete}
          destructive
          onConfirm={() => resolveDelete(true)}
        />
      )}
      <span className="tidings-message-actions-status" role="status">
        {announcement}
      </span>
    </>
  );
}
