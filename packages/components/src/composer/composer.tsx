import { formatFileSize, formatMessagePreview, type Message, selectUser } from '@tidings/core';
import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { type ChatConfig, useChatConfig } from '../chat-provider/index';
import type { Face } from '../face-picker/index';
import { FacePicker } from '../face-picker/index';
import { AlertIcon, AttachIcon, CloseIcon, ReplyIcon, SendIcon, SmileIcon } from '../icons/index';
import { useChatStoreByID, useEventCallback } from '../internal/index';
import { ComposerAttachments } from './composer-attachments';
import { useComposerMention } from './composer-mention';
import { ComposerMentionPicker } from './composer-mention-picker';
import { type UseComposerOptions, type UseComposerReturn, useComposer } from './use-composer';

/** Props of {@link Composer}. */
export interface ComposerProps
  extends UseComposerOptions,
    Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  /**
   * Says why the composer is disabled (shown in the field and given to screen readers), e.g. "You were
   * removed from this group".
   * @default strings.composerDisabled, or strings.noConversationSelected when no conversation is open
   */
  disabledReason?: string | undefined;
  /**
   * Placeholder of the field.
   * @default strings.composerPlaceholder
   */
  placeholder?: string | undefined;
  /**
   * Accessible name of the field.
   * @default strings.composerLabel
   */
  label?: string | undefined;
  /**
   * The faces the face picker offers.
   * @default DEFAULT_FACES
   */
  faces?: readonly Face[] | undefined;
  /** File types the attach button offers, as the file input's `accept`, e.g. `"image/*,video/*"`. */
  accept?: string | undefined;
  /**
   * Whether typing `@` in a group opens the member picker and sends mentions (`atUserList`).
   * @default true
   */
  mentions?: boolean | undefined;
}

/**
 * Where the user writes: an auto-growing field (up to about six lines) with the attach and face buttons at
 * its start and send at its end (disabled while there is nothing to send). Attachments wait above the
 * field as thumbnails and chips, with progress rings while they upload; notices (a failed send, a file too
 * large) show above it. See {@link useComposer} for the behaviour: drafts per conversation, Enter to send
 * without ever sending an IME composition, paste and drop, the typing status, limits.
 *
 * Accessibility: the field is a textarea named `label` and described by the keyboard hint (or the reason
 * it is disabled) and, near the limit, by the length counter (`aria-invalid` over it). Notices are a
 * `role="alert"` region. The face button (`aria-haspopup="grid"`, `aria-expanded`) opens the picker with
 * focus on its first face; Escape or picking closes it.
 *
 * DOM: `form.tidings-composer` > `div.tidings-composer-notices`, `div.tidings-composer-box` (>
 * `ul.tidings-composer-attachments`, `div.tidings-composer-row` > buttons and `textarea.tidings-composer-input`),
 * `p.tidings-composer-limit`, `div.tidings-composer-popover`, `div.tidings-composer-drop`.
 *
 * Data attributes on the root: `data-disabled` (writing is disabled), `data-dragging` (files are dragged
 * over it), `data-has-attachments`, `data-replying` (a reply is being written: `replyTo`, with its quote in
 * `.tidings-composer-reply`). `data-over-limit` on `.tidings-composer-limit`.
 *
 * CSS variables: `--tidings-composer-max-lines` (how far the field grows before it scrolls, default 6),
 * `--tidings-composer-radius` (the field's corners), `--tidings-composer-button-size` (default 40 px).
 *
 * @example
 * <ChatProvider store={store}>
 *   <MessageList />
 *   <Composer onSend={({ message }) => analytics.track('sent', message.elemList[0]?.type)} />
 * </ChatProvider>
 */
export const Composer = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  {
    conversationID,
    sendKey,
    disabled,
    draftDelayMs,
    typingStatus,
    typingIntervalMs,
    maxTextBytes,
    maxFileBytes,
    maxImageBytes,
    faceAction,
    replyTo,
    onReplyToChange,
    onSend,
    onSendError,
    disabledReason,
    placeholder,
    label,
    faces,
    accept,
    mentions = true,
    className,
    ...rest
  },
  ref,
) {
  const { strings, locale } = useChatConfig();
  // The mention state needs the composer's text, and the composer asks it for atUserList on send.
  // (`mention` is made below; the composer calls this only when it sends, after the render.)
  const getAtUserList = useEventCallback((text: string) => mention.atUserListOf(text));
  const composer = useComposer({
    getAtUserList,
    conversationID,
    sendKey,
    disabled,
    draftDelayMs,
    typingStatus,
    typingIntervalMs,
    maxTextBytes,
    maxFileBytes,
    maxImageBytes,
    faceAction,
    replyTo,
    onReplyToChange,
    onSend,
    onSendError,
  });
  const mention = useComposerMention({
    conversationID: composer.conversationID,
    text: composer.text,
    setText: composer.setText,
    textareaRef: composer.textareaRef,
    enabled: mentions && !composer.isDisabled,
  });
  const {
    attachments,
    notices,
    ids,
    isDisabled,
    isNearLimit,
    isOverLimit,
    isDragging,
    isFacePickerOpen,
    shortcuts,
  } = composer;
  const { reason, describedBy } = describeField(composer, strings, disabledReason);

  return (
    <form
      ref={ref}
      className={clsx('tidings-composer', className)}
      data-disabled={isDisabled ? '' : undefined}
      data-dragging={isDragging ? '' : undefined}
      data-has-attachments={attachments.length > 0 ? '' : undefined}
      data-replying={composer.reply ? '' : undefined}
      noValidate
      {...rest}
      {...composer.getRootProps()}
    >
      <div className="tidings-composer-notices" role="alert">
        {notices.map((notice) => composerNotice(notice, strings.dismiss, composer.dismissNotice))}
      </div>

      <div className="tidings-composer-box">
        {composer.reply && (
          <ComposerReply id={ids.reply} message={composer.reply} onCancel={composer.cancelReply} />
        )}
        {attachments.length > 0 && (
          <ComposerAttachments attachments={attachments} onRemove={composer.removeAttachment} />
        )}
        <div className="tidings-composer-row">
          <button
            className="tidings-composer-button"
            aria-label={strings.attach}
            title={strings.attach}
            {...composer.getAttachButtonProps()}
          >
            <AttachIcon />
          </button>
          <input {...composer.getFileInputProps()} accept={accept} />
          <button
            className="tidings-composer-button"
            aria-label={strings.emoji}
            title={strings.emoji}
            {...composer.getFaceButtonProps()}
          >
            <SmileIcon />
          </button>
          <textarea
            className="tidings-composer-input"
            // A message takes the direction of its own first letters (Arabic in an English UI, and back);
            // the empty field keeps the page's, so its placeholder sits at the start.
            dir={composer.text ? 'auto' : undefined}
            aria-label={label ?? strings.composerLabel}
            aria-describedby={describedBy}
            placeholder={reason ?? placeholder ?? strings.composerPlaceholder}
            {...mention.getTextareaProps(composer.getTextareaProps())}
          />
          <button
            className="tidings-composer-send"
            aria-label={strings.send}
            title={strings.send}
            {...composer.getSendButtonProps()}
          >
            <SendIcon />
          </button>
        </div>
      </div>

      <p id={ids.hint} className="tidings-composer-hint">
        {reason ?? strings.composerHint(shortcuts.send, shortcuts.newLine)}
      </p>
      {isNearLimit &&
        !isDisabled &&
        composerLimit(ids.limit, isOverLimit, strings, [
          formatFileSize(composer.textBytes, locale),
          formatFileSize(composer.maxTextBytes, locale),
        ])}

      <ComposerMentionPicker mention={mention} />
      {isFacePickerOpen && (
        <div className="tidings-composer-popover" {...composer.getFacePopoverProps()}>
          <FacePicker onSelect={composer.pickFace} autoFocus {...(faces && { faces })} />
        </div>
      )}
      {isDragging && (
        <div className="tidings-composer-drop" aria-hidden="true">
          {strings.dropFilesHere}
        </div>
      )}
    </form>
  );
});

/** Why the field is disabled (or null), and the IDs of what describes it: the reply, the hint, the limit. */
function describeField(
  composer: Pick<UseComposerReturn, 'ids' | 'isDisabled' | 'isNearLimit' | 'conversationID' | 'reply'>,
  strings: ChatConfig['strings'],
  disabledReason: string | undefined,
): { reason: string | null; describedBy: string } {
  const { ids, isDisabled, isNearLimit } = composer;
  const reason = isDisabled
    ? (disabledReason ??
      (composer.conversationID ? strings.composerDisabled : strings.noConversationSelected))
    : null;
  const describedBy = [composer.reply && ids.reply, ids.hint, isNearLimit && !isDisabled && ids.limit]
    .filter(Boolean)
    .join(' ');
  return { reason, describedBy };
}

/** How much of the size limit the text uses, shown near the limit; over it, an error too. */
function composerLimit(
  id: string,
  isOverLimit: boolean,
  strings: ChatConfig['strings'],
  [used, max]: [string, string],
) {
  return (
    <p id={id} className="tidings-composer-limit" data-over-limit={isOverLimit ? '' : undefined}>
      {isOverLimit && <span className="tidings-composer-limit-error">{strings.messageTooLong} </span>}
      <span className="tidings-composer-limit-count" dir="auto">
        {strings.textLimit(used, max)}
      </span>
    </p>
  );
}

/** A notice above the field (a file too large, a send that failed), with a button that dismisses it. */
function composerNotice(
  notice: { id: string; text: string },
  dismissLabel: string,
  onDismiss: (id: string) => void,
) {
  return (
    <p key={notice.id} className="tidings-composer-notice">
      <AlertIcon size={16} />
      <span className="tidings-composer-notice-text">{notice.text}</span>
      <button
        type="button"
        className="tidings-composer-notice-dismiss"
        aria-label={dismissLabel}
        onClick={() => onDismiss(notice.id)}
      >
        <CloseIcon size={14} />
      </button>
    </p>
  );
}

/** The quote of the message being replied to, above the field, with a button that stops replying. */
function ComposerReply({ id, message, onCancel }: { id: string; message: Message; onCancel: () => void }) {
  const { strings } = useChatConfig();
  const nick = useChatStoreByID(selectUser, message.sender)?.nick;
  const name = message.isSelf ? strings.youObject : message.nick || nick || message.sender;
  return (
    <div className="tidings-composer-reply">
      <ReplyIcon size={16} />
      <p id={id} className="tidings-composer-reply-text">
        <span className="tidings-composer-reply-title">{strings.replyingTo(name)}</span>{' '}
        <span className="tidings-composer-reply-preview" dir="auto">
          {formatMessagePreview(message, { strings })}
        </span>
      </p>
      <button
        type="button"
        className="tidings-composer-reply-cancel"
        aria-label={strings.cancelReply}
        title={strings.cancelReply}
        onClick={onCancel}
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
