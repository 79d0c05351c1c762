import { type ChatError, ChatErrorCode, formatFileSize, isChatError, type Message } from '@tidings/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useChatConfig, useChatStoreApi } from '../chat-provider/index';
import { useLatest } from '../internal/index';
import {
  attachmentKindOf,
  type ComposerAttachmentKind,
  type ComposerFileLimits,
  fileLimitOf,
} from './composer-limits';

/**
 * Where an attachment stands: `ready` (waiting for Send), `preparing` (its message is being made: an
 * image measured, a video's snapshot drawn) or `uploading` (with `progress`). Sent, cancelled and failed
 * attachments leave the list; a failure is reported through `onNotice` and stays in the message list as
 * a failed message, ready to resend.
 */
export type ComposerAttachmentStatus = 'ready' | 'preparing' | 'uploading';

/** A file attached in the composer. */
export interface ComposerAttachment {
  /** Unique within the composer. */
  id: string;
  file: File;
  /** The file's name, or a generic one for pasted images without a name. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** How it is sent. */
  kind: ComposerAttachmentKind;
  /** An object URL for an image's thumbnail; revoked when the attachment leaves. */
  previewURL: string | null;
  status: ComposerAttachmentStatus;
  /** Upload progress, 0–100. */
  progress: number;
}

/** Options of {@link useComposerAttachments}. */
export interface UseComposerAttachmentsOptions {
  /** The conversation whose attachments are shown and sent. Each conversation keeps its own. */
  conversationID: string | null;
  /** Size limits checked before anything is uploaded. */
  limits: ComposerFileLimits;
  /** Tells the user something about attachments (a file too large, a failed upload). */
  onNotice: (conversationID: string, text: string) => void;
  /** Called with each attachment's sent message. */
  onSent?: ((conversationID: string, message: Message) => void) | undefined;
  /** Called when an attachment could not be sent (not when it was cancelled). */
  onFailed?: ((conversationID: string, error: ChatError) => void) | undefined;
}

/** What {@link useComposerAttachments} returns. */
export interface UseComposerAttachmentsReturn {
  /** The current conversation's attachments, in the order they were added. */
  attachments: readonly ComposerAttachment[];
  /** Attaches files to the current conversation, leaving out (with a notice) those over the size limit. */
  add: (files: Iterable<File>) => void;
  /** Removes an attachment that waits, or cancels one being sent. */
  remove: (id: string) => void;
  /** Sends every waiting attachment of the current conversation, each as its own message; returns how many. */
  sendAll: () => number;
}

type Lists = Readonly<Record<string, readonly ComposerAttachment[]>>;

let nextID = 0;

/** A file's name, or one made up from its kind and MIME subtype (a pasted picture has none). */
function attachmentNameOf(file: File, kind: ComposerAttachmentKind): string {
  return file.name || `${kind === 'image' ? 'image' : 'file'}.${file.type.split('/')[1] ?? 'bin'}`;
}

/** A file accepted for sending: ready, with a preview URL when it is a picture. */
function newAttachment(file: File, kind: ComposerAttachmentKind, name: string): ComposerAttachment {
  return {
    id: `attachment-${++nextID}`,
    file,
    name,
    size: file.size,
    kind,
    previewURL:
      kind === 'image' && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null,
    status: 'ready',
    progress: 0,
  };
}

/**
 * The attachments side of a composer: files attached by button, paste or drop are checked against the
 * size limits before upload, shown with thumbnails, sent one message each with their own progress (one
 * failing never holds up the others), and cancellable while they upload.
 *
 * @example
 * const { attachments, add, remove, sendAll } = useComposerAttachments({ conversationID, limits, onNotice });
 */
export function useComposerAttachments({
  conversationID,
  limits,
  onNotice,
  onSent,
  onFailed,
}: UseComposerAttachmentsOptions): UseComposerAttachmentsReturn {
  const store = useChatStoreApi();
  const { strings, locale } = useChatConfig();
  const [lists, setLists] = useState<Lists>({});
  const listsRef = useRef<Lists>(lists);
  const cancelled = useRef(new Set<string>());
  // msgIDs of attachments being sent, by attachment ID, for cancelling.
  const messageOf = useRef(new Map<string, string>());
  const mounted = useRef(true);
  // The latest callbacks, so sends that outlive a render report to the current ones.
  const callbacks = useLatest({ onNotice, onSent, onFailed, strings });

  const update = useCallback((change: (current: Lists) => Lists) => {
    const next = change(listsRef.current);
    if (next === listsRef.current) return;
    listsRef.current = next;
    if (mounted.current) setLists(next);
  }, []);

  const patch = useCallback(
    (id: string, conversation: string, change: Partial<ComposerAttachment>) =>
      update((current) => {
        const list = current[conversation];
        if (!list?.some((item) => item.id === id)) return current;
        return {
          ...current,
          [conversation]: list.map((item) => (item.id === id ? { ...item, ...change } : item)),
        };
      }),
    [update],
  );

  const drop = useCallback(
    (id: string, conversation: string) => {
      cancelled.current.delete(id);
      update((current) => {
        const list = current[conversation];
        const item = list?.find((candidate) => candidate.id === id);
        if (!list || !item) return current;
        if (item.previewURL) URL.revokeObjectURL(item.previewURL);
        return { ...current, [conversation]: list.filter((candidate) => candidate !== item) };
      });
    },
    [update],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      for (const list of Object.values(listsRef.current)) {
        for (const item of list) if (item.previewURL) URL.revokeObjectURL(item.previewURL);
      }
    };
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      if (!conversationID) return;
      const id = conversationID;
      const accepted: ComposerAttachment[] = [];
      for (const file of files) {
        const kind = attachmentKindOf(file);
        const limit = fileLimitOf(kind, limits);
        const name = attachmentNameOf(file, kind);
        if (file.size > limit) {
          callbacks.current.onNotice(id, strings.fileTooLarge(name, formatFileSize(limit, locale)));
          continue;
        }
        accepted.push(newAttachment(file, kind, name));
      }
      if (accepted.length > 0)
        update((current) => ({ ...current, [id]: [...(current[id] ?? []), ...accepted] }));
    },
    [conversationID, limits, locale, strings, update],
  );

  const sendOne = useCallback(
    async (conversation: string, item: ComposerAttachment) => {
      patch(item.id, conversation, { status: 'preparing', progress: 0 });
      let msgID: string | null = null;
      try {
        let shown = 0;
        // The store picks the message kind by MIME type, as `item.kind` did (one rule, attachmentKindOf).
        const [result] = await store.getState().sendFiles(conversation, [item.file], {
          onCreated: (_file, message) => {
            if (cancelled.current.has(item.id)) return false;
            msgID = message.msgID;
            messageOf.current.set(item.id, msgID);
            patch(item.id, conversation, { status: 'uploading' });
            return true;
          },
          onProgress: (_file, progress) => {
            // Whole percents are enough for a ring; finer steps would only re-render.
            const rounded = Math.floor(progress);
            if (rounded === shown) return;
            shown = rounded;
            patch(item.id, conversation, { progress: rounded });
          },
        });
        if (!result || result.status === 'rejected') throw result?.reason;
        const sent = result.value;
        drop(item.id, conversation);
        callbacks.current.onSent?.(conversation, sent);
      } catch (error) {
        drop(item.id, conversation);
        if (isChatError(error, ChatErrorCode.SendCancelled)) {
          // The user took it back: it should not linger in the history as a failed message.
          if (msgID)
            void store
              .getState()
              .deleteMessages([msgID])
              .catch(() => undefined);
          return;
        }
        const code = isChatError(error) ? error.code : 'UNKNOWN';
        const { strings: current } = callbacks.current;
        callbacks.current.onNotice(
          conversation,
          current.attachmentFailed(item.name, current.sendError(code)),
        );
        if (isChatError(error)) callbacks.current.onFailed?.(conversation, error);
      } finally {
        messageOf.current.delete(item.id);
      }
    },
    [drop, patch, store],
  );

  const remove = useCallback(
    (id: string) => {
      for (const [conversation, list] of Object.entries(listsRef.current)) {
        const item = list.find((candidate) => candidate.id === id);
        if (!item) continue;
        if (item.status === 'ready') return drop(id, conversation);
        cancelled.current.add(id);
        const msgID = messageOf.current.get(id);
        // While it uploads the engine cancels it (the send then rejects with SEND_CANCELLED); once the
        // upload is done the message is on its way and can no longer be taken back.
        if (msgID)
          void store
            .getState()
            .cancelSendingMessage(msgID)
            .catch(() => undefined);
        return;
      }
    },
    [drop, store],
  );

  const sendAll = useCallback(() => {
    if (!conversationID) return 0;
    const ready = (listsRef.current[conversationID] ?? []).filter((item) => item.status === 'ready');
    for (const item of ready) void sendOne(conversationID, item);
    return ready.length;
  }, [conversationID, sendOne]);

  const attachments = (conversationID && lists[conversationID]) || EMPTY;
  return { attachments, add, remove, sendAll };
}

const EMPTY: readonly ComposerAttachment[] = [];
