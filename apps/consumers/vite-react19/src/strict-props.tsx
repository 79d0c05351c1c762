// Typechecked only: an app under exactOptionalPropertyTypes passes values that may be undefined to
// optional props and options, as it can with React's own.
import { Avatar, ChatProvider, Composer, ConversationList, MessageList, UnreadBadge } from '@tidings/components';
import { type ChatStore, type ConversationFilter, createChatStore } from '@tidings/core';
import { createLocalHub } from '@tidings/core/local';

interface Maybe {
  store: ChatStore;
  filter?: ConversationFilter | undefined;
  conversationID?: string | undefined;
  label?: string | undefined;
  src?: string | undefined;
  pageSize?: number | undefined;
}

export function StrictProps({ store, filter, conversationID, label, src }: Maybe) {
  return (
    <ChatProvider store={store}>
      <ConversationList filter={filter} aria-label={label} />
      <MessageList conversationID={conversationID} />
      <Composer conversationID={conversationID} placeholder={label} />
      <Avatar src={src} name="Bob" />
      <UnreadBadge count={1} />
    </ChatProvider>
  );
}

export async function strictOptions({ pageSize }: Maybe): Promise<ChatStore> {
  const hub = await createLocalHub({ users: ['alice'] });
  return createChatStore(await hub.connect('alice'), { conversationPageSize: pageSize });
}
