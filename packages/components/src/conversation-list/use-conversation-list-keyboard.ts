// The conversation list's keyboard: the ARIA grid keys (roving focus with Up/Down, Home/End, PageUp/PageDown;
// Enter/Space to open; Shift+F10 or the ContextMenu key for actions; Left/Right into a row's button),
// delegated from the grid so rows carry no handlers.
import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback } from 'react';
import { rovingTarget } from '../internal/index';
import { CONVERSATION_ROW_HEIGHT as ROW } from './conversation-list-item';
import type { ConversationListFocus } from './use-conversation-list-focus';

/** The row a grid event happened in. */
export function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-conversation-id]') : null;
}

function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

/** Options of {@link useConversationListKeyboard}. */
export interface UseConversationListKeyboardOptions {
  focus: ConversationListFocus;
  gridRef: RefObject<HTMLDivElement | null>;
  /** The height of the grid as the virtualizer measured it, px. */
  viewportHeight: () => number | undefined;
  open: (conversationID: string) => void;
}

/** What {@link useConversationListKeyboard} returns: the grid's keyboard and focus handlers. */
export interface ConversationListKeyboard {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/** The grid's keys, and focus events that move the tab stop and track whether the list has focus. */
export function useConversationListKeyboard(
  options: UseConversationListKeyboardOptions,
): ConversationListKeyboard {
  const { gridRef, viewportHeight, open } = options;
  const { indexOf, size, focusIndex, openMenu, setFocusedID, hasFocus } = options.focus;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const row = rowOf(event.target);
      if (!row || event.nativeEvent.isComposing) return;
      const conversationID = row.dataset.conversationId as string;
      const onRow = event.target === row;
      const actions = row.querySelector<HTMLElement>('[aria-haspopup="menu"]');
      const index = indexOf(conversationID);
      const height = viewportHeight() ?? gridRef.current?.clientHeight ?? ROW;
      const next = rovingTarget(event.key, index, size(), {
        page: Math.max(1, Math.floor(height / ROW) - 1),
      });
      if (next !== undefined) {
        event.preventDefault();
        // Past either end, focus stays on (and scrolls back to) the row it is on.
        return focusIndex(next >= 0 ? next : index);
      }
      const inlineEnd = isRtl(row) ? 'ArrowLeft' : 'ArrowRight';
      const inlineStart = isRtl(row) ? 'ArrowRight' : 'ArrowLeft';
      switch (event.key) {
        case 'Enter':
        case ' ':
          if (!onRow) return;
          event.preventDefault();
          return open(conversationID);
        case 'ContextMenu':
          event.preventDefault();
          return openMenu(conversationID, actions ?? row);
        case 'F10':
          if (!event.shiftKey) return;
          event.preventDefault();
          return openMenu(conversationID, actions ?? row);
        case inlineEnd:
          if (!onRow || !actions) return;
          event.preventDefault();
          return actions.focus();
        case inlineStart:
          if (onRow) return;
          event.preventDefault();
          return row.focus();
      }
    },
    [indexOf, size, focusIndex, open, openMenu, gridRef, viewportHeight],
  );

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      hasFocus.current = true;
      const row = rowOf(event.target);
      if (row?.dataset.conversationId) setFocusedID(row.dataset.conversationId);
    },
    [hasFocus, setFocusedID],
  );
  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
        hasFocus.current = false;
    },
    [hasFocus],
  );

  return { onKeyDown, onFocus, onBlur };
}
