// @vitest-environment node
import { createChatStore } from '@tidings/core';
import { createLocalHub } from '@tidings/core/local';
import { seedConversations } from '@tidings/core/testing';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MarkAllReadMenu } from '../conversation-actions/conversation-actions';
import { ConversationFilterTabs } from '../conversation-filter-tabs/conversation-filter-tabs';
import { ConversationList } from './conversation-list';

describe('ConversationList on a server', () => {
  it('renders its first rows to a string, without a window', async () => {
    expect(typeof window).toBe('undefined');
    const hub = await createLocalHub({ users: ['alice'], rateLimits: false });
    await seedConversations(hub, 'alice', 40, { endTime: new Date(2024, 2, 14, 15, 30).getTime() });
    const store = createChatStore(await hub.connect('alice'));
    await store.getState().start();

    const html = renderToString(
      <ChatProvider store={store} autoStart={false} now={() => new Date(2024, 2, 14, 15, 30).getTime()}>
        <ConversationFilterTabs value="all" onValueChange={() => {}} end={<MarkAllReadMenu />} />
        <ConversationList />
      </ChatProvider>,
    );
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-label="Conversations"');
    expect(html).toContain('aria-rowcount="40"');
    expect(html).toContain('data-state="ready"');
    // The rows that fit the assumed 720 px: ten, plus one overscanned.
    const rows = html.match(/role="row"/g) ?? [];
    expect(rows.length).toBe(11);
    expect(html).toContain('aria-rowindex="1"');
    expect(html).toMatch(/aria-label="Peer 1, [^"]*15:30"/);
    expect(html).toContain('role="tablist"');
    await hub.close();
  });
});
