/**
 * Avatar: a person's or group's picture with an initials fallback. Main files: `avatar.tsx` (the
 * component), `use-avatar.ts` (image loading state). May import `@tidings/core`, React and sibling folders
 * through their index.
 */
export { Avatar, type AvatarProps } from './avatar';
export { type AvatarImageStatus, type UseAvatarImageReturn, useAvatarImage } from './use-avatar';
