/**
 * Alice and Bob chat on one embedded hub; the script prints their conversation lists, unread counts and
 * read receipts as they change.
 *
 * Run it with `pnpm --filter @tidings/core example`.
 */
import type { Conversation, Message } from '@tidings/core';
import { createLocalHub, type LocalEngine } from '@tidings/core/local';

const hub = await createLocalHub({
  users: [
    { userID: 'alice', nick: 'Alice', faceUrl: '' },
    { userID: 'bob', nick: 'Bob', faceUrl: '' },
    { userID: 'carol', nick: 'Carol', faceUrl: '' },
  ],
});

const alice = await hub.connect('alice');
const bob = await hub.connect('bob');
const carol = await hub.connect('carol');

function preview(message: Message | null): string {
  const elem = message?.elemList[0];
  if (!message || !elem) return '';
  if (message.status === 'revoked') return '(recalled)';
  if (elem.type === 'text') return elem.text;
  if (elem.type === 'groupTip') return `(${elem.tipType} tip)`;
  return `[${elem.type}]`;
}

function row(conversation: Conversation): string {
  const pin = conversation.isPinned ? '📌 ' : '   ';
  const unread = conversation.unreadCount > 0 ? ` (${conversation.unreadCount})` : '';
  const draft = conversation.draftText
    ? `[Draft] ${conversation.draftText}`
    : preview(conversation.lastMessage);
  return `${pin}${conversation.showName.padEnd(8)}${unread.padEnd(6)} ${draft}`;
}

async function showList(engine: LocalEngine, who: string): Promise<void> {
  const { conversationList } = await engine.getConversationList(0, 20);
  const total = await engine.getTotalUnreadMessageCount();
  console.log(`\n  ${who}'s conversations — ${total} unread`);
  for (const conversation of conversationList) console.log(`    ${row(conversation)}`);
}

function narrate(text: string): void {
  console.log(`\n▸ ${text}`);
}

function watch(engine: LocalEngine, who: string): void {
  engine.addConversationListener({
    onTotalUnreadMessageCountChanged: (total) => console.log(`  [${who}] total unread → ${total}`),
  });
  engine.addAdvancedMsgListener({
    onRecvNewMessage: (message) =>
      console.log(`  [${who}] new message from ${message.nick}: ${preview(message)}`),
    onRecvC2CReadReceipt: (receipts) => {
      for (const receipt of receipts)
        console.log(`  [${who}] ${receipt.userID} read everything up to now ✓✓`);
    },
    onRecvMessageRevoked: (_msgID, message) => console.log(`  [${who}] ${message?.nick} recalled a message`),
  });
}

watch(alice, 'alice');
watch(bob, 'bob');

narrate('Alice says hi to Bob, twice');
await alice.sendMessage(await alice.createTextMessage('Hi Bob!'), { receiver: 'bob' });
await alice.sendMessage(await alice.createTextMessage('Lunch today?'), { receiver: 'bob' });
await showList(bob, 'Bob');

narrate('Carol writes to Bob too, and Bob pins Alice');
await carol.sendMessage(await carol.createTextMessage('Did you see the build?'), { receiver: 'bob' });
await bob.pinConversation('c2c_alice', true);
await showList(bob, 'Bob');

narrate('Bob reads Alice’s messages: Alice gets a read receipt');
await bob.markC2CMessageAsRead('alice');
const [lastSent] = (await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 1 })).messageList;
console.log(`  Alice's last message is read by Bob: ${lastSent?.isPeerRead}`);

narrate('Bob starts a reply but only saves a draft');
await bob.setConversationDraft('c2c_carol', 'Looking now…');
await showList(bob, 'Bob');

narrate('Bob answers Alice, then Alice recalls her question');
await bob.sendMessage(await bob.createTextMessage('Sure, 12:30?'), { receiver: 'alice' });
const [, question] = (await bob.getHistoryMessageList({ conversationID: 'c2c_alice', count: 3 })).messageList;
if (question) await alice.revokeMessage(question.msgID);
await showList(alice, 'Alice');
await showList(bob, 'Bob');

narrate('Alice creates a group with both of them');
await alice.createGroup({ groupID: 'lunch', name: 'Lunch crew', memberUserIDList: ['bob', 'carol'] });
await alice.sendMessage(await alice.createTextMessage('Table for three'), { groupID: 'lunch' });
await showList(bob, 'Bob');

await hub.close();
