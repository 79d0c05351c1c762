import type { UserProfile } from '@tidings/core';
import { TEST_USERS } from '@tidings/core/testing';
import { avatarUrl, TIDINGS_AVATAR } from './world-media';

/** The demo's own account: it welcomes everyone and explains the demo. */
export const TIDINGS_USER_ID = 'tidings';

/** Pictures for some of the seeded people; the others show their initials on a colour, as most do. */
const PICTURES: Record<string, string> = {
  alice: avatarUrl('alice'),
  carol: avatarUrl('carol'),
  erin: avatarUrl('erin'),
  grace: avatarUrl('grace'),
  ivan: avatarUrl('ivan'),
  mallory: avatarUrl('mallory'),
  olivia: avatarUrl('olivia'),
  rupert: avatarUrl('rupert'),
};

/** The people of the demo world: the core's test users, some with pictures. */
export const PEOPLE: readonly UserProfile[] = TEST_USERS.map((user) => ({
  ...user,
  faceUrl: PICTURES[user.userID] ?? '',
}));

/** The Tidings account's profile. */
export const TIDINGS_PROFILE: UserProfile = {
  userID: TIDINGS_USER_ID,
  nick: 'Tidings',
  faceUrl: TIDINGS_AVATAR,
};

/** A seeded group. */
export interface WorldGroup {
  groupID: string;
  name: string;
  faceUrl: string;
  /** The first member owns the group. */
  members: string[];
}

/** The seeded groups; every person is in at least one. */
export const GROUPS: readonly WorldGroup[] = [
  {
    groupID: 'design-team',
    name: 'Design Team',
    faceUrl: avatarUrl('design-team'),
    members: ['alice', 'bob', 'carol', 'dave', 'erin', 'grace'],
  },
  {
    groupID: 'weekend-hikers',
    name: 'Weekend Hikers',
    faceUrl: avatarUrl('weekend-hikers'),
    members: ['carol', 'alice', 'frank', 'heidi', 'ivan', 'judy', 'bob'],
  },
  {
    groupID: 'book-club',
    name: '读书会 Book Club',
    faceUrl: avatarUrl('book-club'),
    members: ['grace', 'carol', 'olivia', 'alice', 'bob', 'sybil'],
  },
  {
    groupID: 'release-train',
    name: 'Release Train',
    faceUrl: avatarUrl('release-train'),
    members: ['dave', 'alice', 'bob', 'mallory', 'niaj', 'peggy', 'rupert', 'sybil'],
  },
  {
    groupID: 'lunch-crew',
    name: 'Lunch Crew',
    faceUrl: avatarUrl('lunch-crew'),
    members: ['erin', 'bob', 'frank', 'heidi', 'judy', 'olivia', 'alice'],
  },
];

/** Whether a user is one of the seeded people (or the Tidings account). */
export function isSeededUser(userID: string): boolean {
  return userID === TIDINGS_USER_ID || PEOPLE.some((person) => person.userID === userID);
}

/** People who write in Chinese among themselves. */
export const CHINESE_SPEAKERS = new Set(['carol', 'grace', 'olivia']);
