import { formatFileSize } from '@tidings/core';
import { type CSSProperties, memo, useId } from 'react';
import { useChatConfig } from '../chat-provider/index';
import { CloseIcon, FileIcon, PlayIcon } from '../icons/index';
import { FileName } from '../message-content/index';
import type { ComposerAttachment } from './use-composer-attachments';

/** Props of {@link ComposerAttachments}. */
export interface ComposerAttachmentsProps {
  attachments: readonly ComposerAttachment[];
  /** Removes a waiting attachment or cancels one being sent. */
  onRemove: (id: string) => void;
}

/**
 * The attachments above the composer's field: images as thumbnails, other files as chips with name and
 * size; while one is sent a progress ring (`role="progressbar"`, named by the file) shows its upload and
 * its button cancels it.
 *
 * DOM: `ul.tidings-composer-attachments` > `li.tidings-composer-attachment` with
 * `data-kind="image|video|file"` and `data-state="ready|preparing|uploading"`.
 */
export const ComposerAttachments = memo(function ComposerAttachments({
  attachments,
  onRemove,
}: ComposerAttachmentsProps) {
  const { strings } = useChatConfig();
  return (
    // An explicit role: Safari drops the list semantics of a list styled without markers.
    <ul role="list" className="tidings-composer-attachments" aria-label={strings.attachments}>
      {attachments.map((attachment) => (
        <ComposerAttachmentItem key={attachment.id} attachment={attachment} onRemove={onRemove} />
      ))}
    </ul>
  );
});

function ComposerAttachmentItem({
  attachment,
  onRemove,
}: {
  attachment: ComposerAttachment;
  onRemove: (id: string) => void;
}) {
  const { strings, locale } = useChatConfig();
  const { id, name, size, kind, previewURL, status, progress } = attachment;
  const nameID = useId();
  const actionID = useId();
  const isSending = status !== 'ready';
  return (
    <li className="tidings-composer-attachment" data-kind={kind} data-state={status}>
      <span className="tidings-composer-attachment-preview">
        {previewURL ? (
          <img className="tidings-composer-attachment-image" src={previewURL} alt="" draggable={false} />
        ) : kind === 'video' ? (
          <PlayIcon />
        ) : (
          <FileIcon />
        )}
        {isSending && (
          <span
            className="tidings-composer-progress"
            role="progressbar"
            aria-labelledby={nameID}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(status === 'uploading' && {
              'aria-valuenow': progress,
              'aria-valuetext': strings.uploadProgress(progress),
            })}
            style={{ '--tidings-composer-progress': progress } as CSSProperties}
          >
            <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
              <circle className="tidings-composer-progress-track" cx="18" cy="18" r="15" pathLength={100} />
              <circle
                className="tidings-composer-progress-value"
                cx="18"
                cy="18"
                r="15"
                pathLength={100}
                strokeDasharray={status === 'uploading' ? `${progress} 100` : '25 100'}
              />
            </svg>
          </span>
        )}
      </span>
      <span className="tidings-composer-attachment-text">
        <FileName id={nameID} className="tidings-composer-attachment-name" name={name} />
        <span className="tidings-composer-attachment-meta" dir="auto">
          {status === 'uploading' ? `${progress}%` : formatFileSize(size, locale)}
        </span>
      </span>
      <button
        type="button"
        className="tidings-composer-attachment-remove"
        aria-labelledby={isSending ? `${actionID} ${nameID}` : undefined}
        aria-label={isSending ? undefined : strings.removeAttachment(name)}
        onClick={() => onRemove(id)}
      >
        {isSending && (
          <span id={actionID} hidden>
            {strings.cancelUpload}
          </span>
        )}
        <CloseIcon size={14} />
      </button>
    </li>
  );
}
