import {
  type KeyboardEvent,
  type RefObject,
  type SyntheticEvent,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
} from 'react';
import { useLatest } from '../internal/index';

/** Options of {@link useDialog}. */
export interface UseDialogOptions {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called with `false` when the user dismisses the dialog (Escape, a close button, a form with `method="dialog"`). */
  onOpenChange: (open: boolean) => void;
  /** What gets focus when the dialog opens. @default the first focusable element in it */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  /**
   * Where focus goes when the dialog closes.
   * @default the element that had focus before it opened (the browser restores it)
   */
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
}

/** What {@link useDialog} returns: props for the `<dialog>` and the IDs of its title and description. */
export interface UseDialogReturn {
  dialogProps: {
    ref: RefObject<HTMLDialogElement | null>;
    'aria-labelledby': string;
    'aria-describedby': string;
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
    onClose: () => void;
    onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
  };
  titleID: string;
  descriptionID: string;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` puts it in the top layer, makes the rest
 * of the page inert and traps focus; Escape asks to close (`onOpenChange(false)`), and focus returns where
 * it came from.
 *
 * @example
 * const { dialogProps, titleID } = useDialog({ open, onOpenChange: setOpen });
 * <dialog {...dialogProps}><h2 id={titleID}>Rename</h2>…</dialog>
 */
export function useDialog({
  open,
  onOpenChange,
  initialFocus,
  returnFocus,
}: UseDialogOptions): UseDialogReturn {
  const ref = useRef<HTMLDialogElement | null>(null);
  const id = useId();
  const latest = useLatest({ onOpenChange, returnFocus });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom and old browsers lack showModal; the `open` attribute still shows the dialog there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      latest.current.returnFocus?.()?.focus({ preventScroll: true });
    }
  }, [open, initialFocus]);

  const onCancel = useCallback((event: SyntheticEvent<HTMLDialogElement>) => {
    // Escape: the dialog stays open until its owner says so (it is controlled).
    event.preventDefault();
    latest.current.onOpenChange(false);
  }, []);

  // Escape is handled on keydown: it works where `cancel` is not fired (jsdom), and Chromium fires `cancel`
  // only once per user activation.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    latest.current.onOpenChange(false);
  }, []);

  const onClose = useCallback(() => {
    // Closed by the browser (a form with method="dialog"): tell the owner.
    if (open) latest.current.onOpenChange(false);
  }, [open]);

  return {
    dialogProps: {
      ref,
      'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-description`,
      onCancel,
      onClose,
      onKeyDown,
    },
    titleID: `${id}-title`,
    descriptionID: `${id}-description`,
  };
}
