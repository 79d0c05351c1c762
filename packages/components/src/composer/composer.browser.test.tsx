import { act, render, screen, waitFor, within } from '@testing-library/react';
import { selectWindowMessages } from '@tidings/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { Composer, type ComposerProps } from './composer';
import {
  type ComposerFixture,
  createComposerFixture,
  createPictureFile,
  createTestFile,
} from './composer-fixtures';

let fixture: ComposerFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function renderComposer(props: ComposerProps = {}, dir: 'ltr' | 'rtl' = 'ltr') {
  fixture = await createComposerFixture();
  const result = render(
    <div dir={dir} style={{ inlineSize: 560 }}>
      <ChatProvider store={fixture.store} autoStart={false}>
        <Composer draftDelayMs={60_000} typingStatus="off" {...props} />
      </ChatProvider>
    </div>,
  );
  const field = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { ...result, field, store: fixture.store };
}

/** Sets the text the way typing does: through the native setter, then an input event React hears. */
function typeInto(field: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const lines = (count: number) => Array.from({ length: count }, (_, i) => `Line ${i + 1}`).join('\n');

describe('Composer in a real browser', () => {
  it('grows with its text up to about six lines, then scrolls', async () => {
    const { field } = await renderComposer();
    const lineHeight = Number.parseFloat(getComputedStyle(field).lineHeight);
    const oneLine = field.getBoundingClientRect().height;
    expect(oneLine).toBe(40);

    typeInto(field, lines(3));
    const threeLines = field.getBoundingClientRect().height;
    expect(threeLines - oneLine).toBeCloseTo(2 * lineHeight, 0);
    expect(field.scrollHeight).toBeLessThanOrEqual(field.clientHeight);

    typeInto(field, lines(12));
    const capped = field.getBoundingClientRect().height;
    expect(capped - oneLine).toBeCloseTo(5 * lineHeight, 0);
    expect(field.scrollHeight).toBeGreaterThan(field.clientHeight);

    typeInto(field, '');
    expect(field.getBoundingClientRect().height).toBe(oneLine);
  });

  it('keeps the attach and face buttons at the start and Send at the end, in both directions', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const { field, unmount } = await renderComposer({}, dir);
      const attach = screen.getByRole('button', { name: 'Attach files' }).getBoundingClientRect();
      const face = screen.getByRole('button', { name: 'Stickers and emoji' }).getBoundingClientRect();
      const send = screen.getByRole('button', { name: 'Send' }).getBoundingClientRect();
      const input = field.getBoundingClientRect();
      if (dir === 'ltr') {
        expect(attach.right).toBeLessThanOrEqual(face.left);
        expect(face.right).toBeLessThanOrEqual(input.left);
        expect(input.right).toBeLessThanOrEqual(send.left);
      } else {
        expect(attach.left).toBeGreaterThanOrEqual(face.right);
        expect(face.left).toBeGreaterThanOrEqual(input.right);
        expect(input.left).toBeGreaterThanOrEqual(send.right);
      }
      unmount();
      await fixture?.close();
      fixture = null;
    }
  });

  it('paints a rounded field, an accent ring while focused, and Send in the accent colour once there is text', async () => {
    const { field, container } = await renderComposer();
    const box = container.querySelector('.tidings-composer-box') as HTMLElement;
    expect(Number.parseFloat(getComputedStyle(box).borderTopLeftRadius)).toBeGreaterThanOrEqual(20);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(getComputedStyle(send).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    act(() => field.focus());
    // Colours ease in over the fast duration.
    await waitFor(() => expect(getComputedStyle(box).borderColor).toBe('rgb(39, 98, 219)'));
    typeInto(field, 'hi');
    await waitFor(() => expect(getComputedStyle(send).backgroundColor).toBe('rgb(39, 98, 219)'));
  });

  it('attaches files pasted from the clipboard', async () => {
    const { field } = await renderComposer();
    const clipboardData = new DataTransfer();
    clipboardData.items.add(createPictureFile('screenshot.svg', 320, 200));
    act(() => {
      field.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    });
    const list = screen.getByRole('list', { name: 'Attachments' });
    const thumbnail = list.querySelector('img') as HTMLImageElement;
    await waitFor(() => expect(thumbnail.naturalWidth).toBe(320));
    expect(within(list).getByRole('listitem').getBoundingClientRect().width).toBe(56);
    expect(thumbnail.getBoundingClientRect().height).toBe(54);
  });

  it('takes files dropped on it and sends them with the text', async () => {
    const { container, field, store } = await renderComposer();
    const form = container.querySelector('form') as HTMLFormElement;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(createTestFile('minutes.txt', 300, 'text/plain'));
    act(() => {
      form.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, cancelable: true }));
    });
    const overlay = within(form).getByText('Drop files to send');
    expect(overlay.getBoundingClientRect().height).toBeGreaterThan(40);
    act(() => {
      field.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
    });
    expect(form).not.toHaveAttribute('data-dragging');
    typeInto(field, 'Minutes attached');
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    await waitFor(() =>
      expect(
        selectWindowMessages(store.getState(), 'c2c_bob')
          .slice(-2)
          .map((message) => message.elemList[0]?.type)
          .sort(),
      ).toEqual(['file', 'text']),
    );
  });
});
