import { useCallback, useState } from 'react';
import { useChatConfig, useChatStoreApi } from '../chat-provider/index';
import { ConfirmDialog } from '../dialog/index';
import { ForwardDialog, type ForwardResult } from '../forward-dialog/index';
import type { MessageActionID } from '../message-actions/index';
import type { UseMessageListSelectionReturn } from './message-list-selection';
import { MessageListSelectionBar } from './message-list-selection-bar';

/** Props of `MessageList` for selecting, forwarding and deleting many. */
export interface MessageListSelectionOptions {
  /**
   * Whether a message's actions offer "Select" (selection mode: forward or delete many at once).
   * @default true
   */
  selectable?: boolean;
  /**
   * Whether a message's actions and the selection bar offer forwarding.
   * @default true
   */
  forwardable?: boolean;
  /**
   * Whether deleting the selection also deletes it from the server's roaming history (other devices),
   * in calls of at most 30 messages.
   * @default false (this device only)
   */
  deleteFromServer?: boolean;
  /** Messages were forwarded (each target shows them as sending, then sent or failed). */
  onForwarded?: (result: ForwardResult) => void;
}

/** Props of {@link MessageListSelectionLayer}. */
export interface MessageListSelectionLayerProps
  extends Pick<MessageListSelectionOptions, 'forwardable' | 'deleteFromServer' | 'onForwarded'> {
  selection: UseMessageListSelectionReturn;
  /** What the forward dialog forwards; null while it is closed. */
  forwarding: { msgIDs: string[]; mode: 'oneByOne' | 'merged' } | null;
  onForwardingChange: (forwarding: { msgIDs: string[]; mode: 'oneByOne' | 'merged' } | null) => void;
  /** A delete or forward failed. */
  onActionError?: ((error: unknown, action: MessageActionID) => void) | undefined;
}

/**
 * What a message list shows for selection mode and forwarding: the selection bar, the forward dialog
 * (for one message or the selection) and the confirmation before deleting the selection (deleted in
 * chunks of at most 30 IDs by the store). After a forward or a delete the list leaves selection mode.
 */
export function MessageListSelectionLayer({
  selection,
  forwarding,
  onForwardingChange,
  forwardable = true,
  deleteFromServer = false,
  onForwarded,
  onActionError,
}: MessageListSelectionLayerProps) {
  const { strings } = useChatConfig();
  const store = useChatStoreApi();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { selectedIDs, stop } = selection;
  const count = selectedIDs.length;

  const forwardSelection = useCallback(
    (mode: 'oneByOne' | 'merged') => onForwardingChange({ msgIDs: [...selectedIDs], mode }),
    [onForwardingChange, selectedIDs],
  );
  const deleteSelection = useCallback(() => {
    const ids = [...selectedIDs];
    stop();
    store
      .getState()
      .deleteMessages(ids, { fromServer: deleteFromServer })
      .catch((error: unknown) => onActionError?.(error, 'delete'));
  }, [deleteFromServer, onActionError, selectedIDs, stop, store]);
  const onDone = useCallback(
    (result: ForwardResult) => {
      // Only the selection bar forwards while selecting (messages have no actions menu then).
      if (selection.isSelecting) stop();
      onForwarded?.(result);
    },
    [selection.isSelecting, onForwarded, stop],
  );

  return (
    <>
      {selection.isSelecting && (
        <MessageListSelectionBar
          count={count}
          onForward={forwardable ? forwardSelection : undefined}
          onDelete={() => setConfirmingDelete(true)}
          onCancel={stop}
        />
      )}
      <ConfirmDialog
        open={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        title={strings.deleteSelectedConfirm(count)}
        confirmLabel={strings.delete}
        destructive
        onConfirm={deleteSelection}
      />
      {forwarding && (
        <ForwardDialog
          open
          onOpenChange={(open) => {
            if (!open) onForwardingChange(null);
          }}
          msgIDs={forwarding.msgIDs}
          mode={forwarding.mode}
          onForwarded={onDone}
          onError={(error) => onActionError?.(error, 'forward')}
        />
      )}
    </>
  );
}
