/**
 * Unread badge: a count ("99+") or a dot. Main file: `unread-badge.tsx`. May import `@tidings/core`,
 * React and sibling folders through their index.
 */
export { UnreadBadge, type UnreadBadgeProps } from './unread-badge';
