import type { Conversation, Message } from '../model/types';

let nextTestID = 1;

function parsePeer(conversationID: string): { type: 'c2c' | 'group'; peerID: string } {
  if (conversationID.startsWith('group_'))
    return { type: 'group', peerID: conversationID.slice('group_'.length) };
  return {
    type: 'c2c',
    peerID: conversationID.startsWith('c2c_') ? conversationID.slice('c2c_'.length) : conversationID,
  };
}

/**
 * A valid {@link Message} for tests and stories: a sent text message from `alice` in `c2c_bob`, with every
 * field filled. Fields you pass win; `conversationType`, `userID` and `groupID` follow `conversationID`
 * unless you pass them too. Each call gets a fresh `msgID` unless you pass one.
 *
 * @example
 * const message = createTestMessage({ elemList: [{ type: 'text', text: 'See you at 6' }], isSelf: false, sender: 'bob' });
 *
 * @example
 * const image = createTestMessage({
 *   conversationID: 'group_team',
 *   elemList: [{ type: 'image', uuid: 'img-1', url: '', fileSize: 2048, mimeType: 'image/png', fileName: 'a.png', width: 640, height: 480, thumbUrl: '' }],
 * });
 */
export function createTestMessage(partial: Partial<Message> = {}): Message {
  const conversationID = partial.conversationID ?? 'c2c_bob';
  const { type, peerID } = parsePeer(conversationID);
  const id = nextTestID++;
  const sender = partial.sender ?? 'alice';
  return {
    msgID: `test-msg-${id}`,
    conversationID,
    conversationType: type,
    userID: type === 'c2c' ? peerID : '',
    groupID: type === 'group' ? peerID : '',
    sender,
    nick: sender.charAt(0).toUpperCase() + sender.slice(1),
    faceUrl: '',
    isSelf: sender === 'alice',
    timestamp: 1_700_000_000_000 + id * 60_000,
    seq: id,
    random: id * 7919,
    status: 'sent',
    elemList: [{ type: 'text', text: `Test message ${id}` }],
    priority: 'normal',
    isRead: true,
    isPeerRead: false,
    isExcludedFromUnreadCount: false,
    isExcludedFromLastMessage: false,
    isOnlineOnly: false,
    targetUserIDList: [],
    atUserList: [],
    cloudCustomData: '',
    localCustomData: '',
    revoker: '',
    revokeReason: '',
    ...partial,
  };
}

/**
 * A valid {@link Conversation} for tests and stories: an activated C2C conversation with `bob`, no unread,
 * a last message, every field filled. Fields you pass win; `type`, `userID`, `groupID` and `showName`
 * follow `conversationID` unless you pass them too.
 *
 * @example
 * const pinned = createTestConversation({ conversationID: 'c2c_carol', isPinned: true, unreadCount: 3 });
 * const group = createTestConversation({ conversationID: 'group_team', showName: 'Team', groupAtInfoList: [{ seq: 4, atType: 'me' }] });
 */
export function createTestConversation(partial: Partial<Conversation> = {}): Conversation {
  const conversationID = partial.conversationID ?? 'c2c_bob';
  const { type, peerID } = parsePeer(conversationID);
  const id = nextTestID++;
  const lastMessage =
    partial.lastMessage === undefined
      ? createTestMessage({ conversationID, sender: type === 'c2c' ? peerID : 'bob', isSelf: false })
      : partial.lastMessage;
  return {
    conversationID,
    type,
    userID: type === 'c2c' ? peerID : '',
    groupID: type === 'group' ? peerID : '',
    showName: peerID.charAt(0).toUpperCase() + peerID.slice(1),
    faceUrl: '',
    orderKey: id,
    isPinned: false,
    unreadCount: 0,
    recvOpt: 'receive',
    lastMessage,
    draftText: null,
    draftTimestamp: null,
    markList: [],
    conversationGroupList: [],
    groupAtInfoList: [],
    readSeq: lastMessage?.seq ?? 0,
    customData: '',
    ...partial,
  };
}
