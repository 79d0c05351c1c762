import { AT_ALL, type Message } from '@tidings/core';

/** Whether a message `@`-mentions a user: by ID, or everyone (`@all`). */
export function mentionsUser(message: Message, userID: string): boolean {
  const list = message.atUserList;
  return list.length > 0 && (list.includes(userID) || list.includes(AT_ALL));
}
