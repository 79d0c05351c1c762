import { type ChatState, formatMessagePreview, selectMessage } from '@tidings/core';
import { useCallback } from 'react';
import { useChatConfig, useChatStore } from '../chat-provider/index';
import { CheckIcon, CloseIcon, ForwardIcon, TrashIcon } from '../icons/index';

/** Props of {@link MessageListSelectionBar}. */
export interface MessageListSelectionBarProps {
  /** How many messages are selected. */
  count: number;
  /** Forwards the selection one by one or merged; no forward buttons when not given. */
  onForward?: ((mode: 'oneByOne' | 'merged') => void) | undefined;
  /** Asks to delete the selection. */
  onDelete: () => void;
  /** Leaves selection mode. */
  onCancel: () => void;
}

/**
 * The bar of a message list's selection mode: the count (a polite live region, so screen readers hear it
 * change) and the actions — forward one by one, forward as chat history, delete, cancel. The actions are
 * disabled while nothing is selected.
 *
 * DOM: `div.tidings-message-list-selection-bar[role=group]` > `span.tidings-message-list-selection-count
 * [role=status]` + `button.tidings-message-list-selection-action` ×4 (delete with `data-variant="danger"`).
 */
export function MessageListSelectionBar({
  count,
  onForward,
  onDelete,
  onCancel,
}: MessageListSelectionBarProps) {
  const { strings } = useChatConfig();
  const isEmpty = count === 0;
  return (
    <div className="tidings-message-list-selection-bar" role="group" aria-label={strings.selectionBar}>
      <span className="tidings-message-list-selection-count" role="status">
        {strings.selectedCount(count)}
      </span>
      <div className="tidings-message-list-selection-actions">
        {onForward && (
          <>
            <button
              type="button"
              className="tidings-message-list-selection-action"
              disabled={isEmpty}
              onClick={() => onForward('oneByOne')}
            >
              <ForwardIcon size={18} />
              <span>{strings.forwardOneByOne}</span>
            </button>
            <button
              type="button"
              className="tidings-message-list-selection-action"
              disabled={isEmpty}
              onClick={() => onForward('merged')}
            >
              <ForwardIcon size={18} />
              <span>{strings.forwardMerged}</span>
            </button>
          </>
        )}
        <button
          type="button"
          className="tidings-message-list-selection-action"
          data-variant="danger"
          disabled={isEmpty}
          onClick={onDelete}
        >
          <TrashIcon size={18} />
          <span>{strings.delete}</span>
        </button>
        <button type="button" className="tidings-message-list-selection-action" onClick={onCancel}>
          <CloseIcon size={18} />
          <span>{strings.cancelSelection}</span>
        </button>
      </div>
    </div>
  );
}

/** Props of {@link MessageListSelectionCheck}. */
export interface MessageListSelectionCheckProps {
  msgID: string;
  isSelected: boolean;
  /** Toggles the message (Shift extends from the last one toggled). */
  onToggle: (msgID: string, options: { range: boolean }) => void;
}

/**
 * The checkbox beside a message in selection mode, named after the message ("Select message from Bob:
 * see you"). It is not in the tab order: the keyboard toggles the focused message with Space.
 *
 * DOM: `span.tidings-message-list-check[role=checkbox][aria-checked]`.
 */
export function MessageListSelectionCheck({ msgID, isSelected, onToggle }: MessageListSelectionCheckProps) {
  const { strings } = useChatConfig();
  const label = useChatStore(
    useCallback(
      (state: ChatState) => {
        const message = selectMessage(state, msgID);
        if (!message) return '';
        const name = message.isSelf
          ? strings.you
          : message.nick || state.users.get(message.sender)?.nick || message.sender;
        return `${name}: ${formatMessagePreview(message, { strings, isGroup: false, selfUserID: state.userID })}`;
      },
      [msgID, strings],
    ),
  );
  return (
    <span
      role="checkbox"
      tabIndex={-1}
      className="tidings-message-list-check"
      aria-checked={isSelected}
      aria-label={strings.selectMessage(label)}
      onClick={(event) => {
        event.stopPropagation();
        onToggle(msgID, { range: event.shiftKey });
      }}
      onKeyDown={(event) => {
        if (event.key === ' ' || event.key === 'Enter') {
          event.preventDefault();
          onToggle(msgID, { range: event.shiftKey });
        }
      }}
    >
      {isSelected && <CheckIcon size={14} />}
    </span>
  );
}
