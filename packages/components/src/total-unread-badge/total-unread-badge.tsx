import { selectTotalUnread } from '@tidings/core';
import { forwardRef } from 'react';
import { useChatContext } from '../chat-provider/chat-provider-context';
import { useChatStore } from '../chat-provider/index';
import { UnreadBadge, type UnreadBadgeProps } from '../unread-badge/index';

/** Props of {@link TotalUnreadBadge}. */
export interface TotalUnreadBadgeProps
  extends Omit<UnreadBadgeProps, 'count' | 'muted' | 'markedUnread' | 'dot'> {}

/**
 * The total unread count of the signed-in user (muted conversations left out), for an app's tab bar or
 * window title area. An {@link UnreadBadge} that reads `selectTotalUnread` from the store and renders
 * nothing at zero. Must be used within `<ChatProvider>`.
 *
 * DOM, data attributes and CSS variables: those of {@link UnreadBadge}.
 *
 * @example
 * <button type="button">Chats <TotalUnreadBadge /></button>
 */
export const TotalUnreadBadge = forwardRef<HTMLSpanElement, TotalUnreadBadgeProps>(
  function TotalUnreadBadge(props, ref) {
    useChatContext('TotalUnreadBadge');
    const total = useChatStore(selectTotalUnread);
    return <UnreadBadge ref={ref} count={total} {...props} />;
  },
);
