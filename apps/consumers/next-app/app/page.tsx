// A Server Component (no 'use client'): it imports the kit's client components and renders them; the
// conversation list's first rows are in the server HTML.
import { Composer, ConversationList, MessageList } from '@tidings/components';
import { InboxProvider } from './inbox-provider';

export default function Page() {
  return (
    <InboxProvider>
      <main style={{ display: 'flex', gap: 16, height: 600 }}>
        {/* An absolutely positioned box: the list fills it and virtualizes. */}
        <div style={{ position: 'relative', width: 360 }}>
          <div style={{ position: 'absolute', inset: 0 }}>
            <ConversationList />
          </div>
        </div>
        <section style={{ width: 480, display: 'flex', flexDirection: 'column' }}>
          <div style={{ flex: 1, minHeight: 0 }}>
            <MessageList />
          </div>
          <Composer />
        </section>
      </main>
    </InboxProvider>
  );
}
