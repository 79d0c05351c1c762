import { useChatStore, useChatStoreApi } from '@tidings/components';
import { parseConversationID, selectConversation, selectTypingUsers, type TypingUser } from '@tidings/core';
import { useEffect, useState } from 'react';
import { presentUsers } from '../world/world';

/** What the chat header shows about a conversation. */
export interface ChatHeaderInfo {
  name: string;
  faceUrl: string;
  type: 'c2c' | 'group';
  /** Members of a group, once known. */
  memberCount: number | null;
  /** Names of the people typing right now. */
  typingNames: string[];
  /** Whether the peer of a one-to-one chat is signed in in some tab of this browser. */
  isPeerOnline: boolean;
}

const NO_TYPING: readonly TypingUser[] = [];

/**
 * The header's facts about a conversation: its name and picture (from the store, or asked of the engine
 * for a chat that is not in the list yet), a group's members, who is typing, and whether the peer is
 * online. A row of the store is read narrowly: typing and this conversation only.
 */
export function useChatHeader(conversationID: string): ChatHeaderInfo {
  const { engine } = useChatStoreApi();
  const conversation = useChatStore((state) => selectConversation(state, conversationID));
  const typing = useChatStore((state) => selectTypingUsers(state, conversationID) ?? NO_TYPING);
  const parsed = parseConversationID(conversationID);
  const type = parsed?.type ?? 'c2c';
  const [fallback, setFallback] = useState<{ name: string; faceUrl: string } | null>(null);
  const [members, setMembers] = useState<Map<string, string> | null>(null);
  const [isPeerOnline, setPeerOnline] = useState(false);

  useEffect(() => {
    let alive = true;
    setFallback(null);
    setMembers(null);
    engine
      .getConversation(conversationID)
      .then((found) => alive && setFallback({ name: found.showName, faceUrl: found.faceUrl }))
      .catch(() => undefined);
    if (parsed?.type === 'group') {
      engine
        .getGroupMemberList(parsed.groupID)
        .then(
          (list) =>
            alive && setMembers(new Map(list.map((member) => [member.userID, member.nick || member.userID]))),
        )
        .catch(() => undefined);
    }
    return () => {
      alive = false;
    };
  }, [engine, conversationID, parsed?.type, parsed?.groupID]);

  useEffect(() => {
    setPeerOnline(false);
    if (parsed?.type !== 'c2c') return;
    let alive = true;
    const check = () => void presentUsers().then((users) => alive && setPeerOnline(users.has(parsed.userID)));
    check();
    const timer = setInterval(check, 3000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [parsed?.type, parsed?.userID]);

  const name =
    conversation?.showName || fallback?.name || parsed?.userID || parsed?.groupID || conversationID;
  return {
    name,
    faceUrl: conversation?.faceUrl ?? fallback?.faceUrl ?? '',
    type,
    memberCount: members?.size ?? null,
    typingNames: typing.map((user) => (type === 'c2c' ? name : (members?.get(user.userID) ?? user.userID))),
    // The header outlives a switch of chats: a group never shows the last one-to-one peer's presence.
    isPeerOnline: type === 'c2c' && isPeerOnline,
  };
}
