import { type ReactNode, useEffect, useRef } from 'react';
import { useChatStrings } from '../chat-provider/index';
import { CloseIcon } from '../icons/index';
import { useLatest } from '../internal/index';

/** Props of {@link MessageContentViewer}. */
export interface MessageContentViewerProps {
  /** Accessible name of the dialog, e.g. `Image` or `Chat history: Team sync`. */
  label: string;
  /** Called when the viewer closes (Escape, the close button, a click on the backdrop). */
  onClose: () => void;
  /** `media` centres a picture or video on a dark backdrop; `panel` is a scrolling sheet. @default 'media' */
  variant?: 'media' | 'panel' | undefined;
  /** What to show. */
  children: ReactNode;
}

/**
 * A modal on the native `<dialog>` for the full view of a picture or video, or the messages of a merged
 * message. Focus moves into it and returns to what opened it when it closes.
 *
 * DOM: `dialog.tidings-message-viewer[data-variant]` > `button.tidings-message-viewer-close` + content.
 */
export function MessageContentViewer({
  label,
  onClose,
  variant = 'media',
  children,
}: MessageContentViewerProps) {
  const strings = useChatStrings();
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useLatest(onClose);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const onNativeClose = () => {
      // `close` is dispatched in a later task. One queued by the cleanup of an earlier run of this effect
      // (StrictMode runs it twice on mount) arrives after this run reopened the dialog: not a dismissal.
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      opener?.focus?.({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="tidings-message-viewer"
      data-variant={variant}
      aria-label={label}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <button
        type="button"
        className="tidings-message-viewer-close"
        aria-label={strings.close}
        onClick={onClose}
      >
        <CloseIcon />
      </button>
      <div className="tidings-message-viewer-body">{children}</div>
    </dialog>
  );
}
