export { Avatar, type AvatarProps } from './avatar';
export { type AvatarImageStatus, type UseAvatarImageReturn, useAvatarImage } from './use-avatar';
