// The conversation list's pointer: a click opens a row (or its actions menu from the ⋯ button), a right
// click or a long press with a finger opens the actions menu; delegated from the grid.
import { type MouseEvent, type PointerEvent, useCallback, useEffect, useRef } from 'react';
import type { MenuAnchor } from '../menu/index';
import { rowOf } from './use-conversation-list-keyboard';

/** How long a finger rests on a row before its actions menu opens, ms (as the platforms' long press). */
const LONG_PRESS_MS = 500;

/** What {@link useConversationListPointer} returns: the grid's pointer handlers. */
export interface ConversationListPointer {
  onClick: (event: MouseEvent<HTMLElement>) => void;
  onContextMenu: (event: MouseEvent<HTMLElement>) => void;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  /** Ends a long press (pointer up or cancelled). */
  endPress: () => void;
}

/** Clicks, right clicks and long presses on the rows. */
export function useConversationListPointer(
  open: (conversationID: string) => void,
  openMenu: (conversationID: string, anchor: MenuAnchor) => void,
): ConversationListPointer {
  // A long press with a finger: iOS fires no contextmenu event, and the ⋯ button is hidden on touch.
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const pressedOpen = useRef(false);
  const endPress = useCallback(() => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  }, []);
  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      endPress();
      pressedOpen.current = false;
      const row = rowOf(event.target);
      if (event.pointerType !== 'touch' || !row) return;
      const { clientX: x, clientY: y } = event;
      const timer = setTimeout(() => {
        press.current = null;
        pressedOpen.current = true;
        openMenu(row.dataset.conversationId as string, { x, y });
      }, LONG_PRESS_MS);
      press.current = { timer, x, y };
    },
    [endPress, openMenu],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const start = press.current;
      // A finger that moves is scrolling, not pressing.
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > 10) endPress();
    },
    [endPress],
  );
  useEffect(() => endPress, [endPress]);

  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      // The click that ends a long press must not open the conversation under the menu.
      if (pressedOpen.current) {
        pressedOpen.current = false;
        return;
      }
      const row = rowOf(event.target);
      if (!row) return;
      const conversationID = row.dataset.conversationId as string;
      const actions =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[aria-haspopup="menu"]') : null;
      if (actions && row.contains(actions)) openMenu(conversationID, actions);
      else open(conversationID);
    },
    [open, openMenu],
  );

  const onContextMenu = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const row = rowOf(event.target);
      if (!row) return;
      event.preventDefault();
      // Android fires contextmenu for the same long press: the menu is already open.
      if (pressedOpen.current) return;
      endPress();
      // A keyboard-made contextmenu event (no pointer position) anchors at the row instead.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      openMenu(
        row.dataset.conversationId as string,
        fromKeyboard ? row : { x: event.clientX, y: event.clientY },
      );
    },
    [openMenu, endPress],
  );

  return { onClick, onContextMenu, onPointerDown, onPointerMove, endPress };
}
