import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type ReactNode, type RefObject, useRef } from 'react';
import { useInboxStrings } from '../chat-provider/index';
import { useDialog } from './use-dialog';

/** Props of {@link Dialog}. */
export interface DialogProps extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'title' | 'role'> {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called with `false` when the user dismisses it (Escape, or a button that closes it). */
  onOpenChange: (open: boolean) => void;
  /** The heading, which names the dialog. */
  title: ReactNode;
  /** A sentence under the title, which describes the dialog. */
  description?: ReactNode | undefined;
  /**
   * `alertdialog` for a question that needs an answer before anything else (a confirmation).
   * @default 'dialog'
   */
  role?: 'dialog' | 'alertdialog' | undefined;
  /** What gets focus on open. @default the first focusable element */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  /** Where focus goes on close. @default where it was before the dialog opened */
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
  /** The body: fields, and the buttons in a {@link DialogFooter}-like `div.tidings-dialog-actions`. */
  children?: ReactNode | undefined;
}

/**
 * A modal dialog on the native `<dialog>` (`showModal`: top layer, inert page, focus trapped, Escape to
 * dismiss), named by its title and described by its description. It renders nothing while closed.
 *
 * DOM: `dialog.tidings-dialog` > `h2.tidings-dialog-title`, `p.tidings-dialog-description`?, children.
 *
 * CSS variables: `--tidings-dialog-width`.
 *
 * @example
 * <Dialog open={open} onOpenChange={setOpen} title="New folder">
 *   <form method="dialog">…</form>
 * </Dialog>
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  role = 'dialog',
  initialFocus,
  returnFocus,
  className,
  children,
  onKeyDown,
  ...rest
}: DialogProps) {
  const { dialogProps, titleID, descriptionID } = useDialog({
    open,
    onOpenChange,
    ...(initialFocus && { initialFocus }),
    ...(returnFocus && { returnFocus }),
  });
  return (
    <dialog
      {...rest}
      {...dialogProps}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal={role === 'alertdialog' ? true : undefined}
      aria-describedby={description ? descriptionID : undefined}
      className={clsx('tidings-dialog', className)}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        dialogProps.onKeyDown(event);
      }}
    >
      {open && (
        <>
          <h2 id={titleID} className="tidings-dialog-title">
            {title}
          </h2>
          {description && (
            <p id={descriptionID} className="tidings-dialog-description">
              {description}
            </p>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps
  extends Omit<DialogProps, 'role' | 'children' | 'initialFocus' | 'onConfirm'> {
  /** The label of the button that confirms, a verb: "Delete". */
  confirmLabel: string;
  /** The label of the button that cancels. @default strings.cancel ("Cancel") */
  cancelLabel?: string | undefined;
  /**
   * Draws the confirm button in the danger colour, for what cannot be undone.
   * @default false
   */
  destructive?: boolean | undefined;
  /** Called when the user confirms; the dialog then asks to close. */
  onConfirm: () => void;
}

/**
 * A confirmation (`role="alertdialog"`): a title, a description, Cancel and a confirm button. Cancel has
 * focus first, so Enter on a reflex never destroys anything; Escape cancels.
 *
 * DOM: that of {@link Dialog}, plus `div.tidings-dialog-actions` > `button.tidings-dialog-button` ×2, the
 * confirm one with `data-variant="danger"` when destructive.
 *
 * @example
 * <ConfirmDialog open={open} onOpenChange={setOpen} title="Delete this chat?" confirmLabel="Delete"
 *   destructive onConfirm={() => store.getState().deleteConversation(id)} />
 */
export function ConfirmDialog({
  confirmLabel,
  cancelLabel,
  destructive = false,
  onConfirm,
  onOpenChange,
  ...rest
}: ConfirmDialogProps) {
  const strings = useInboxStrings();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog {...rest} role="alertdialog" onOpenChange={onOpenChange} initialFocus={cancelRef}>
      <div className="tidings-dialog-actions">
        <button
          ref={cancelRef}
          type="button"
          className="tidings-dialog-button"
          onClick={() => onOpenChange(false)}
        >
          {cancelLabel ?? strings.cancel}
        </button>
        <button
          type="button"
          className="tidings-dialog-button"
          data-variant={destructive ? 'danger' : 'primary'}
          onClick={() => {
            onConfirm();
            onOpenChange(false);
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
