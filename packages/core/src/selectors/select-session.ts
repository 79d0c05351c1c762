// Selectors of the signed-in session: who is signed in, which conversation is open, and the profiles of
// the users the store has seen.

import type { ChatStateData } from '../model/chat-state';
import type { RecordMap } from '../model/record-map';
import type { UserProfile } from '../model/types';

/** The signed-in user's ID. */
export function selectSelfUserID(state: ChatStateData): string {
  return state.userID;
}

/** The ID of the open conversation, `null` when none is open. */
export function selectActiveConversationID(state: ChatStateData): string | null {
  return state.activeConversationID;
}

/** The profile of a user the store has seen (a message sender, a group member), if any. Stable until it changes. */
export function selectUser(state: ChatStateData, userID: string): UserProfile | undefined {
  return state.users.get(userID);
}

/** Every profile the store has seen, by userID; the same map until one of them changes. */
export function selectUsers(state: ChatStateData): RecordMap<UserProfile> {
  return state.users;
}
