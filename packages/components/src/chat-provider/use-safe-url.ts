import { safeUrl, type UrlPolicy, type UrlPurpose } from '@tidings/core';
import { useCallback, useContext, useMemo } from 'react';
import { ChatContext } from './chat-provider-context';

/**
 * The URL policy of the nearest `<ChatProvider>` as a function: the kit's policy (`safeUrl` from
 * `@tidings/core`) narrowed by the provider's `urlPolicy`. It returns the URL to use, or `null` when the URL
 * must not reach an `href`, `src`, `Audio` or download. Works without a provider (the kit's policy alone).
 *
 * @example
 * const checkUrl = useUrlPolicy();
 * const href = checkUrl(elem.url, 'download');
 */
export function useUrlPolicy(): (input: unknown, purpose: UrlPurpose) => string | null {
  const policy = useContext(ChatContext)?.urlPolicy;
  return useCallback((input: unknown, purpose: UrlPurpose) => safeUrl(input, { purpose, policy }), [policy]);
}

/**
 * One URL through {@link useUrlPolicy}: the URL to use, or `null` to render text or a placeholder instead.
 *
 * @example
 * const src = useSafeUrl(user.faceUrl, 'avatar');
 * return src ? <img src={src} alt="" /> : <Initials />;
 */
export function useSafeUrl(input: unknown, purpose: UrlPurpose): string | null {
  const checkUrl = useUrlPolicy();
  return useMemo(() => checkUrl(input, purpose), [checkUrl, input, purpose]);
}

/**
 * The nearest provider's own `urlPolicy` (the app's narrowing), for passing on to calls that take it, such
 * as `saveMediaElem(engine, elem, name, { urlPolicy })`; `undefined` without one.
 *
 * @example
 * const urlPolicy = useProviderUrlPolicy();
 */
export function useProviderUrlPolicy(): UrlPolicy | undefined {
  return useContext(ChatContext)?.urlPolicy;
}
