// Files into the composer: the attach button and its hidden file input, pasted files, and files dropped
// on the composer.
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type RefObject,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** What {@link useComposerFiles} returns. */
export interface ComposerFiles {
  /** Files are being dragged over the composer. */
  isDragging: boolean;
  /** The drop target's handlers, for the root. */
  dropProps: {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
  /** For the field: pasted files are attached. */
  onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
  getAttachButtonProps: () => { type: 'button'; disabled: boolean; onClick: () => void };
  getFileInputProps: () => {
    ref: RefObject<HTMLInputElement | null>;
    type: 'file';
    multiple: true;
    hidden: true;
    tabIndex: -1;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
}

/** Attaching files by button, paste and drop; `addFiles` checks and attaches them. */
export function useComposerFiles(
  addFiles: (files: Iterable<File>) => void,
  isDisabled: boolean,
  textareaRef: RefObject<HTMLTextAreaElement | null>,
): ComposerFiles {
  const fileInputRef = useRef<HTMLInputElement | null>(null);

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      // Office and spreadsheets put a picture of the copied text next to it: the text is what was meant.
      if (event.clipboardData.getData('text/plain') !== '') return;
      event.preventDefault();
      addFiles(files);
    },
    [addFiles],
  );

  const [isDragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; a depth count tells when the pointer really left.
  const dragDepth = useRef(0);
  const dropProps = useMemo(
    () => ({
      onDragEnter: (event: DragEvent) => {
        if (!hasFiles(event) || isDisabled) return;
        event.preventDefault();
        dragDepth.current++;
        setDragging(true);
      },
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event) || isDisabled) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: () => {
        if (dragDepth.current === 0) return;
        dragDepth.current--;
        if (dragDepth.current === 0) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        addFiles(Array.from(event.dataTransfer.files));
      },
    }),
    [addFiles, isDisabled],
  );

  const getAttachButtonProps = useCallback(
    () => ({
      type: 'button' as const,
      disabled: isDisabled,
      onClick: () => fileInputRef.current?.click(),
    }),
    [isDisabled],
  );

  const getFileInputProps = useCallback(
    () => ({
      ref: fileInputRef,
      type: 'file' as const,
      multiple: true as const,
      hidden: true as const,
      tabIndex: -1 as const,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        addFiles(Array.from(event.target.files ?? []));
        // The same file picked again next time must fire a change too.
        event.target.value = '';
        textareaRef.current?.focus();
      },
    }),
    [addFiles, textareaRef],
  );

  return { isDragging, dropProps, onPaste, getAttachButtonProps, getFileInputProps };
}
