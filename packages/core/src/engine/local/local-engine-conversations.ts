import { matchesConversationFilter } from '../../model/conversation-filter';
import type {
  Conversation,
  ConversationGroup,
  ConversationListResult,
  ConversationMarkType,
  OperationResult,
} from '../../model/types';
import type { ConversationListFilterQuery } from '../chat-engine';
import { ConversationPager, type PagerSource } from '../engine-conversation-pager';
import {
  assertBoolean,
  assertConversationID,
  assertInteger,
  assertMarkType,
  assertOptionalBoolean,
  assertOptions,
  assertString,
  invalidParameter,
} from '../engine-validation';
import type { ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { assertConversationIDList, assertListFilter } from './local-engine-validation';

/**
 * @internal The conversation calls of a local engine: paging the list (from the mirror, with a
 * {@link ConversationPager}), single conversations, and the changes the hub makes (delete, pin, draft,
 * marks, custom data, conversation groups), which come back as records applied to the mirror.
 */
export class LocalEngineConversations {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;
  readonly #pager: ConversationPager;
  readonly #source: PagerSource;

  constructor(session: LocalEngineSession, mirror: ConversationMirror) {
    this.#session = session;
    this.#mirror = mirror;
    this.#pager = new ConversationPager(session.options.maxPageSessions ?? 16, session.random);
    this.#source = {
      order: () => mirror.order,
      get: (id) => mirror.get(id)?.conversation,
    };
  }

  getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#session.call('getConversationList', async () => {
      const method = 'getConversationList';
      assertInteger(method, 'nextSeq', nextSeq, 0, Number.MAX_SAFE_INTEGER);
      assertInteger(method, 'count', count, 1, Number.MAX_SAFE_INTEGER);
      // A cold start answers the first page from the conversations it has read, when they fill it.
      const loading = this.#session.mirrorLoading;
      if (loading && (nextSeq !== 0 || !this.#firstPageHeld(count))) await loading;
      return this.#pager.page(this.#source, {}, nextSeq, count);
    });
  }

  /** Whether the mirror holds `count` listed, unhidden conversations (the first page of the whole list). */
  #firstPageHeld(count: number): boolean {
    let held = 0;
    for (const id of this.#mirror.order) {
      const conversation = this.#mirror.get(id)?.conversation;
      if (conversation && matchesConversationFilter(conversation, {})) held++;
      if (held >= count) return true;
    }
    return false;
  }

  getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    return this.#session.call('getConversationListByFilter', () => {
      const method = 'getConversationListByFilter';
      const options = assertOptions(method, query, 'filter');
      if (query === undefined) throw invalidParameter(method, 'filter', 'an object');
      assertInteger(method, 'filter.nextSeq', options.nextSeq, 0, Number.MAX_SAFE_INTEGER);
      assertInteger(method, 'filter.count', options.count, 1, 100);
      const filter = assertListFilter(method, options);
      return this.#pager.page(this.#source, filter, options.nextSeq as number, options.count as number);
    });
  }

  getConversation(conversationID: string): Promise<Conversation> {
    return this.#session.call('getConversation', async () => {
      assertConversationID('getConversation', conversationID);
      const entry = this.#mirror.get(conversationID);
      // Offline, what this device knows is the answer (a conversation it only holds local messages of).
      if (entry && (entry.state.rev > 0 || !this.#session.link.online)) return entry.conversation;
      const state = await this.#session.request('getConversation', { conversationID });
      if (state.rev > 0) this.#mirror.applyAndEmit([state]);
      return this.#mirror.get(conversationID)?.conversation ?? this.#mirror.build(state);
    });
  }

  getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    return this.#session.call('getConversationListByIDs', () => {
      const ids = assertConversationIDList('getConversationListByIDs', conversationIDList);
      return ids.flatMap((id) => {
        const conversation = this.#mirror.get(id)?.conversation;
        return conversation && conversation.orderKey > 0 ? [conversation] : [];
      });
    });
  }

  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    return this.#session.call('deleteConversation', async () => {
      const method = 'deleteConversation';
      assertConversationID(method, conversationID);
      const opts = assertOptions(method, options);
      const clearMessages = assertOptionalBoolean(method, 'options.clearMessages', opts.clearMessages, true);
      const result = await this.#session.request('deleteConversation', { conversationID, clearMessages });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    return this.#session.call('pinConversation', async () => {
      assertConversationID('pinConversation', conversationID);
      assertBoolean('pinConversation', 'isPinned', isPinned);
      const result = await this.#session.request('pinConversation', { conversationID, isPinned });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    return this.#session.call('setConversationDraft', async () => {
      assertConversationID('setConversationDraft', conversationID);
      if (draftText !== null && typeof draftText !== 'string') {
        throw invalidParameter('setConversationDraft', 'draftText', 'a string or null', draftText);
      }
      const result = await this.#session.request('setDraft', { conversationID, draftText });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    return this.#session.call('markConversation', async () => {
      const method = 'markConversation';
      const ids = assertConversationIDList(method, conversationIDList);
      assertMarkType(method, markType);
      assertBoolean(method, 'enable', enable);
      const result = await this.#session.request('markConversation', {
        conversationIDList: ids,
        markType,
        enable,
      });
      this.#mirror.applyAndEmit(result.conversations);
      return result.results;
    });
  }

  setConversationCustomData(conversationIDList: string[], customData: string): Promise<OperationResult[]> {
    return this.#session.call('setConversationCustomData', async () => {
      const method = 'setConversationCustomData';
      const ids = assertConversationIDList(method, conversationIDList);
      assertString(method, 'customData', customData);
      const result = await this.#session.request('setCustomData', { conversationIDList: ids, customData });
      this.#mirror.applyAndEmit(result.conversations);
      return result.results;
    });
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#session.call('createConversationGroup', async () => {
      const method = 'createConversationGroup';
      assertString(method, 'groupName', groupName, { nonEmpty: true });
      const ids = assertConversationIDList(method, conversationIDList, true);
      const result = await this.#session.request('createConversationGroup', {
        groupName,
        conversationIDList: ids,
      });
      this.#mirror.applyAndEmit(result.conversations, result.groups);
      return result.results;
    });
  }

  getConversationGroupList(): Promise<ConversationGroup[]> {
    return this.#session.call('getConversationGroupList', () =>
      this.#mirror.groups.map((group) => ({
        name: group.name,
        conversationIDList: [...group.conversationIDList],
      })),
    );
  }

  renameConversationGroup(oldName: string, newName: string): Promise<void> {
    return this.#session.call('renameConversationGroup', async () => {
      assertString('renameConversationGroup', 'oldName', oldName, { nonEmpty: true });
      assertString('renameConversationGroup', 'newName', newName, { nonEmpty: true });
      const result = await this.#session.request('renameConversationGroup', { oldName, newName });
      this.#mirror.applyAndEmit(result.conversations, result.groups);
    });
  }

  deleteConversationGroup(groupName: string): Promise<void> {
    return this.#session.call('deleteConversationGroup', async () => {
      assertString('deleteConversationGroup', 'groupName', groupName, { nonEmpty: true });
      const result = await this.#session.request('deleteConversationGroup', { groupName });
      this.#mirror.applyAndEmit(result.conversations, result.groups);
    });
  }

  addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#changeGroup('addConversationsToGroup', groupName, conversationIDList);
  }

  deleteConversationsFromGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#changeGroup('deleteConversationsFromGroup', groupName, conversationIDList);
  }

  #changeGroup(
    method: 'addConversationsToGroup' | 'deleteConversationsFromGroup',
    groupName: string,
    conversationIDList: string[],
  ): Promise<OperationResult[]> {
    return this.#session.call(method, async () => {
      assertString(method, 'groupName', groupName, { nonEmpty: true });
      const ids = assertConversationIDList(method, conversationIDList);
      const result = await this.#session.request(method, { groupName, conversationIDList: ids });
      this.#mirror.applyAndEmit(result.conversations, result.groups);
      return result.results;
    });
  }
}
