import { type ChatState, compareMessages, isForwardable, type Message } from '@tidings/core';
import {
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/index';
import type { MessageListItem } from './message-list-items';

/** Options of {@link useMessageListSelection}. */
export interface UseMessageListSelectionOptions {
  /** The conversation whose messages are selected; changing it leaves selection mode. */
  conversationID: string;
  /** The list's rows in order (for Shift ranges and Shift+Arrow). */
  items: readonly MessageListItem[];
}

/** What {@link useMessageListSelection} returns. */
export interface UseMessageListSelectionReturn {
  /** Whether the list is in selection mode. */
  isSelecting: boolean;
  /** The selected messages' IDs in the order they were sent (only those still selectable). */
  selectedIDs: readonly string[];
  /** Whether a message is selected. */
  isSelected: (msgID: string) => boolean;
  /** Whether a message can be selected: a sent message, not recalled, not a system line. */
  isSelectable: (msgID: string) => boolean;
  /** Enters selection mode, with `msgID` selected when given. */
  start: (msgID?: string) => void;
  /** Leaves selection mode and forgets the selection. */
  stop: () => void;
  /**
   * Toggles a message; with `range`, selects every selectable message from the last toggled one (the
   * anchor) to this one, as Shift-click does in file lists.
   */
  toggle: (msgID: string, options?: { range?: boolean }) => void;
  /**
   * Keys of selection mode, for the list's viewport (call it before the list's own key handler): Space
   * (and Enter) toggles the focused message, Shift+Arrow extends the selection to the next message,
   * Escape leaves selection mode. Returns whether it handled the key.
   */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => boolean;
  /**
   * Click handler for a row in selection mode (capture phase): toggles it (Shift extends), and keeps the
   * click from opening links, pictures or chat histories inside it.
   */
  onRowClickCapture: (event: MouseEvent<HTMLElement>, msgID: string) => void;
}

/** Whether a message may be selected: what can be forwarded (sent, not recalled, not a tip). */
export function isSelectableMessage(message: Message | undefined): boolean {
  return message !== undefined && isForwardable(message);
}

/**
 * The selection without the messages recalled or failed meanwhile (which also leave the state). The
 * selector returns a string (the IDs to drop), so the store subscription stays cheap and referentially
 * stable.
 */
function useHeldSelection(
  selected: ReadonlyMap<string, Message>,
  setSelected: (selected: ReadonlyMap<string, Message>) => void,
): ReadonlyMap<string, Message> {
  const dropped = useChatStore(
    useCallback(
      (state: ChatState) => {
        let out = '';
        for (const msgID of selected.keys()) {
          const held = state.messages.get(msgID);
          if (held !== undefined && !isSelectableMessage(held)) out += `${msgID}\n`;
        }
        return out;
      },
      [selected],
    ),
  );
  const heldSelected = useMemo(() => {
    if (dropped === '') return selected;
    const drop = new Set(dropped.split('\n'));
    return new Map([...selected].filter(([msgID]) => !drop.has(msgID)));
  }, [dropped, selected]);
  useEffect(() => {
    if (heldSelected !== selected) setSelected(heldSelected);
  }, [heldSelected, selected, setSelected]);
  return heldSelected;
}

/**
 * Selection mode of a message list, headless: which messages are selected (by msgID, so the selection
 * survives scrolling, the virtualizer unmounting rows and older pages loading), pointer toggles and
 * Shift ranges, keyboard (Space toggles, Shift+Arrow extends, Escape leaves). A selected message that is
 * recalled or deleted meanwhile drops out of the selection.
 *
 * @example
 * const selection = useMessageListSelection({ conversationID, items });
 * <div role="log" onKeyDown={(e) => selection.onKeyDown(e) || list.getViewportProps().onKeyDown(e)}>…</div>
 * {selection.isSelecting && <MessageListSelectionBar selection={selection} … />}
 */
export function useMessageListSelection({
  conversationID,
  items,
}: UseMessageListSelectionOptions): UseMessageListSelectionReturn {
  const store = useChatStoreApi();
  const [isSelecting, setSelecting] = useState(false);
  // Snapshots of the selected messages: a message scrolled (or paged) out of the store's window keeps its
  // place in the selection and its time order.
  const [selected, setSelected] = useState<ReadonlyMap<string, Message>>(new Map());
  const anchor = useRef<string | null>(null);

  const heldSelected = useHeldSelection(selected, setSelected);

  // Another conversation is another selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: conversationID is the trigger
  useEffect(() => {
    setSelecting(false);
    setSelected(new Map());
    anchor.current = null;
  }, [conversationID]);

  const selectedIDs = useMemo(
    () => [...heldSelected.values()].sort(compareMessages).map((message) => message.msgID),
    [heldSelected],
  );

  const isSelectable = useCallback(
    (msgID: string) => isSelectableMessage(store.getState().messages.get(msgID)),
    [store],
  );

  const messageKeys = useMemo(
    () => items.flatMap((item) => (item.type === 'message' && item.variant === 'bubble' ? [item.key] : [])),
    [items],
  );

  const select = useCallback(
    (msgIDs: readonly string[], on: boolean) => {
      const { messages } = store.getState();
      setSelected((prev) => {
        const next = new Map(prev);
        for (const msgID of msgIDs) {
          const message = messages.get(msgID);
          if (on && message && isSelectableMessage(message)) next.set(msgID, message);
          else if (!on) next.delete(msgID);
        }
        return next;
      });
    },
    [store],
  );

  const start = useCallback(
    (msgID?: string) => {
      setSelecting(true);
      if (msgID) {
        anchor.current = msgID;
        select([msgID], true);
      }
    },
    [select],
  );

  const stop = useCallback(() => {
    setSelecting(false);
    setSelected(new Map());
    anchor.current = null;
  }, []);

  const toggle = useCallback(
    (msgID: string, options?: { range?: boolean }) => {
      if (!isSelectable(msgID)) return;
      const from = anchor.current;
      if (options?.range && from && from !== msgID) {
        const a = messageKeys.indexOf(from);
        const b = messageKeys.indexOf(msgID);
        if (a >= 0 && b >= 0) {
          select(messageKeys.slice(Math.min(a, b), Math.max(a, b) + 1), true);
          anchor.current = msgID;
          return;
        }
      }
      anchor.current = msgID;
      select([msgID], !heldSelected.has(msgID));
    },
    [heldSelected, isSelectable, messageKeys, select],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      if (!isSelecting || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey)
        return false;
      const target = event.target as HTMLElement;
      if (event.key === 'Escape') {
        event.preventDefault();
        stop();
        return true;
      }
      const msgID = target.dataset.msgid;
      if (!msgID || !target.matches('[data-msgid]')) return false;
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        toggle(msgID, { range: event.shiftKey });
        return true;
      }
      if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        // Extends to the next selectable message; the list's own handler then moves focus there.
        const index = messageKeys.indexOf(msgID);
        const step = event.key === 'ArrowUp' ? -1 : 1;
        let next = index + step;
        while (next >= 0 && next < messageKeys.length && !isSelectable(messageKeys[next] as string))
          next += step;
        const nextID = messageKeys[next];
        if (index >= 0 && nextID !== undefined) {
          select([msgID, nextID], true);
          anchor.current = nextID;
        }
        return false;
      }
      return false;
    },
    [isSelecting, isSelectable, messageKeys, select, stop, toggle],
  );

  const onRowClickCapture = useCallback(
    (event: MouseEvent<HTMLElement>, msgID: string) => {
      if (!isSelecting) return;
      event.preventDefault();
      event.stopPropagation();
      // Shift-click would otherwise also select the text between the two clicks.
      if (event.shiftKey) document.getSelection()?.removeAllRanges();
      toggle(msgID, { range: event.shiftKey });
    },
    [isSelecting, toggle],
  );

  const isSelected = useCallback((msgID: string) => heldSelected.has(msgID), [heldSelected]);

  return {
    isSelecting,
    selectedIDs,
    isSelected,
    isSelectable,
    start,
    stop,
    toggle,
    onKeyDown,
    onRowClickCapture,
  };
}
