import { formatUnreadCount } from '@tidings/core';
import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useInboxStrings } from '../chat-provider/index';

/** Props of {@link UnreadBadge}. */
export interface UnreadBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** Unread messages. Nothing renders for 0 unless `markedUnread`. */
  count: number;
  /**
   * The conversation is muted (do not disturb): the badge is grey, and a dot unless `dot` is `false`.
   * @default false
   */
  muted?: boolean | undefined;
  /**
   * The conversation is marked unread: with no unread count it shows a dot.
   * @default false
   */
  markedUnread?: boolean | undefined;
  /**
   * Shows an 8 px dot instead of the number. By default a dot shows when muted, or when marked unread with
   * nothing counted; `false` forces the number (a grey pill when muted).
   */
  dot?: boolean | undefined;
  /**
   * The largest number shown as is; above it the badge reads `99+`.
   * @default 99
   */
  max?: number | undefined;
}

/**
 * The unread marker of a conversation: a pill in the danger colour with a white number (`99+` above
 * `max`), grey when muted, or an 8 px dot for muted and marked-unread conversations. Its accessible name
 * says the full count ("120 unread messages") or "Marked as unread"; it renders nothing when there is
 * nothing to show.
 *
 * DOM: `span.tidings-unread-badge` with `role="img"`.
 *
 * Data attributes: `data-dot` (shown as a dot), `data-muted` (grey).
 *
 * CSS variables: `--tidings-unread-badge-bg`, `--tidings-unread-badge-color` (default to the danger /
 * neutral tokens), `--tidings-unread-badge-ring` (a ring in the surface colour, for a badge over an avatar).
 *
 * @example
 * <UnreadBadge count={conversation.unreadCount} muted={isMuted(conversation)} />
 */
export const UnreadBadge = forwardRef<HTMLSpanElement, UnreadBadgeProps>(function UnreadBadge(
  { count, muted = false, markedUnread = false, dot, max = 99, className, ...rest },
  ref,
) {
  const strings = useInboxStrings();
  const text = formatUnreadCount(count, max);
  if (!text && !markedUnread) return null;
  const isDot = dot ?? (muted || !text);
  return (
    <span
      ref={ref}
      role="img"
      aria-label={text ? strings.unreadMessages(Math.floor(count)) : strings.markedUnread}
      className={clsx('tidings-unread-badge', className)}
      data-dot={isDot ? '' : undefined}
      data-muted={muted ? '' : undefined}
      {...rest}
    >
      {isDot ? null : text || null}
    </span>
  );
});
