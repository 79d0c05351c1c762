export { TotalUnreadBadge, type TotalUnreadBadgeProps } from './total-unread-badge';
