import { Avatar, UnreadBadge, useChatConfig, useChatStore, useChatStoreApi } from '@tidings/components';
import {
  formatConversationPreview,
  formatConversationTime,
  isMuted,
  selectConversation,
  selectConversationIDs,
} from '@tidings/core';

/** Stand-in for the kit's ConversationList until it lands: the first 200 conversations as buttons. */
export function InboxList({ label }: { label: string }) {
  const ids = useChatStore((state) => selectConversationIDs(state));
  return (
    <ul className="demo-temp-list" aria-label={label}>
      {ids.slice(0, 200).map((id) => (
        <Row key={id} id={id} />
      ))}
    </ul>
  );
}

function Row({ id }: { id: string }) {
  const conversation = useChatStore((state) => selectConversation(state, id));
  const active = useChatStore((state) => state.activeConversationID === id);
  const { strings, locale, now } = useChatConfig();
  const api = useChatStoreApi();
  if (!conversation) return null;
  return (
    <li>
      <button
        type="button"
        className="demo-temp-row"
        aria-current={active || undefined}
        onClick={() => void api.getState().openConversation(id)}
      >
        <Avatar src={conversation.faceUrl} name={conversation.showName} colorKey={id} decorative />
        <span className="demo-temp-row-text">
          <strong>{conversation.showName}</strong>
          <span>{formatConversationPreview(conversation, { strings })}</span>
        </span>
        <span className="demo-temp-row-meta">
          <span>
            {formatConversationTime(
              conversation.lastMessage?.timestamp ?? conversation.draftTimestamp ?? 0,
              now(),
              locale,
            )}
          </span>
          <UnreadBadge count={conversation.unreadCount} muted={isMuted(conversation)} />
        </span>
      </button>
    </li>
  );
}
