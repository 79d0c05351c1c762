// @vitest-environment node

import { createTestConversation } from '@tidings/core/testing';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { FacePicker } from '../face-picker/face-picker';
import { Composer } from './composer';

describe('Composer on a server', () => {
  it('renders the open conversation’s draft without a window', () => {
    expect(typeof window).toBe('undefined');
    const store = createTestChatStore({
      conversations: [createTestConversation({ conversationID: 'c2c_bob', draftText: 'see you' })],
      state: { activeConversationID: 'c2c_bob' },
    });
    const html = renderToString(
      <ChatProvider store={store} autoStart={false}>
        <Composer />
        <FacePicker onSelect={() => {}} />
      </ChatProvider>,
    );
    expect(html).toContain('see you</textarea>');
    expect(html).toContain('Enter to send, Shift+Enter for a new line');
    expect(html).toContain('role="grid"');
  });
});
