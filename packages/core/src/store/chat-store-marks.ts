import { ChatError, ChatErrorCode } from '../model/chat-error';
import { withMark } from '../model/conversation-changes';
import type { ChatStoreCore, ChatStoreSlice } from './chat-store-core';
import * as check from './chat-store-validation';

type MarkActions =
  | 'pinConversation'
  | 'markConversation'
  | 'setReceiveMessageOpt'
  | 'saveDraft'
  | 'createConversationGroup'
  | 'renameConversationGroup'
  | 'deleteConversationGroup'
  | 'addConversationsToGroup'
  | 'deleteConversationsFromGroup';

/**
 * Conversation groups and marks: pinning, marks (star, unread, fold, hide), receive options and drafts,
 * each optimistic and rolled back on error; and the conversation groups, reloaded after each change.
 */
export function createMarksSlice(core: ChatStoreCore): ChatStoreSlice<MarkActions> {
  const { engine, get } = core;

  const refreshGroups = async () => {
    const groups = await engine.getConversationGroupList();
    core.setField('conversationGroups', groups);
  };
  const onGroupsChanged = () => void refreshGroups().catch(() => undefined);

  /** A conversation group change: checks names (and IDs), calls the engine, then reloads the groups. */
  const groupAction = async (
    action: string,
    names: unknown[],
    conversationIDs: unknown,
    run: (ids: string[]) => Promise<unknown>,
  ) => {
    for (const name of names) check.assertGroupName(action, name);
    // The checked copy goes to the engine, so a list cannot change between the check and the call.
    const ids = conversationIDs === null ? [] : check.assertConversationIDs(action, conversationIDs);
    await core.call(action, () => run(ids));
    await refreshGroups();
  };

  return {
    conversationListener: {
      onConversationGroupCreated: onGroupsChanged,
      onConversationGroupDeleted: onGroupsChanged,
      onConversationGroupNameChanged: onGroupsChanged,
    },

    start: () => refreshGroups().catch(() => undefined),

    actions: {
      pinConversation: async (conversationID, pinned) => {
        check.assertConversationID('pinConversation', conversationID);
        check.assertBoolean('pinConversation', 'pinned', pinned);
        await core.optimistic(
          'pinConversation',
          [conversationID],
          (conversation) => ({ ...conversation, isPinned: pinned }),
          () => engine.pinConversation(conversationID, pinned),
        );
      },

      markConversation: async (input, markType, enable) => {
        const conversationIDs = check.assertConversationIDs('markConversation', input);
        check.assertMarkType('markConversation', markType);
        check.assertBoolean('markConversation', 'enable', enable);
        await core.optimistic(
          'markConversation',
          conversationIDs,
          (conversation) => ({
            ...conversation,
            markList: withMark(conversation.markList, markType, enable),
          }),
          async () => {
            const results = await engine.markConversation(conversationIDs, markType, enable);
            const failed = results.filter((result) => result.resultCode !== 0);
            if (failed.length > 0) {
              throw new ChatError(
                ChatErrorCode.InvalidState,
                `\`markConversation\`: ${failed.length} of ${results.length} conversations could not be marked`,
                { failed },
              );
            }
          },
        );
      },

      setReceiveMessageOpt: async (conversationID, opt) => {
        const target = check.assertConversationID('setReceiveMessageOpt', conversationID);
        check.assertReceiveOpt('setReceiveMessageOpt', opt);
        await core.optimistic(
          'setReceiveMessageOpt',
          [conversationID],
          (conversation) => ({ ...conversation, recvOpt: opt }),
          () =>
            target.type === 'c2c'
              ? engine.setC2CReceiveMessageOpt([target.userID], opt)
              : engine.setGroupReceiveMessageOpt(target.groupID, opt),
        );
      },

      saveDraft: async (conversationID, text) => {
        check.assertConversationID('saveDraft', conversationID);
        const draft = check.assertDraft('saveDraft', text);
        const held = get().conversations.get(conversationID);
        if (held && held.draftText === draft) return;
        await core.optimistic(
          'saveDraft',
          [conversationID],
          (conversation) => ({
            ...conversation,
            draftText: draft,
            draftTimestamp: draft === null ? null : core.options.now(),
          }),
          () => engine.setConversationDraft(conversationID, draft),
        );
      },

      createConversationGroup: (name, conversationIDs) =>
        groupAction('createConversationGroup', [name], conversationIDs, (ids) =>
          engine.createConversationGroup(name, ids),
        ),
      renameConversationGroup: (oldName, newName) =>
        groupAction('renameConversationGroup', [oldName, newName], null, () =>
          engine.renameConversationGroup(oldName, newName),
        ),
      deleteConversationGroup: (name) =>
        groupAction('deleteConversationGroup', [name], null, () => engine.deleteConversationGroup(name)),
      addConversationsToGroup: (name, conversationIDs) =>
        groupAction('addConversationsToGroup', [name], conversationIDs, (ids) =>
          engine.addConversationsToGroup(name, ids),
        ),
      deleteConversationsFromGroup: (name, conversationIDs) =>
        groupAction('deleteConversationsFromGroup', [name], conversationIDs, (ids) =>
          engine.deleteConversationsFromGroup(name, ids),
        ),
    },
  };
}
