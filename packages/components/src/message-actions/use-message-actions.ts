import { type FaceElem, isForwardable, type LocationElem, type Message, type TextElem } from '@tidings/core';
import { useCallback, useMemo, useState } from 'react';
import { useChatConfig, useChatStoreApi, useProviderUrlPolicy } from '../chat-provider/index';
import {
  type MediaElem,
  mediaDownloaderOf,
  mediaFileName,
  mediaSourceOf,
  saveMediaElem,
} from '../message-content/index';

/** The actions a message can offer. */
export type MessageActionID =
  | 'reply'
  | 'copy'
  | 'forward'
  | 'select'
  | 'download'
  | 'resend'
  | 'recall'
  | 'delete';

/** One action of a message, as a menu shows it. */
export interface MessageAction {
  id: MessageActionID;
  /** The label, from the string table. */
  label: string;
  /** `danger` for what removes something. */
  variant: 'default' | 'danger';
  /** Does it. Errors go to `onError`. */
  run: () => void;
}

/** Options of {@link useMessageActions}. */
export interface UseMessageActionsOptions {
  /** Starts a reply to the message (the composer shows the quote). "Reply" is offered only when given. */
  onReply?: ((message: Message) => void) | undefined;
  /**
   * How long after sending an own message can be recalled, ms; match the service's limit.
   * @default 120_000 (two minutes, the Tencent IM default)
   */
  revokeWindowMs?: number | undefined;
  /**
   * Forwards the message (a list opens its forward dialog). "Forward" is offered only when given, for
   * messages that can be forwarded (sent, not recalled, not a group tip).
   */
  onForward?: ((message: Message) => void) | undefined;
  /** Enters the list's selection mode with this message selected. "Select" is offered only when given. */
  onSelect?: ((message: Message) => void) | undefined;
  /** An action failed (recall too late, network trouble…). @default the error is dropped */
  onError?: ((error: unknown, action: MessageActionID) => void) | undefined;
}

/** What {@link useMessageActions} returns. */
export interface UseMessageActionsReturn {
  /** The actions that apply to the message now, in menu order. */
  actions: MessageAction[];
  /** Whether "Delete" waits for the user to confirm. */
  isConfirmingDelete: boolean;
  /** Answers the delete confirmation: `true` deletes the message from this device. */
  resolveDelete: (confirmed: boolean) => void;
  /** A short message for a polite live region after an action ("Copied"), or ''. */
  announcement: string;
}

const TEXT_TYPES = new Set(['text', 'face', 'location']);

/** The text a message copies as: its text elements, faces as their text, locations as their description. */
export function copyableText(message: Message): string {
  return message.elemList
    .filter((elem): elem is TextElem | FaceElem | LocationElem => TEXT_TYPES.has(elem.type))
    .map((elem) => (elem.type === 'text' ? elem.text : elem.type === 'location' ? elem.description : ''))
    .filter(Boolean)
    .join('\n');
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and insecure origins: a hidden field and the copy command.
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  document.execCommand('copy');
  field.remove();
}

/**
 * Which actions a message offers and what they do: reply (when the app handles replies), copy (text),
 * save (pictures, voice, video, files), resend (failed), recall (own, sent, within `revokeWindowMs`),
 * delete (from this device, after a confirmation). Computed for the message as it is now.
 *
 * @example
 * const { actions } = useMessageActions(message, { onReply: startReply });
 * actions.map((action) => <MenuItem key={action.id} onSelect={action.run}>{action.label}</MenuItem>);
 */
export function useMessageActions(
  message: Message,
  options: UseMessageActionsOptions = {},
): UseMessageActionsReturn {
  const { onReply, onForward, onSelect, revokeWindowMs = 120_000, onError } = options;
  const { strings, now } = useChatConfig();
  const store = useChatStoreApi();
  const urlPolicy = useProviderUrlPolicy();
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const fail = useCallback(
    (action: MessageActionID) => (error: unknown) => {
      if (onError) onError(error, action);
    },
    [onError],
  );

  const actions = useMemo(() => {
    const list: MessageAction[] = [];
    const { status, isSelf, msgID } = message;
    if (status === 'revoked') return list;
    const isSent = status === 'sent' || status === 'imported' || status === 'local';
    if (onReply && isSent)
      list.push({ id: 'reply', label: strings.reply, variant: 'default', run: () => onReply(message) });
    const text = copyableText(message);
    if (text) {
      list.push({
        id: 'copy',
        label: strings.copy,
        variant: 'default',
        run: () => {
          setAnnouncement('');
          writeClipboard(text).then(() => setAnnouncement(strings.copied), fail('copy'));
        },
      });
    }
    if (onForward && isForwardable(message)) {
      list.push({ id: 'forward', label: strings.forward, variant: 'default', run: () => onForward(message) });
    }
    if (onSelect && isForwardable(message)) {
      list.push({ id: 'select', label: strings.select, variant: 'default', run: () => onSelect(message) });
    }
    const media = message.elemList.find(
      (elem): elem is MediaElem =>
        elem.type === 'image' || elem.type === 'sound' || elem.type === 'video' || elem.type === 'file',
    );
    // A URL the policy refuses is not offered for saving at all.
    if (
      media &&
      status !== 'sending' &&
      status !== 'failed' &&
      mediaSourceOf(media, 'file', 'download', urlPolicy).kind !== 'blocked'
    ) {
      list.push({
        id: 'download',
        label: strings.download,
        variant: 'default',
        run: () => {
          saveMediaElem(mediaDownloaderOf(store), media, mediaFileName(media), { urlPolicy }).catch(
            fail('download'),
          );
        },
      });
    }
    if (status === 'failed') {
      list.push({
        id: 'resend',
        label: strings.resend,
        variant: 'default',
        run: () => {
          store.getState().resendMessage(msgID).catch(fail('resend'));
        },
      });
    }
    if (isSelf && status === 'sent' && now() - message.timestamp < revokeWindowMs) {
      list.push({
        id: 'recall',
        label: strings.recall,
        variant: 'default',
        run: () => {
          store.getState().revokeMessage(msgID).catch(fail('recall'));
        },
      });
    }
    if (status !== 'sending') {
      list.push({
        id: 'delete',
        label: strings.delete,
        variant: 'danger',
        run: () => setConfirmingDelete(true),
      });
    }
    return list;
  }, [message, onReply, onForward, onSelect, strings, store, now, revokeWindowMs, fail, urlPolicy]);

  const resolveDelete = useCallback(
    (confirmed: boolean) => {
      setConfirmingDelete(false);
      if (confirmed) store.getState().deleteMessages([message.msgID]).catch(fail('delete'));
    },
    [store, message.msgID, fail],
  );

  return { actions, isConfirmingDelete, resolveDelete, announcement };
}
