import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type {
  Conversation,
  ConversationFilter,
  ConversationGroup,
  ConversationListResult,
  ConversationMarkType,
  OperationResult,
} from '../../model/types';
import type { ConversationListFilterQuery } from '../chat-engine';
import { ConversationPager } from '../engine-conversation-pager';
import {
  assertBoolean,
  assertConversationID,
  assertIDList,
  assertInteger,
  assertMarkType,
  assertOptions,
  assertString,
  invalidParameter,
} from '../engine-validation';
import type { TencentBatchResultData } from './tencent-chat-like';
import type { TencentEngineList } from './tencent-engine-list';
import type { TencentEngineSession } from './tencent-engine-session';
import { callTencent, chatErrorCodeOf } from './tencent-errors';
import { toConversation, toSdkConversationID } from './tencent-mappers';
import { assertFilter } from './tencent-validation';

/**
 * @internal The conversation calls of a Tencent engine: paging the list (from the engine's copy, with a
 * {@link ConversationPager}), single conversations, and the SDK calls that change conversations and
 * conversation groups (the SDK's list update then brings the change to the copy).
 */
export class TencentEngineConversations {
  readonly #session: TencentEngineSession;
  readonly #list: TencentEngineList;
  readonly #pager: ConversationPager;

  constructor(session: TencentEngineSession, list: TencentEngineList, maxPageSessions: number) {
    this.#session = session;
    this.#list = list;
    this.#pager = new ConversationPager(maxPageSessions);
  }

  async getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#page('getConversationList', {}, nextSeq, count);
  }

  async getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    const method = 'getConversationListByFilter';
    const raw = assertOptions(method, query, 'query');
    const filter = assertFilter(method, raw, 'query', ['nextSeq', 'count']);
    return this.#page(method, filter, raw.nextSeq, raw.count);
  }

  async #page(
    method: string,
    filter: ConversationFilter,
    nextSeq: unknown,
    count: unknown,
  ): Promise<ConversationListResult> {
    this.#session.guard(method);
    const seq = assertInteger(method, 'nextSeq', nextSeq, 0, Number.MAX_SAFE_INTEGER);
    const size = assertInteger(method, 'count', count, 1, 100);
    await this.#list.ensureList(method);
    return this.#pager.page(this.#list, filter, seq, size);
  }

  async getConversation(conversationID: string): Promise<Conversation> {
    const method = 'getConversation';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    await this.#list.ensureList(method);
    const listed = this.#list.get(conversationID);
    if (listed) return listed;
    const data = await callTencent(method, () =>
      this.#session.chat.getConversationProfile(toSdkConversationID(conversationID)),
    );
    const conversation = data?.conversation
      ? toConversation(data.conversation, { orderKey: 0, draftTimestamp: null }, this.#session.ctx)
      : null;
    if (!conversation) {
      throw new ChatError(
        ChatErrorCode.ConversationNotFound,
        `${method}: no conversation "${conversationID}".`,
        {
          method,
          conversationID,
        },
      );
    }
    return conversation;
  }

  async getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    const method = 'getConversationListByIDs';
    this.#session.guard(method);
    const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100);
    for (const id of ids) assertConversationID(method, id, 'conversationIDList');
    await this.#list.ensureList(method);
    return ids.map((id) => this.#list.get(id)).filter((item): item is Conversation => item !== undefined);
  }

  async deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    const method = 'deleteConversation';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    const opts = assertOptions(method, options);
    const clearMessages =
      opts.clearMessages === undefined
        ? true
        : assertBoolean(method, 'options.clearMessages', opts.clearMessages);
    await callTencent(method, () =>
      this.#session.chat.deleteConversation({
        conversationIDList: [toSdkConversationID(conversationID)],
        clearHistoryMessage: clearMessages,
      }),
    );
    this.#list.removeConversations([conversationID]);
  }

  async pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    const method = 'pinConversation';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    const pinned = assertBoolean(method, 'isPinned', isPinned);
    await callTencent(method, () =>
      this.#session.chat.pinConversation({
        conversationID: toSdkConversationID(conversationID),
        isPinned: pinned,
      }),
    );
  }

  async setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    const method = 'setConversationDraft';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    const text = draftText === null ? '' : assertString(method, 'draftText', draftText);
    await callTencent(method, () =>
      this.#session.chat.setConversationDraft({
        conversationID: toSdkConversationID(conversationID),
        draftText: text,
      }),
    );
  }

  async markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    const method = 'markConversation';
    this.#session.guard(method);
    const ids = this.#conversationIDs(method, conversationIDList);
    const bit = assertMarkType(method, markType);
    const enableMark = assertBoolean(method, 'enable', enable);
    const sdkIDs = ids.map(toSdkConversationID);
    const data = await callTencent(method, () =>
      this.#session.chat.markConversation({ conversationIDList: sdkIDs, markType: bit, enableMark }),
    );
    return batchResults(ids, sdkIDs, data);
  }

  async setConversationCustomData(
    conversationIDList: string[],
    customData: string,
  ): Promise<OperationResult[]> {
    const method = 'setConversationCustomData';
    this.#session.guard(method);
    const ids = this.#conversationIDs(method, conversationIDList);
    const data = assertString(method, 'customData', customData);
    const sdkIDs = ids.map(toSdkConversationID);
    const result = await callTencent(method, () =>
      this.#session.chat.setConversationCustomData({ conversationIDList: sdkIDs, customData: data }),
    );
    return batchResults(ids, sdkIDs, result);
  }

  #conversationIDs(method: string, value: unknown, allowEmpty = false): string[] {
    const ids = assertIDList(method, 'conversationIDList', value, 100, { allowEmpty });
    for (const id of ids) assertConversationID(method, id, 'conversationIDList');
    return ids;
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  async #requireGroup(method: string, groupName: unknown, name = 'groupName'): Promise<string> {
    const group = assertString(method, name, groupName, { nonEmpty: true });
    if (!(await this.#list.groupNamesNow(method)).includes(group)) {
      throw invalidParameter(method, name, 'the name of an existing conversation group', group);
    }
    return group;
  }

  #groupExists(method: string, groupName: string): ChatError {
    return new ChatError(
      ChatErrorCode.AlreadyExists,
      `${method}: a conversation group named "${groupName}" exists.`,
      {
        method,
        groupName,
      },
    );
  }

  async createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    const method = 'createConversationGroup';
    this.#session.guard(method);
    const name = assertString(method, 'groupName', groupName, { nonEmpty: true });
    // A new group's first contents may be empty (the one exception to the ID-list rule, as in the local engine).
    const ids = this.#conversationIDs(method, conversationIDList, true);
    if ((await this.#list.groupNamesNow(method)).includes(name)) throw this.#groupExists(method, name);
    const sdkIDs = ids.map(toSdkConversationID);
    const data = await callTencent(method, () =>
      this.#session.chat.createConversationGroup({ groupName: name, conversationIDList: sdkIDs }),
    );
    return batchResults(ids, sdkIDs, data);
  }

  async getConversationGroupList(): Promise<ConversationGroup[]> {
    const method = 'getConversationGroupList';
    this.#session.guard(method);
    const names = await this.#list.groupNamesNow(method);
    await this.#list.ensureList(method);
    return names.map((name) => ({
      name,
      conversationIDList: this.#list.inGroup(name).map((conversation) => conversation.conversationID),
    }));
  }

  async renameConversationGroup(oldName: string, newName: string): Promise<void> {
    const method = 'renameConversationGroup';
    this.#session.guard(method);
    const from = await this.#requireGroup(method, oldName, 'oldName');
    const to = assertString(method, 'newName', newName, { nonEmpty: true });
    if (from === to) return;
    if ((this.#list.groupNames ?? []).includes(to)) throw this.#groupExists(method, to);
    await callTencent(method, () =>
      this.#session.chat.renameConversationGroup({ oldName: from, newName: to }),
    );
  }

  async deleteConversationGroup(groupName: string): Promise<void> {
    const method = 'deleteConversationGroup';
    this.#session.guard(method);
    const name = await this.#requireGroup(method, groupName);
    await callTencent(method, () => this.#session.chat.deleteConversationGroup(name));
  }

  async addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#changeGroup('addConversationsToGroup', groupName, conversationIDList, true);
  }

  async deleteConversationsFromGroup(
    groupName: string,
    conversationIDList: string[],
  ): Promise<OperationResult[]> {
    return this.#changeGroup('deleteConversationsFromGroup', groupName, conversationIDList, false);
  }

  async #changeGroup(
    method: string,
    groupName: unknown,
    conversationIDList: unknown,
    add: boolean,
  ): Promise<OperationResult[]> {
    this.#session.guard(method);
    assertString(method, 'groupName', groupName, { nonEmpty: true });
    const ids = this.#conversationIDs(method, conversationIDList);
    const name = await this.#requireGroup(method, groupName);
    const sdkIDs = ids.map(toSdkConversationID);
    const options = { groupName: name, conversationIDList: sdkIDs };
    const data = await callTencent(method, () =>
      add
        ? this.#session.chat.addConversationsToGroup(options)
        : this.#session.chat.deleteConversationsFromGroup(options),
    );
    return batchResults(ids, sdkIDs, data);
  }
}

/** Per-conversation results of a batch call, in the order asked. */
function batchResults(
  ids: readonly string[],
  sdkIDs: readonly string[],
  data: TencentBatchResultData | undefined,
) {
  const failures = new Map(
    (data?.failureConversationIDList ?? []).map((failure) => [failure.conversationID, failure]),
  );
  return ids.map((id, index): OperationResult => {
    const failure = failures.get(sdkIDs[index] as string);
    return failure
      ? { id, resultCode: chatErrorCodeOf(failure.code), resultInfo: failure.message ?? '' }
      : { id, resultCode: 0, resultInfo: '' };
  });
}
