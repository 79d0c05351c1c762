// The composer's notices: what it tells the user above the field (a failed send, a file too large), per
// conversation.
import { useCallback, useMemo, useState } from 'react';
import type { ComposerNotice } from './use-composer';

let nextNoticeID = 0;

/** What {@link useComposerNotices} returns. */
export interface ComposerNotices {
  /** Notices of the current conversation, oldest first. */
  notices: readonly ComposerNotice[];
  /** Adds a notice to a conversation (keeping the newest few). */
  notify: (conversationID: string, text: string) => void;
  /** Removes a conversation's notices. */
  clearNotices: (conversationID: string) => void;
  /** Removes one notice. */
  dismissNotice: (id: string) => void;
}

/** Notices per conversation; the current conversation's are shown. */
export function useComposerNotices(conversationID: string | null): ComposerNotices {
  const [allNotices, setAllNotices] = useState<readonly (ComposerNotice & { conversationID: string })[]>([]);
  const notify = useCallback((id: string, text: string) => {
    // The newest few are enough; older ones have been read or no longer matter.
    setAllNotices((current) => [
      ...current.slice(-4),
      { id: `notice-${++nextNoticeID}`, conversationID: id, text },
    ]);
  }, []);
  const clearNotices = useCallback(
    (id: string) =>
      setAllNotices((current) =>
        current.some((notice) => notice.conversationID === id)
          ? current.filter((notice) => notice.conversationID !== id)
          : current,
      ),
    [],
  );
  const dismissNotice = useCallback(
    (id: string) => setAllNotices((current) => current.filter((notice) => notice.id !== id)),
    [],
  );
  const notices = useMemo(
    () => allNotices.filter((notice) => notice.conversationID === conversationID),
    [allNotices, conversationID],
  );
  return { notices, notify, clearNotices, dismissNotice };
}
