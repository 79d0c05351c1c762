import type { Message } from '@tidings/core';
import { useChatStoreApi, useChatStrings } from '../chat-provider/index';
import { CloseIcon } from '../icons/index';

/** Props of {@link MessageUploadProgress}. */
export interface MessageUploadProgressProps {
  /** The message being sent. */
  message: Message;
  /** Upload progress 0–100; undefined while it has not started (shown as indeterminate). */
  progress: number | undefined;
}

const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * A progress ring over a media element that is uploading, with a button that cancels the upload
 * (`cancelSendingMessage`); the message then shows as failed, ready to resend.
 *
 * DOM: `div.tidings-message-upload` > `[role=progressbar]` + `button.tidings-message-upload-cancel`.
 *
 * CSS variables: `--tidings-upload-progress` (0–1) on the root.
 */
export function MessageUploadProgress({ message, progress }: MessageUploadProgressProps) {
  const strings = useChatStrings();
  const store = useChatStoreApi();
  const value = Math.max(0, Math.min(100, progress ?? 0));
  return (
    <div className="tidings-message-upload" data-indeterminate={progress === undefined ? '' : undefined}>
      <span
        className="tidings-message-upload-ring"
        role="progressbar"
        aria-label={strings.uploadProgress(value)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress === undefined ? undefined : Math.round(value)}
      >
        <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
          <circle className="tidings-message-upload-track" cx="18" cy="18" r={RADIUS} />
          <circle
            className="tidings-message-upload-value"
            cx="18"
            cy="18"
            r={RADIUS}
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - (progress === undefined ? 0.25 : value / 100))}
          />
        </svg>
      </span>
      <button
        type="button"
        className="tidings-message-upload-cancel"
        aria-label={strings.cancelUpload}
        onClick={() => {
          store
            .getState()
            .cancelSendingMessage(message.msgID)
            .catch(() => {});
        }}
      >
        <CloseIcon size={16} />
      </button>
    </div>
  );
}
