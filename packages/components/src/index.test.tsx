// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createTestChatStore } from '../test/chat-store';
import * as components from './index';

describe('@tidings/components on a server', () => {
  it('imports without a window and renders to a string', () => {
    expect(typeof window).toBe('undefined');
    const { Avatar, ChatProvider, SendIcon, TotalUnreadBadge, UnreadBadge } = components;
    const html = renderToString(
      <ChatProvider store={createTestChatStore({ state: { totalUnread: 4 } })} autoStart={false}>
        <Avatar name="Alice Smith" src="https://example.com/a.png" />
        <UnreadBadge count={3} />
        <TotalUnreadBadge />
        <SendIcon />
      </ChatProvider>,
    );
    expect(html).toContain('aria-label="Alice Smith"');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-label="3 unread messages"');
    expect(html).toContain('aria-label="4 unread messages"');
  });

  it('exports only named components, hooks and icons', () => {
    expect(Object.keys(components)).not.toContain('default');
    for (const name of [
      'ChatProvider',
      'useChatStore',
      'useChatStrings',
      'Avatar',
      'UnreadBadge',
      'PinIcon',
    ]) {
      expect(components, name).toHaveProperty(name);
    }
  });
});
