import { type FileElem, formatFileSize } from '@tidings/core';
import { type CSSProperties, useState } from 'react';
import { useChatConfig, useProviderUrlPolicy } from '../chat-provider/index';
import { DownloadIcon, FileIcon } from '../icons/index';
import type { MessageElemProps } from './message-content-context';
import { mediaSourceOf, saveMediaElem } from './message-content-media';
import { MessageUploadProgress } from './message-content-upload';
import { useMediaDownloader, useSendProgress } from './use-message-content';

/** The tail of a file name kept whole when the name is cut: its extension and a few letters before it. */
const TAIL = /.{0,6}\.[^.\s]{1,8}$/u;

/**
 * A file name that keeps its end when it does not fit: "Quarterly report f….pdf", not "Quarterly
 * rep…". The head shrinks with an ellipsis; the tail (extension and a few letters) always shows. The
 * name keeps its own direction. Markup: `span` (the given class, `data-split` when cut in two) >
 * `span.tidings-file-name-head` + `span.tidings-file-name-tail`.
 */
export function FileName({ name, id, className }: { name: string; id?: string; className?: string }) {
  const tail = name.length > 16 ? (TAIL.exec(name)?.[0] ?? '') : '';
  if (!tail) {
    return (
      <span id={id} className={className} title={name} dir="auto">
        {name}
      </span>
    );
  }
  return (
    <span id={id} className={className} title={name} dir="auto" data-split="">
      <span className="tidings-file-name-head">{name.slice(0, name.length - tail.length)}</span>
      <span className="tidings-file-name-tail">{tail}</span>
    </span>
  );
}

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
  const downloader = useMediaDownloader();
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
        <FileName className="tidings-message-file-name" name={name} />
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
            saveMediaElem(downloader, elem, name, { urlPolicy })
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
