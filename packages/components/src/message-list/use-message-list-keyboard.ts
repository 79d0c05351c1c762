// The message list's keyboard: roving focus over the messages (Up/Down, Home/End, PageUp/PageDown).
import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useLayoutEffect } from 'react';
import { type RovingFocus, rovingTarget, TAB_STOP } from '../internal/index';
import type { MessageListItem } from './message-list-items';
import type { MessageListItemIndex } from './use-message-list-state';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

/** Options of {@link useMessageListKeyboard}. */
export interface UseMessageListKeyboardOptions {
  viewportRef: RefObject<HTMLElement | null>;
  virtualizer: MessageListVirtualizer;
  items: readonly MessageListItem[];
  indexByKey: MessageListItemIndex;
  roving: RovingFocus<string>;
  /** The message in the tab order. */
  tabKey: string | null;
}

/** Handlers for the viewport: the navigation keys, and focus that moves the tab stop. */
export interface MessageListKeyboard {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/** Moves focus between messages with the keyboard; DOM focus follows the tab stop once it is mounted. */
export function useMessageListKeyboard(options: UseMessageListKeyboardOptions): MessageListKeyboard {
  const { viewportRef, virtualizer, items, indexByKey, roving, tabKey } = options;
  const { setFocusedKey, focusWhenMounted, applyPendingFocus } = roving;

  useLayoutEffect(() => {
    applyPendingFocus(tabKey, (key) =>
      viewportRef.current?.querySelector<HTMLElement>(`[data-msgid="${CSS.escape(key)}"]`),
    );
  });

  const moveFocus = useCallback(
    (index: number) => {
      const item = items[index];
      if (item?.type !== 'message') return;
      setFocusedKey(item.key);
      focusWhenMounted(TAB_STOP);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [items, virtualizer, setFocusedKey, focusWhenMounted],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const article = (event.target as HTMLElement).closest<HTMLElement>('[data-msgid]');
      if (!article || article !== event.target) return;
      const current = indexByKey.get(article.dataset.msgid ?? '');
      if (current === undefined) return;
      const page = Math.max(1, Math.round((viewportRef.current?.clientHeight ?? 600) / 80));
      const next = rovingTarget(event.key, current, items.length, {
        page,
        isFocusable: (index) => items[index]?.type === 'message',
      });
      if (next === undefined) return;
      event.preventDefault();
      if (next >= 0) moveFocus(next);
      else if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'Home') {
        virtualizer.scrollToOffset(0);
      }
    },
    [indexByKey, items, moveFocus, viewportRef, virtualizer],
  );

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const key = (event.target as HTMLElement).dataset.msgid;
      if (key) setFocusedKey(key);
    },
    [setFocusedKey],
  );

  return { onKeyDown, onFocus };
}
