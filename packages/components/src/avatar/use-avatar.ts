import { useCallback, useState } from 'react';

/** Where an avatar's image stands: `loading`, `loaded`, or `fallback` (no image, or it failed to load). */
export type AvatarImageStatus = 'loading' | 'loaded' | 'fallback';

/** What {@link useAvatarImage} returns. */
export interface UseAvatarImageReturn {
  /** Whether to show the image (`loaded`), or the initials while it loads or when there is none. */
  status: AvatarImageStatus;
  /** Props for the `<img>`: a ref that catches images already loaded from cache, and load/error handlers. */
  imageProps: {
    ref: (image: HTMLImageElement | null) => void;
    onLoad: () => void;
    onError: () => void;
  };
}

/**
 * Tracks an avatar image so the initials show until it has loaded and again if it fails. The status
 * belongs to one `src`: a new URL starts over at `loading`.
 *
 * @example
 * const { status, imageProps } = useAvatarImage(user.faceUrl);
 */
export function useAvatarImage(src: string | null | undefined): UseAvatarImageReturn {
  const [result, setResult] = useState<{ src: string; loaded: boolean } | null>(null);
  const status: AvatarImageStatus = !src
    ? 'fallback'
    : result?.src !== src
      ? 'loading'
      : result.loaded
        ? 'loaded'
        : 'fallback';

  const onLoad = useCallback(() => {
    if (src) setResult({ src, loaded: true });
  }, [src]);
  const onError = useCallback(() => {
    if (src) setResult({ src, loaded: false });
  }, [src]);
  // An image from the cache (or one that loaded before hydration) may have fired `load` already.
  const ref = useCallback(
    (image: HTMLImageElement | null) => {
      if (src && image?.complete && image.naturalWidth > 0) setResult({ src, loaded: true });
    },
    [src],
  );

  return { status, imageProps: { ref, onLoad, onError } };
}
