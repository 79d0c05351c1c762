// A jump to a message (`jumpToMessage`): scroll to it, give it the tab stop, and end its highlight in time.
import type { ChatStore } from '@tidings/core';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { type RovingFocus, TAB_STOP } from '../internal/index';
import type { ProgrammaticScroll } from './use-message-list-programmatic-scroll';
import type { MessageListItemIndex } from './use-message-list-state';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

/** Options of {@link useMessageListHighlight}. */
export interface UseMessageListHighlightOptions {
  store: ChatStore;
  conversationID: string;
  viewportRef: RefObject<HTMLElement | null>;
  virtualizer: MessageListVirtualizer;
  command: ProgrammaticScroll['command'];
  indexByKey: MessageListItemIndex;
  highlightedMsgID: string | null;
  highlightMs: number;
  roving: RovingFocus<string>;
}

/** Scrolls to the highlighted message once it is loaded, moves the tab stop to it, and clears the highlight. */
export function useMessageListHighlight(options: UseMessageListHighlightOptions): void {
  const {
    store,
    conversationID,
    viewportRef,
    virtualizer,
    command,
    indexByKey,
    highlightedMsgID,
    highlightMs,
  } = options;
  const { setFocusedKey, focusWhenMounted } = options.roving;
  const handledHighlight = useRef<string | null>(null);

  useLayoutEffect(() => {
    if (!highlightedMsgID) {
      handledHighlight.current = null;
      return;
    }
    const index = indexByKey.get(highlightedMsgID);
    if (index === undefined || handledHighlight.current === highlightedMsgID) return;
    handledHighlight.current = highlightedMsgID;
    command(() => virtualizer.scrollToIndex(index, { align: 'center' }));
    setFocusedKey(highlightedMsgID);
    focusWhenMounted(viewportRef.current?.contains(document.activeElement) ? TAB_STOP : null);
  }, [highlightedMsgID, indexByKey, virtualizer, command, viewportRef, setFocusedKey, focusWhenMounted]);

  useEffect(() => {
    if (!highlightedMsgID) return;
    const timer = setTimeout(() => store.getState().clearHighlight(conversationID), highlightMs);
    return () => clearTimeout(timer);
  }, [highlightedMsgID, highlightMs, store, conversationID]);
}
