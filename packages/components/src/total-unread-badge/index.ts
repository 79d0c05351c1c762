/**
 * Total unread badge: the unread badge bound to the store's total. Main file: `total-unread-badge.tsx`.
 * May import `@tidings/core`, React and sibling folders through their index.
 */
export { TotalUnreadBadge, type TotalUnreadBadgeProps } from './total-unread-badge';
