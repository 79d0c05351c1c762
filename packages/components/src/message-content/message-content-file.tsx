import { type FileElem, formatFileSize } from '@tidings/core';
import { type CSSProperties, useState } from 'react';
import { useChatConfig, useChatEngine, useProviderUrlPolicy } from '../chat-provider/index';
import { DownloadIcon, FileIcon } from '../icons/index';
import type { MessageElemProps } from './message-content-context';
import { mediaSourceOf, saveMediaElem } from './message-content-media';
import { MessageUploadProgress } from './message-content-upload';
import { useSendProgress } from './use-message-content';

/**
 * A file: an icon with its extension, the name (middle-truncated by CSS where it is long), the size, and
 * a download button; while it uploads, a progress bar and a cancel button.
 *
 * DOM: `div.tidings-message-file[role=group]` > icon + `span.tidings-message-file-name` +
 * `span.tidings-message-file-size` + `button` (download) or the upload progress.
 *
 * A file whose URL the URL policy refuses (a `javascript:` or `data:` URL, a host the app does not allow)
 * says so, and its download button is disabled: nothing is ever opened or saved from such a URL.
 *
 * Data attributes: `data-uploading` while uploading; `data-downloading` while saving; `data-blocked` when
 * the URL policy refuses its URL.
 *
 * CSS variables: `--tidings-upload-progress` (0–1) while uploading.
 */
export function MessageFile({ elem, message }: MessageElemProps<FileElem>) {
  const { strings, locale } = useChatConfig();
  const engine = useChatEngine();
  const urlPolicy = useProviderUrlPolicy();
  const isBlocked = mediaSourceOf(elem, 'file', 'download', urlPolicy).kind === 'blocked';
  const progress = useSendProgress(message);
  const [isDownloading, setDownloading] = useState(false);
  const size = formatFileSize(elem.fileSize, locale);
  const name = elem.fileName || elem.uuid;
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toUpperCase() ?? '';
  const isUploading = message.status === 'sending';

  return (
    <div
      className="tidings-message-file"
      role="group"
      aria-label={strings.file(name, size)}
      data-uploading={isUploading ? '' : undefined}
      data-downloading={isDownloading ? '' : undefined}
      data-blocked={isBlocked ? '' : undefined}
      style={
        isUploading ? ({ '--tidings-upload-progress': (progress ?? 0) / 100 } as CSSProperties) : undefined
      }
    >
      <span className="tidings-message-file-icon" aria-hidden="true">
        <FileIcon size={22} />
        {extension && <span className="tidings-message-file-extension">{extension}</span>}
      </span>
      <span className="tidings-message-file-text">
        <span className="tidings-message-file-name" title={name} dir="auto">
          {name}
        </span>
        <span className="tidings-message-file-size" dir="auto">
          {size}
        </span>
        {isBlocked && <span className="tidings-message-blocked-text">{strings.mediaBlocked}</span>}
      </span>
      {isUploading ? (
        <MessageUploadProgress message={message} progress={progress} />
      ) : (
        <button
          type="button"
          className="tidings-message-file-download"
          aria-label={`${strings.download} ${name}`}
          aria-busy={isDownloading || undefined}
          disabled={message.status === 'failed' || isBlocked}
          onClick={() => {
            setDownloading(true);
            saveMediaElem(engine, elem, name, { urlPolicy })
              .catch(() => {})
              .finally(() => setDownloading(false));
          }}
        >
          <DownloadIcon size={18} />
        </button>
      )}
    </div>
  );
}
