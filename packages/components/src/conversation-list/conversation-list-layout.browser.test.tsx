import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MessageList } from '../message-list/message-list';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { ConversationList } from './conversation-list';
import { createLoadedStore, FIXTURE_NOW, type ListFixture } from './conversation-list-fixtures';

/**
 * The layout contract of the two virtualized lists: given a container with a definite size, whatever kind
 * of box it is, the list fills it and mounts only the rows that fit (plus overscan) — never all of them.
 */
const containers: { kind: string; style: React.CSSProperties; inner?: React.CSSProperties }[] = [
  { kind: 'a plain block div', style: { height: 600, width: 360 } },
  { kind: 'a flex column', style: { height: 600, width: 360, display: 'flex', flexDirection: 'column' } },
  { kind: 'a flex row', style: { height: 600, width: 360, display: 'flex' } },
  { kind: 'a grid', style: { height: 600, width: 360, display: 'grid' } },
  {
    kind: 'an absolutely positioned box',
    style: { height: 600, width: 360, position: 'relative' },
    inner: { position: 'absolute', inset: 0 },
  },
];

function Container({
  style,
  inner,
  children,
}: {
  style: React.CSSProperties;
  inner?: React.CSSProperties;
  children: React.ReactNode;
}) {
  return (
    <div data-testid="container" style={style}>
      {inner ? <div style={inner}>{children}</div> : children}
    </div>
  );
}

let list: ListFixture | null = null;
let messages: MessageListFixture | null = null;

afterEach(async () => {
  list?.store.getState().destroy();
  await list?.hub.close();
  list = null;
  await messages?.close();
  messages = null;
});

describe('ConversationList layout', () => {
  for (const { kind, style, inner } of containers) {
    it(`virtualizes 2,000 conversations inside ${kind} of 600 px and fills it`, async () => {
      list = await createLoadedStore(2000);
      render(
        <ChatProvider store={list.store} now={() => FIXTURE_NOW}>
          <Container style={style} {...(inner ? { inner } : {})}>
            <ConversationList />
          </Container>
        </ChatProvider>,
      );
      const grid = screen.getByRole('grid', { name: 'Conversations' });
      await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(0));
      const rows = within(grid).getAllByRole('row').length;
      // 600 px of 72 px rows: 9 visible, plus overscan; nowhere near 2,000.
      expect(rows).toBeGreaterThanOrEqual(8);
      expect(rows).toBeLessThan(40);
      expect(grid.getBoundingClientRect().bottom).toBeLessThanOrEqual(
        screen.getByTestId('container').getBoundingClientRect().bottom + 0.5,
      );
      expect(grid.scrollHeight).toBeGreaterThan(2000 * 70);
    });
  }
});

describe('MessageList layout', () => {
  for (const { kind, style, inner } of containers) {
    it(`virtualizes 1,000 messages inside ${kind} of 600 px and fills it`, async () => {
      messages = await createMessageListFixture({ generated: 1000 });
      render(
        <ChatProvider store={messages.store} now={() => FIXTURE_NOW}>
          <Container style={style} {...(inner ? { inner } : {})}>
            <MessageList />
          </Container>
        </ChatProvider>,
      );
      const log = await screen.findByRole('log');
      await waitFor(() =>
        expect(log.querySelectorAll('.tidings-message-list-row').length).toBeGreaterThan(0),
      );
      const rows = log.querySelectorAll('.tidings-message-list-row').length;
      expect(rows).toBeLessThan(100);
      const container = screen.getByTestId('container').getBoundingClientRect();
      expect(log.getBoundingClientRect().height).toBeGreaterThan(300);
      // It scrolls inside the container instead of growing with its messages.
      expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
      expect(log.getBoundingClientRect().bottom).toBeLessThanOrEqual(container.bottom + 0.5);
    });
  }
});
