import { avatarColorOf, initialsOf } from '@tidings/core';
import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type CSSProperties, forwardRef } from 'react';
import { useSafeUrl } from '../chat-provider/index';
import { useAvatarImage } from './use-avatar';

/** Props of {@link Avatar}. */
export interface AvatarProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /**
   * Image URL. Empty, missing, refused by the URL policy (purpose `avatar`) or failing to load shows the
   * initials on a colour instead.
   */
  src?: string | null | undefined;
  /** Whose avatar it is: gives the initials and, unless `decorative`, the accessible name. */
  name: string;
  /**
   * Seeds the fallback colour, so it stays the same when the name changes (a user or group ID).
   * @default name
   */
  colorKey?: string | undefined;
  /**
   * Diameter in pixels.
   * @default 48 (`--tidings-size-avatar`)
   */
  size?: number | undefined;
  /**
   * Hides the avatar from assistive technology, for when the name is shown next to it (a list row, a
   * message run): the image gets `alt=""` and the avatar no accessible name.
   * @default false
   */
  decorative?: boolean | undefined;
}

/**
 * A round avatar: the image, or the initials (`initialsOf(name)`) in white on a colour derived from
 * `colorKey` (`avatarColorOf`) while it loads, when there is none, or when it fails to load.
 *
 * Unless `decorative`, the avatar is an image named by `name` (`role="img"`).
 *
 * DOM: `span.tidings-avatar` > `span.tidings-avatar-initials` and/or `img.tidings-avatar-image`.
 *
 * Data attributes: `data-state="loading" | "loaded" | "fallback"` on the root.
 *
 * CSS variables: `--tidings-avatar-size` (set from `size`), `--tidings-avatar-color` (the fallback colour).
 *
 * @example
 * <Avatar src={conversation.faceUrl} name={conversation.showName} colorKey={conversation.conversationID} decorative />
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar(
  { src: rawSrc, name, colorKey, size, decorative = false, className, style, ...rest },
  ref,
) {
  const src = useSafeUrl(rawSrc, 'avatar');
  const { status, imageProps } = useAvatarImage(src);
  const initials = initialsOf(name);
  const vars = {
    '--tidings-avatar-color': avatarColorOf(colorKey ?? name),
    ...(size !== undefined && { '--tidings-avatar-size': `${size}px` }),
  } as CSSProperties;

  return (
    <span
      ref={ref}
      className={clsx('tidings-avatar', className)}
      data-state={status}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': name })}
      style={{ ...vars, ...style }}
      {...rest}
    >
      {status !== 'loaded' && (
        <span className="tidings-avatar-initials" aria-hidden="true">
          {initials}
        </span>
      )}
      {src && status !== 'fallback' && (
        <img
          {...imageProps}
          key={src}
          className="tidings-avatar-image"
          src={src}
          alt=""
          decoding="async"
          draggable={false}
        />
      )}
    </span>
  );
});
