import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK, Message } from '@tencentcloud/chat';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  TencentChatEvent,
  TencentChatLike,
  TencentChatTypes,
  TencentConversationTypeValue,
  TencentGroupTypeValue,
  TencentMessage,
  TencentPriorityValue,
  TencentReadAllScope,
  TencentRemindTypeValue,
} from './tencent-chat-like';
import type { TencentEngineOptions } from './tencent-engine';
import type { toMessageRemindType, toSdkPriority } from './tencent-mappers';

/**
 * The adapter's calls checked against the real `@tencentcloud/chat` declarations (`index.d.ts` of 3.6.6).
 * This file is checked by `tsc` (the package's typecheck); its one runtime test only names it in reports.
 *
 * {@link SdkOverlay} is the one place that says where the `.d.ts` is wrong and the runtime right:
 * - `TYPES` is declared as an enum, so the string values the SDK itself hands out (`'C2C'`, `'Normal'`,
 *   `'Discard'`, `'readAllMessage'`, `'Private'`) are not assignable to it; the overlay accepts an enum
 *   member's value as well as the member (`${TYPES.X}` is exactly that value, so a wrong string still fails).
 * - `getMessageListHopping` takes `count` at run time (default and maximum 15: `(count === undefined ||
 *   count > 15) && (count = 15)` in 3.6.6), which `GET_MESSAGE_LIST_HOPPING_OPTIONS` lacks.
 * - `downloadMergerMessage` takes the merged `Message` (the runtime reads `message.payload.downloadKey`),
 *   not the `MESSAGE_OPTIONS` of the `.d.ts`.
 * - `CONV_MARK_TYPE_FOLD` / `CONV_MARK_TYPE_HIDE` are 3 / 4 in the `.d.ts` but 4 / 8 at run time; the
 *   adapter passes numbers, and `tencent-real-sdk.test.ts` pins the run-time values.
 */

type Types = TencentCloudChat.TYPES;

/** An option type with every `TYPES`-typed field also accepting that member's value. */
type WithTypeValues<T> = T extends Types
  ? T | `${T}`
  : T extends (...args: never[]) => unknown
    ? T
    : T extends readonly (infer U)[]
      ? WithTypeValues<U>[]
      : T extends object
        ? { [K in keyof T]: WithTypeValues<T[K]> }
        : T;

type HoppingOptions = Parameters<ChatSDK['getMessageListHopping']>[0];

/** Where the `.d.ts` is wrong and the runtime right (see above). */
interface SdkOverlay {
  getMessageListHopping(options: WithTypeValues<HoppingOptions> & { count?: number }): Promise<unknown>;
  downloadMergerMessage(message: Message): Promise<unknown>;
}

type AdapterMethod = Exclude<keyof TencentChatLike, 'on' | 'off'>;

/** The real SDK as the adapter calls it: its declarations, `TYPES` values accepted, the overlay applied. */
type RealSdk = {
  [M in AdapterMethod]: M extends keyof SdkOverlay
    ? SdkOverlay[M]
    : ChatSDK[M] extends (...args: infer A) => infer R
      ? (...args: { [I in keyof A]: WithTypeValues<A[I]> }) => R
      : never;
};

/**
 * Every call shape the adapter makes, with the argument types it passes (its own literal types, the
 * return types of its mapping helpers). Never run: `tsc` checks each call against {@link RealSdk}.
 */
function replayAdapterCalls(sdk: RealSdk, message: Message, draft: TencentMessage): void {
  const c2c: TencentConversationTypeValue = 'C2C';
  const group: TencentConversationTypeValue = 'GROUP';
  const priority: ReturnType<typeof toSdkPriority> = 'Normal';
  const remind: ReturnType<typeof toMessageRemindType> = 'Discard';
  const scope: TencentReadAllScope = 'readAllMessage';
  const groupType: NonNullable<TencentEngineOptions['groupType']> = 'Private';
  const target = { to: 'bob', conversationType: c2c, priority, cloudCustomData: '{}' };
  const onProgress = (fraction: number) => fraction;

  void sdk.isReady();
  void sdk.getServerTime();
  void sdk.logout();
  void sdk.getConversationList();
  void sdk.getConversationList(['C2Cbob']);
  void sdk.getConversationList({ type: group, markType: 1, groupName: 'work', hasUnreadCount: true });
  void sdk.getConversationList({ hasGroupAtInfo: true });
  void sdk.getConversationProfile('C2Cbob');
  void sdk.deleteConversation({ conversationIDList: ['C2Cbob'], clearHistoryMessage: true });
  void sdk.pinConversation({ conversationID: 'C2Cbob', isPinned: true });
  void sdk.setConversationDraft({ conversationID: 'C2Cbob', draftText: '' });
  void sdk.markConversation({ conversationIDList: ['C2Cbob'], markType: 8, enableMark: false });
  void sdk.setConversationCustomData({ conversationIDList: ['C2Cbob'], customData: '' });
  void sdk.getConversationGroupList();
  void sdk.createConversationGroup({ conversationIDList: ['C2Cbob'], groupName: 'work' });
  void sdk.deleteConversationGroup('work');
  void sdk.renameConversationGroup({ oldName: 'work', newName: 'job' });
  void sdk.addConversationsToGroup({ conversationIDList: ['C2Cbob'], groupName: 'work' });
  void sdk.deleteConversationsFromGroup({ conversationIDList: ['C2Cbob'], groupName: 'work' });
  void sdk.setMessageRead({ conversationID: 'C2Cbob' });
  void sdk.setAllMessageRead({ scope });
  void sdk.setMessageRemindType({ groupID: 'team', messageRemindType: remind });
  void sdk.setMessageRemindType({ userIDList: ['bob'], messageRemindType: remind });
  void sdk.createTextMessage({ ...target, payload: { text: 'hi' }, onProgress });
  void sdk.createTextAtMessage({
    to: 'team',
    conversationType: group,
    payload: { text: '@bob hi', atUserList: ['bob'] },
    receiverList: ['bob'],
  });
  void sdk.createCustomMessage({ ...target, payload: { data: '', description: '', extension: '' } });
  void sdk.createImageMessage({ ...target, payload: { file: new Blob() }, onProgress });
  void sdk.createVideoMessage({ ...target, payload: { file: new Blob() }, onProgress });
  void sdk.createFileMessage({ ...target, payload: { file: new Blob() }, onProgress });
  void sdk.createLocationMessage({ ...target, payload: { description: '', longitude: 0, latitude: 0 } });
  void sdk.createFaceMessage({ ...target, payload: { index: 1, data: 'smile' } });
  void sdk.createMergerMessage({
    ...target,
    payload: { messageList: [message], title: '', abstractList: [], compatibleText: '' },
  });
  void sdk.createForwardMessage({ ...target, payload: message });
  void sdk.sendMessage(message, { onlineUserOnly: true });
  void sdk.resendMessage(message);
  void sdk.revokeMessage(message);
  void sdk.deleteMessage([message]);
  void sdk.clearHistoryMessage('C2Cbob');
  void sdk.getMessageList({ conversationID: 'C2Cbob', nextReqMessageID: 'id' });
  void sdk.getMessageListHopping({ conversationID: 'GROUPteam', sequence: 10, direction: 0, count: 15 });
  void sdk.getMessageListHopping({ conversationID: 'C2Cbob', time: 1_700_000_000, direction: 1, count: 1 });
  const found: Message | null = sdk.findMessage('id');
  void found;
  void sdk.downloadMergerMessage(message);
  void sdk.searchCloudMessages({
    keywordList: ['apple'],
    keywordListMatchType: 'or',
    senderUserIDList: ['bob'],
    messageTypeList: ['TIMTextElem'],
    conversationID: 'C2Cbob',
    timePosition: 1_700_000_000,
    timePeriod: 3600,
    count: 20,
    cursor: '',
  });
  void sdk.getUserProfile({ userIDList: ['bob'] });
  void sdk.getGroupProfile({ groupID: 'team' });
  void sdk.getGroupList();
  void sdk.getGroupMemberList({ groupID: 'team', count: 100, offset: 0 });
  void sdk.createGroup({
    type: groupType,
    name: 'Team',
    groupID: 'team',
    avatar: '',
    memberList: [{ userID: 'bob' }],
  });
  void draft;
}
void replayAdapterCalls;

describe('Tencent adapter types against the real SDK declarations', () => {
  it('passes a real ChatSDK where the adapter takes a TencentChatLike', () => {
    expectTypeOf<ChatSDK>().toExtend<TencentChatLike>();
    expectTypeOf<Message>().toExtend<TencentMessage>();
  });

  it('uses the SDK enum values for every TYPES and EVENT value it names', () => {
    expectTypeOf<
      (typeof TencentChatTypes)['CONV_C2C']
    >().toEqualTypeOf<`${typeof TencentCloudChat.TYPES.CONV_C2C}`>();
    expectTypeOf<TencentConversationTypeValue>().toExtend<`${Types}`>();
    expectTypeOf<TencentPriorityValue>().toExtend<`${Types}`>();
    expectTypeOf<TencentRemindTypeValue>().toExtend<`${Types}`>();
    expectTypeOf<TencentReadAllScope>().toExtend<`${Types}`>();
    expectTypeOf<TencentGroupTypeValue>().toExtend<`${Types}`>();
    expectTypeOf<(typeof TencentChatTypes)[keyof typeof TencentChatTypes]>().toExtend<`${Types}`>();
    expectTypeOf<
      (typeof TencentChatEvent)[keyof typeof TencentChatEvent]
    >().toExtend<`${TencentCloudChat.EVENT}`>();
  });
});
