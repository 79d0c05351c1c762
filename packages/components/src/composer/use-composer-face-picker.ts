// The face picker's popover: open and closed, its button and its container; a pointer or focus leaving
// it, Escape, or the composer being disabled close it.
import {
  type Dispatch,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
} from 'react';

/** Options of {@link useFacePickerPopover}: the popover's ID and its open state, kept by the caller. */
export interface UseFacePickerPopoverOptions {
  popoverID: string;
  isDisabled: boolean;
  isOpen: boolean;
  setOpen: Dispatch<SetStateAction<boolean>>;
}

/** What {@link useFacePickerPopover} returns. */
export interface FacePickerPopover {
  /** Props for the face button that opens the picker. */
  getButtonProps: () => {
    ref: RefObject<HTMLButtonElement | null>;
    type: 'button';
    disabled: boolean;
    'aria-expanded': boolean;
    'aria-haspopup': 'grid';
    'aria-controls': string | undefined;
    onClick: () => void;
  };
  /** Props for the element that holds the face picker: Escape and focus leaving close it. */
  getPopoverProps: () => {
    id: string;
    ref: RefObject<HTMLDivElement | null>;
    onKeyDown: (event: KeyboardEvent) => void;
    onBlur: (event: FocusEvent) => void;
  };
}

/**
 * The behaviour of the face picker's popover and the button that toggles it; the open state is the
 * caller's (as React Spectrum keeps an overlay's state apart from its trigger's behaviour).
 */
export function useFacePickerPopover(options: UseFacePickerPopoverOptions): FacePickerPopover {
  const { popoverID, isDisabled, isOpen, setOpen } = options;
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const popoverRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (popoverRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen, setOpen]);

  useEffect(() => {
    if (isDisabled) setOpen(false);
  }, [isDisabled, setOpen]);

  const getButtonProps = useCallback(
    () => ({
      ref: buttonRef,
      type: 'button' as const,
      disabled: isDisabled,
      'aria-expanded': isOpen,
      'aria-haspopup': 'grid' as const,
      'aria-controls': isOpen ? popoverID : undefined,
      onClick: () => setOpen((open) => !open),
    }),
    [popoverID, isDisabled, isOpen, setOpen],
  );

  const getPopoverProps = useCallback(
    () => ({
      id: popoverID,
      ref: popoverRef,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      },
      onBlur: (event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        // Focus left the picker (Tab, or a click elsewhere): it closes, like a menu.
        if (next && !popoverRef.current?.contains(next) && !buttonRef.current?.contains(next)) {
          setOpen(false);
        }
      },
    }),
    [popoverID, setOpen],
  );

  return { getButtonProps, getPopoverProps };
}
