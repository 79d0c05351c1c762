import type { ConversationOrder } from '../../model/conversation-order';
import type { Conversation, UnreadFilter } from '../../model/types';
import { ConversationMarkType } from '../../model/types';
import type { TencentConversation } from './tencent-chat-like';
import { TencentConversationList } from './tencent-conversation-list';
import { emit, type TencentEngineSession } from './tencent-engine-session';
import { callTencent } from './tencent-errors';

/**
 * @internal A Tencent engine's copy of the SDK's conversation list and conversation group names, loaded on
 * first use and kept up to date from the SDK's events, with what listeners hear when they change: new,
 * changed and deleted conversations, unread totals (overall and per subscribed filter), group events.
 */
export class TencentEngineList {
  readonly #session: TencentEngineSession;
  readonly #list: TencentConversationList;
  /** Whether a whole list has come from the SDK. */
  loaded = false;
  #version = 0;
  #loading: Promise<void> | null = null;
  readonly unreadSubscriptions = new Map<string, { filter: UnreadFilter; total: number }>();
  #total: number | null = null;
  /** The conversation group names last heard of, or null before the first. */
  groupNames: string[] | null = null;

  constructor(session: TencentEngineSession) {
    this.#session = session;
    this.#list = new TencentConversationList(session.ctx, () => session.now());
  }

  get(conversationID: string): Conversation | undefined {
    return this.#list.get(conversationID);
  }

  /** Every conversation in list order. */
  order(): ConversationOrder {
    return this.#list.order();
  }

  /** Σ unreadCount over the conversations that count towards `filter`. */
  unreadTotal(filter?: UnreadFilter): number {
    return this.#list.unreadTotal(filter);
  }

  /** Takes a list from the SDK; with `notify`, tells listeners what changed. */
  applyList(list: readonly TencentConversation[], partial: boolean, notify: boolean): void {
    const diff = this.#list.apply(list, partial);
    this.#version++;
    if (!partial) this.loaded = true;
    if (notify) {
      if (diff.added.length > 0) emit(this.#session.conversationListeners, 'onNewConversation', diff.added);
      if (diff.changed.length > 0)
        emit(this.#session.conversationListeners, 'onConversationChanged', diff.changed);
      if (diff.deleted.length > 0)
        emit(this.#session.conversationListeners, 'onConversationDeleted', diff.deleted);
      this.emitUnread();
    } else {
      this.#total ??= this.#list.unreadTotal();
    }
    if (diff.activatedHidden.length > 0 && !this.#session.keepHidden) {
      // A new message shows a hidden conversation again; the SDK's list update then clears the mark here too.
      this.#session.chat
        .markConversation({
          conversationIDList: diff.activatedHidden,
          markType: ConversationMarkType.hide,
          enableMark: false,
        })
        ?.catch?.((error: unknown) =>
          console.error('Tencent engine: could not show a hidden conversation.', error),
        );
    }
  }

  /**
   * Drops conversations the SDK deleted, telling listeners. For an SDK with partial list updates, which
   * never carry a deleted conversation; after a whole-list update it finds nothing left to drop.
   */
  removeConversations(conversationIDs: readonly string[]): void {
    const deleted = this.#list.remove(conversationIDs);
    if (deleted.length === 0) return;
    this.#version++;
    emit(this.#session.conversationListeners, 'onConversationDeleted', deleted);
    this.emitUnread();
  }

  /** Fires the total and each subscribed filter's total when it changed. */
  emitUnread(): void {
    if (!this.loaded) return;
    const total = this.#list.unreadTotal();
    if (total !== this.#total) {
      this.#total = total;
      emit(this.#session.conversationListeners, 'onTotalUnreadMessageCountChanged', total);
    }
    for (const subscription of this.unreadSubscriptions.values()) {
      const filterTotal = this.#list.unreadTotal(subscription.filter);
      if (filterTotal === subscription.total) continue;
      subscription.total = filterTotal;
      emit(
        this.#session.conversationListeners,
        'onUnreadMessageCountChangedByFilter',
        { ...subscription.filter },
        filterTotal,
      );
    }
  }

  /** Takes the SDK's group names, telling listeners which were created, deleted or renamed. */
  applyGroupNames(names: string[]): void {
    const before = this.groupNames;
    this.groupNames = [...names];
    if (!before) return;
    const added = names.filter((name) => !before.includes(name));
    const removed = before.filter((name) => !names.includes(name));
    if (added.length === 1 && removed.length === 1) {
      emit(
        this.#session.conversationListeners,
        'onConversationGroupNameChanged',
        removed[0] as string,
        added[0] as string,
      );
      return;
    }
    for (const name of removed) emit(this.#session.conversationListeners, 'onConversationGroupDeleted', name);
    for (const name of added)
      emit(this.#session.conversationListeners, 'onConversationGroupCreated', name, this.inGroup(name));
  }

  /** The conversations in a conversation group, in list order. */
  inGroup(name: string): Conversation[] {
    return [...this.#list.order()]
      .map((id) => this.#list.get(id) as Conversation)
      .filter((conversation) => conversation.conversationGroupList.includes(name));
  }

  /** Fetches the SDK's whole list; with `notify` (after a sync) listeners hear what changed. */
  async loadList(method: string, notify: boolean): Promise<void> {
    const version = this.#version;
    const data = await callTencent(method, () => this.#session.chat.getConversationList());
    // A list update that came while fetching is at least as new as what the fetch returned.
    if (this.#version !== version || this.#session.loggedOut) return;
    this.applyList(Array.isArray(data.conversationList) ? data.conversationList : [], false, notify);
  }

  /** Loads the SDK's list once, before the first call that reads it (concurrent callers share the load). */
  async ensureList(method: string): Promise<void> {
    if (this.loaded) return;
    this.#loading ??= this.loadList(method, false).finally(() => {
      this.#loading = null;
    });
    await this.#loading;
  }

  /** Asks the SDK for the conversation group names, keeping them. */
  async groupNamesNow(method: string): Promise<string[]> {
    const names = await callTencent(method, () => this.#session.chat.getConversationGroupList());
    this.groupNames = Array.isArray(names)
      ? names.filter((name): name is string => typeof name === 'string')
      : [];
    return this.groupNames;
  }
}
