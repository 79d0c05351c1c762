import { selectConversation } from '@tidings/core';
import { clsx } from 'clsx';
import { memo, useCallback, useRef } from 'react';
import { Avatar } from '../avatar/index';
import { useChatStrings } from '../chat-provider/index';
import { Dialog } from '../dialog/index';
import { CheckIcon, SearchIcon } from '../icons/index';
import { useChatStoreByID } from '../internal/index';
import {
  FORWARD_ROW_HEIGHT,
  type ForwardMode,
  type ForwardResult,
  type UseForwardDialogOptions,
  useForwardDialog,
} from './use-forward-dialog';

/** Props of {@link ForwardDialog}. */
export interface ForwardDialogProps extends Pick<UseForwardDialogOptions, 'overscan' | 'onError'> {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called with `false` when the user closes it (Cancel, Escape) and after a forward. */
  onOpenChange: (open: boolean) => void;
  /** The messages to forward. */
  msgIDs: readonly string[];
  /** @default 'oneByOne' */
  mode?: ForwardMode;
  /** Called once the messages were handed to the targets. */
  onForwarded?: (result: ForwardResult) => void;
  /** Extra class on the dialog. */
  className?: string;
}

/**
 * Forwards messages: a dialog that picks one or more conversations — searchable, virtualized (100,000
 * conversations cost what the rows on screen cost; further pages of the list are pulled while scrolling)
 * and complete by keyboard (Down from the search into the list, arrows and Home/End move, Space or Enter
 * picks, Tab to Send) — then sends the messages one by one or merged into a chat history. Each forwarded
 * message shows in its target with its state (sending, failed with resend). See {@link useForwardDialog}.
 *
 * DOM: `dialog.tidings-dialog.tidings-forward-dialog` > title, description, `input[type=search]`,
 * `div.tidings-forward-dialog-list[role=listbox][aria-multiselectable]` > `div[role=option]` per mounted
 * conversation (`aria-selected`, `aria-setsize`, `aria-posinset`), `div.tidings-dialog-actions`.
 *
 * Data attributes: on an option `data-active` (the keyboard's option), `data-picked`.
 *
 * @example
 * <ForwardDialog open={open} onOpenChange={setOpen} msgIDs={selection.selectedIDs} mode="merged" />
 */
export function ForwardDialog({ open, onOpenChange, ...props }: ForwardDialogProps) {
  const strings = useChatStrings();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={strings.forwardTo}
      description={strings.forwardSummary(props.msgIDs.length, props.mode === 'merged')}
      className={clsx('tidings-forward-dialog', props.className)}
    >
      {open && <ForwardDialogBody onOpenChange={onOpenChange} {...props} />}
    </Dialog>
  );
}

function ForwardDialogBody({
  onOpenChange,
  msgIDs,
  mode,
  onForwarded,
  onError,
  overscan,
}: Omit<ForwardDialogProps, 'open' | 'className'>) {
  const strings = useChatStrings();
  const listRef = useRef<HTMLDivElement>(null);
  const picker = useForwardDialog({
    msgIDs,
    mode,
    listRef,
    overscan,
    onError,
    onForwarded: useCallback(
      (result: ForwardResult) => {
        onForwarded?.(result);
        onOpenChange(false);
      },
      [onForwarded, onOpenChange],
    ),
  });
  const { virtualizer, matches } = picker;

  return (
    <form
      className="tidings-forward-dialog-body"
      onSubmit={(event) => {
        event.preventDefault();
        void picker.send();
      }}
    >
      <div className="tidings-forward-dialog-search">
        <SearchIcon size={18} className="tidings-forward-dialog-search-icon" />
        <input
          type="search"
          className="tidings-dialog-input tidings-forward-dialog-search-input"
          aria-label={strings.searchConversations}
          placeholder={strings.searchConversations}
          aria-controls={matches.size > 0 ? picker.ids.listbox : undefined}
          autoComplete="off"
          {...picker.getSearchProps()}
        />
      </div>
      {matches.size === 0 ? (
        // An empty listbox is not allowed (it must own options): the note takes its place.
        <p className="tidings-forward-dialog-list tidings-forward-dialog-empty" role="status">
          {strings.noConversationsFound}
        </p>
      ) : (
        <div
          ref={listRef}
          className="tidings-forward-dialog-list"
          role="listbox"
          aria-label={strings.forwardTargets}
          aria-multiselectable="true"
          {...picker.getListboxProps()}
        >
          <div
            className="tidings-forward-dialog-sizer"
            role="presentation"
            style={{ blockSize: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const conversationID = matches.at(item.index);
              if (!conversationID) return null;
              return (
                <ForwardDialogOption
                  key={conversationID}
                  id={picker.ids.optionID(item.index)}
                  conversationID={conversationID}
                  index={item.index}
                  size={matches.size}
                  start={item.start}
                  isActive={picker.activeIndex === item.index}
                  isPicked={picker.picked.includes(conversationID)}
                  onToggle={picker.toggle}
                />
              );
            })}
          </div>
        </div>
      )}
      <div className="tidings-dialog-actions">
        <button type="button" className="tidings-dialog-button" onClick={() => onOpenChange(false)}>
          {strings.cancelSelection}
        </button>
        <button
          type="submit"
          className="tidings-dialog-button"
          data-variant="primary"
          disabled={picker.picked.length === 0 || picker.isSending}
        >
          {strings.sendToCount(picker.picked.length)}
        </button>
      </div>
    </form>
  );
}

interface ForwardDialogOptionProps {
  id: string;
  conversationID: string;
  index: number;
  size: number;
  start: number;
  isActive: boolean;
  isPicked: boolean;
  onToggle: (conversationID: string) => void;
}

const ForwardDialogOption = memo(function ForwardDialogOption({
  id,
  conversationID,
  index,
  size,
  start,
  isActive,
  isPicked,
  onToggle,
}: ForwardDialogOptionProps) {
  const conversation = useChatStoreByID(selectConversation, conversationID);
  const name = conversation?.showName || conversationID;
  return (
    <div
      id={id}
      role="option"
      className="tidings-forward-dialog-option"
      aria-selected={isPicked}
      aria-setsize={size}
      aria-posinset={index + 1}
      data-active={isActive ? '' : undefined}
      data-picked={isPicked ? '' : undefined}
      style={{ blockSize: FORWARD_ROW_HEIGHT, transform: `translateY(${start}px)` }}
      // The listbox keeps focus (aria-activedescendant); a click must not move it to the option.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onToggle(conversationID)}
    >
      <Avatar src={conversation?.faceUrl ?? ''} name={name} colorKey={conversationID} size={36} decorative />
      <span className="tidings-forward-dialog-name" dir="auto">
        {name}
      </span>
      <span className="tidings-forward-dialog-check" aria-hidden="true">
        {isPicked && <CheckIcon size={14} />}
      </span>
    </div>
  );
});
