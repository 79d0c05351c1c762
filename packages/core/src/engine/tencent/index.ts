/**
 * `@tidings/core/tencent`: a {@link ChatEngine} over the Tencent Cloud Chat web SDK (`@tencentcloud/chat`).
 * The SDK is not a dependency; apps pass their logged-in instance, which fits {@link TencentChatLike}.
 *
 * Main files: `tencent-engine.ts` and `tencent-engine-*.ts` (the calls, by concern), `tencent-mappers.ts`
 * (SDK objects to the model), `tencent-chat-like.ts` (the SDK's shape), `tencent-errors.ts`. May import
 * `engine/` and `model/`; never `store/`, `selectors/` or `testing/`.
 */
export type { ChatEngine } from '../chat-engine';
export type {
  TencentBatchResultData,
  TencentChatLike,
  TencentConversation,
  TencentConversationTypeValue,
  TencentElement,
  TencentEnumValue,
  TencentEvent,
  TencentGroup,
  TencentGroupAtInfo,
  TencentGroupMember,
  TencentGroupTypeValue,
  TencentHoppingData,
  TencentLastMessage,
  TencentMessage,
  TencentMessageListData,
  TencentMessageOptions,
  TencentPriorityValue,
  TencentProfile,
  TencentReadAllScope,
  TencentRemindTypeValue,
  TencentResponse,
  TencentSearchResultItem,
} from './tencent-chat-like';
export { TencentChatEvent, TencentChatTypes } from './tencent-chat-like';
export { createTencentEngine, type TencentEngineOptions } from './tencent-engine';
export {
  type ConversationExtras,
  type TencentMapContext,
  toConversation,
  toConversationID,
  toElem,
  toLastMessage,
  toMessage,
  toReceiveOpt,
  toSdkConversationID,
} from './tencent-mappers';
