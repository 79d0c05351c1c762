// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MessageSearch } from './message-search';

describe('MessageSearch on a server', () => {
  it('renders its field, filters and prompt without a window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <ChatProvider store={createTestChatStore()} autoStart={false}>
        <MessageSearch />
      </ChatProvider>,
    );
    expect(html).toContain('role="combobox"');
    expect(html).toContain('Search by words, type or sender');
  });
});
