// The composer's keys: Enter (or Ctrl/⌘+Enter) sends, never while an IME composition is confirmed; Escape
// closes the face picker or stops replying; and the shortcuts shown in the hint.
import { type KeyboardEvent, useCallback, useMemo, useRef, useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;
const isApplePlatform = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** Options of {@link useComposerKeyboard}. */
export interface UseComposerKeyboardOptions {
  sendKey: 'enter' | 'mod-enter';
  send: () => Promise<void>;
  isFacePickerOpen: boolean;
  closeFacePicker: () => void;
  isReplying: boolean;
  cancelReply: () => void;
}

/** What {@link useComposerKeyboard} returns. */
export interface ComposerKeyboard {
  /** For the field: keydown, and the composition events that tell an IME is composing. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCompositionStart: () => void;
  onCompositionEnd: () => void;
  /** The keys that send and that break the line, for the hint. */
  shortcuts: { send: string; newLine: string };
}

/** The field's keyboard handling and the hint's shortcuts. */
export function useComposerKeyboard(options: UseComposerKeyboardOptions): ComposerKeyboard {
  const { sendKey, send, isFacePickerOpen, closeFacePicker, isReplying, cancelReply } = options;
  const composing = useRef(false);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      // A picker over the field (mentions) handled the key: Enter picked, Escape closed it.
      if (event.defaultPrevented) return;
      if (event.key === 'Escape' && isFacePickerOpen) {
        closeFacePicker();
        return;
      }
      if (event.key === 'Escape' && isReplying && event.currentTarget.value === '') {
        cancelReply();
        return;
      }
      if (event.key !== 'Enter') return;
      // Enter that confirms an IME composition (Chinese, Japanese, Korean input) is not a send. Safari
      // ends the composition before its keydown, which then only keyCode 229 gives away.
      if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
      const modified = event.ctrlKey || event.metaKey;
      const sends = sendKey === 'enter' ? !event.shiftKey && !event.altKey : modified;
      if (!sends) return;
      event.preventDefault();
      void send();
    },
    [cancelReply, closeFacePicker, isFacePickerOpen, isReplying, send, sendKey],
  );
  const onCompositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const onCompositionEnd = useCallback(() => {
    composing.current = false;
  }, []);

  const isApple = useSyncExternalStore(noSubscription, isApplePlatform, () => false);
  const shortcuts = useMemo(
    () =>
      sendKey === 'enter'
        ? { send: 'Enter', newLine: 'Shift+Enter' }
        : { send: isApple ? '⌘+Enter' : 'Ctrl+Enter', newLine: 'Enter' },
    [isApple, sendKey],
  );
  return { onKeyDown, onCompositionStart, onCompositionEnd, shortcuts };
}
