import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { GroupMember, GroupProfile, ReceiveMessageOpt, UserProfile } from '../../model/types';
import {
  assertGroupName,
  assertIDList,
  assertOptions,
  assertReceiveOpt,
  assertString,
} from '../engine-validation';
import type { TencentEngineList } from './tencent-engine-list';
import type { TencentEngineSession } from './tencent-engine-session';
import { callTencent } from './tencent-errors';
import { toGroupMember, toGroupProfile, toMessageRemindType, toUserProfile } from './tencent-mappers';

/** @internal The receive option, user and group calls of a Tencent engine. */
export class TencentEngineDirectory {
  readonly #session: TencentEngineSession;
  readonly #list: TencentEngineList;

  constructor(session: TencentEngineSession, list: TencentEngineList) {
    this.#session = session;
    this.#list = list;
  }

  async setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    const method = 'setC2CReceiveMessageOpt';
    this.#session.guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, 30);
    const messageRemindType = toMessageRemindType(assertReceiveOpt(method, opt));
    await callTencent(method, () =>
      this.#session.chat.setMessageRemindType({ userIDList: ids, messageRemindType }),
    );
  }

  /**
   * Read from the conversations: the web SDK has no getter, and a user without a conversation gets the
   * default, `receive`.
   */
  async getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    const method = 'getC2CReceiveMessageOpt';
    this.#session.guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, 30);
    await this.#list.ensureList(method);
    return ids.map((userID) => ({ userID, opt: this.#list.get(`c2c_${userID}`)?.recvOpt ?? 'receive' }));
  }

  async setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    const method = 'setGroupReceiveMessageOpt';
    this.#session.guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    const messageRemindType = toMessageRemindType(assertReceiveOpt(method, opt));
    await callTencent(method, () =>
      this.#session.chat.setMessageRemindType({ groupID: id, messageRemindType }),
    );
  }

  // ── Users and groups ─────────────────────────────────────────────────────────────────────────────

  async getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    const method = 'getUsersProfile';
    this.#session.guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, Number.MAX_SAFE_INTEGER);
    const byID = new Map<string, UserProfile>();
    for (let start = 0; start < ids.length; start += 100) {
      const userIDList = ids.slice(start, start + 100);
      const data = await callTencent(method, () => this.#session.chat.getUserProfile({ userIDList }));
      for (const profile of Array.isArray(data) ? data : []) byID.set(profile.userID, toUserProfile(profile));
    }
    return ids.map((id) => byID.get(id)).filter((profile): profile is UserProfile => profile !== undefined);
  }

  async getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    const method = 'getGroupsInfo';
    this.#session.guard(method);
    const ids = assertIDList(method, 'groupIDList', groupIDList, Number.MAX_SAFE_INTEGER);
    const out: GroupProfile[] = [];
    for (const groupID of ids) {
      try {
        const data = await callTencent(method, () => this.#session.chat.getGroupProfile({ groupID }));
        if (data?.group) out.push(toGroupProfile(data.group));
      } catch (error) {
        if (!(error instanceof ChatError && error.code === ChatErrorCode.ConversationNotFound)) throw error;
      }
    }
    return out;
  }

  async getJoinedGroupList(): Promise<GroupProfile[]> {
    const method = 'getJoinedGroupList';
    this.#session.guard(method);
    const data = await callTencent(method, () => this.#session.chat.getGroupList());
    return (data?.groupList ?? []).map(toGroupProfile);
  }

  async getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    const method = 'getGroupMemberList';
    this.#session.guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    const members: GroupMember[] = [];
    for (let offset = 0; offset < 100_000; offset += 100) {
      const data = await callTencent(method, () =>
        this.#session.chat.getGroupMemberList({ groupID: id, count: 100, offset }),
      );
      const page = data?.memberList ?? [];
      members.push(...page.map(toGroupMember));
      if (page.length < 100) break;
    }
    return members;
  }

  async createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile> {
    const method = 'createGroup';
    this.#session.guard(method);
    const opts = assertOptions(method, options);
    const name = assertGroupName(method, 'options.name', opts.name);
    const members = assertIDList(method, 'options.memberUserIDList', opts.memberUserIDList, 500, {
      allowEmpty: true,
    });
    const groupID =
      opts.groupID === undefined
        ? undefined
        : assertString(method, 'options.groupID', opts.groupID, { nonEmpty: true });
    const avatar =
      opts.faceUrl === undefined ? undefined : assertString(method, 'options.faceUrl', opts.faceUrl);
    const data = await callTencent(method, () =>
      this.#session.chat.createGroup({
        type: this.#session.groupType,
        name,
        ...(groupID !== undefined && { groupID }),
        ...(avatar !== undefined && { avatar }),
        memberList: members.map((userID) => ({ userID })),
      }),
    );
    return toGroupProfile(data.group);
  }
}
