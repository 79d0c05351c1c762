import type { GroupMember, GroupProfile, ReceiveMessageOpt, UserProfile } from '../../model/types';
import {
  assertGroupName,
  assertIDList,
  assertOptions,
  assertReceiveOpt,
  assertString,
  invalidParameter,
} from '../engine-validation';
import type { ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';

/**
 * @internal The calls of a local engine that the hub answers directly: receive options (whose conversation
 * records come back to the mirror), user profiles and groups.
 */
export class LocalEngineDirectory {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;

  constructor(session: LocalEngineSession, mirror: ConversationMirror) {
    this.#session = session;
    this.#mirror = mirror;
  }

  setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    return this.#session.call('setC2CReceiveMessageOpt', async () => {
      const ids = [...new Set(assertIDList('setC2CReceiveMessageOpt', 'userIDList', userIDList, 30))];
      assertReceiveOpt('setC2CReceiveMessageOpt', opt);
      const result = await this.#session.request('setC2CReceiveMessageOpt', { userIDList: ids, opt });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    return this.#session.call('getC2CReceiveMessageOpt', () => {
      const ids = assertIDList('getC2CReceiveMessageOpt', 'userIDList', userIDList, 30);
      return this.#session.request('getC2CReceiveMessageOpt', { userIDList: ids });
    });
  }

  setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    return this.#session.call('setGroupReceiveMessageOpt', async () => {
      assertString('setGroupReceiveMessageOpt', 'groupID', groupID, { nonEmpty: true });
      assertReceiveOpt('setGroupReceiveMessageOpt', opt);
      const result = await this.#session.request('setGroupReceiveMessageOpt', { groupID, opt });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  // ── Users and groups ─────────────────────────────────────────────────────────────────────────────

  getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    return this.#session.call('getUsersProfile', () => {
      const ids = assertIDList('getUsersProfile', 'userIDList', userIDList, 100);
      return this.#session.request('getUsersProfile', { userIDList: ids });
    });
  }

  getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    return this.#session.call('getGroupsInfo', () => {
      const ids = assertIDList('getGroupsInfo', 'groupIDList', groupIDList, 100);
      return this.#session.request('getGroupsInfo', { groupIDList: ids });
    });
  }

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#session.call('getJoinedGroupList', () => this.#session.request('getJoinedGroupList', {}));
  }

  getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    return this.#session.call('getGroupMemberList', () => {
      assertString('getGroupMemberList', 'groupID', groupID, { nonEmpty: true });
      return this.#session.request('getGroupMemberList', { groupID });
    });
  }

  createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile> {
    return this.#session.call('createGroup', async () => {
      const method = 'createGroup';
      const opts = assertOptions(method, options);
      if (options === undefined) throw invalidParameter(method, 'options', 'an object');
      const name = assertGroupName(method, 'options.name', opts.name);
      const members = assertIDList(method, 'options.memberUserIDList', opts.memberUserIDList, 500, {
        allowEmpty: true,
      });
      const groupID =
        opts.groupID === undefined
          ? ''
          : assertString(method, 'options.groupID', opts.groupID, { nonEmpty: true });
      const faceUrl = opts.faceUrl === undefined ? '' : assertString(method, 'options.faceUrl', opts.faceUrl);
      const result = await this.#session.request('createGroup', {
        name,
        memberUserIDList: members,
        groupID,
        faceUrl,
      });
      if (result.conversation) this.#mirror.applyAndEmit([result.conversation]);
      return result.group;
    });
  }
}
