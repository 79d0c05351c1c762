import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ChatStore, type Message, selectWindowMessages } from '@tidings/core';
import { type ReactNode, useState } from 'react';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import {
  type ComposerFixture,
  createComposerFixture,
  createPictureFile,
  createTestFile,
} from './composer-fixtures';
import { Composer } from './index';

/** The story's own chat, in the toolbar's language and clock. */
function WithChat({ store, children }: { store: ChatStore; children: ReactNode }) {
  const { strings, locale, now } = useChatConfig();
  return (
    <ChatProvider store={store} strings={strings} locale={locale} now={now} autoStart={false}>
      <div
        style={{
          maxInlineSize: 640,
          marginBlockStart: 360,
          borderBlockStart: '1px solid var(--tidings-color-border)',
        }}
      >
        {children}
      </div>
    </ChatProvider>
  );
}

type Loaded = { fixture: ComposerFixture };

const meta = {
  title: 'Components/Composer',
  component: Composer,
  args: { onSend: fn(), onSendError: fn() },
  loaders: [async (): Promise<Loaded> => ({ fixture: await createComposerFixture() })],
  render: (args, { loaded }) => (
    <WithChat store={(loaded as Loaded).fixture.store}>
      <Composer {...args} />
    </WithChat>
  ),
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

const files = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('input[type="file"]') as HTMLInputElement;

/** Empty: the attach and face buttons at the start, Send at the end, disabled until there is something to send. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** Enter sends and empties the field; Shift+Enter breaks the line. */
export const SendsOnEnter: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(field, 'First line{Shift>}{Enter}{/Shift}second line');
    await expect(field).toHaveValue('First line\nsecond line');
    await userEvent.keyboard('{Enter}');
    await expect(field).toHaveValue('');
    await waitFor(() => expect(args.onSend).toHaveBeenCalledTimes(1));
  },
};

/** The Enter that confirms an IME composition (Chinese, Japanese, Korean input) never sends. */
export const ImeComposition: Story = {
  play: async ({ canvasElement, args }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Message' });
    await userEvent.type(field, 'nihao');
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: 'Enter', keyCode: 229, isComposing: true });
    fireEvent.compositionEnd(field, { data: '你好' });
    await expect(field).toHaveValue('nihao');
    await expect(args.onSend).not.toHaveBeenCalled();
  },
};

/** A saved draft is back in the field when the conversation is opened again. */
export const WithDraft: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture();
      await fixture.store.getState().saveDraft('c2c_bob', 'Running 5 minutes late — save me a seat 🙏');
      return { fixture };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue(
      'Running 5 minutes late — save me a seat 🙏',
    );
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

const LONG_TEXT = [
  'Notes from today’s sync:',
  '1. The new inbox ships on Thursday',
  '2. Drafts now survive reloads',
  '3. Search jumps straight to the message',
  '4. Dark mode got a contrast pass',
  '5. RTL layouts checked in Arabic and Hebrew',
  '6. Next: voice messages',
  '7. Retro on Friday',
].join('\n');

/** The field grows with its text up to about six lines, then scrolls. */
export const Grown: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture();
      await fixture.store.getState().saveDraft('c2c_bob', LONG_TEXT);
      return { fixture };
    },
  ],
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Message' });
    const lineHeight = Number.parseFloat(getComputedStyle(field).lineHeight);
    await expect(field.clientHeight).toBeLessThan(lineHeight * 7);
    await expect(field.clientHeight).toBeGreaterThan(lineHeight * 5);
    await expect(field.scrollHeight).toBeGreaterThan(field.clientHeight);
  },
};

/** Attachments wait above the field: images as thumbnails, other files as chips with their size. */
export const WithAttachments: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(files(canvasElement), [
      createPictureFile('lake.svg', 640, 480, 200),
      createPictureFile('summit.svg', 480, 640, 330),
      createTestFile('Q3 planning.pdf', 1_240_000, 'application/pdf'),
      createTestFile('launch-video.mp4', 18_400_000, 'video/mp4'),
    ]);
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Message' }),
      'Photos from the trip, and the plan',
    );
    const list = canvas.getByRole('list', { name: 'Attachments' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    await expect(canvas.getByRole('button', { name: 'Remove lake.svg' })).toBeInTheDocument();
  },
};

/** While attachments upload, progress rings show on them; their buttons cancel the upload. */
export const Uploading: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture({ uploadChunkBytes: 4096 });
      fixture.hub.setNetworkConditions({ latencyMs: 250 }, 'alice');
      return { fixture };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(files(canvasElement), [
      createPictureFile('lake.svg', 1600, 1200, 200),
      createTestFile('Q3 planning.pdf', 400_000, 'application/pdf'),
    ]);
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    // Slow chunks keep the upload going for many seconds; a busy machine may take a while to show the first.
    const progress = await canvas.findByRole('progressbar', { name: 'Q3 planning.pdf' }, { timeout: 10_000 });
    await waitFor(() => expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    await expect(canvas.getByRole('button', { name: 'Cancel upload Q3 planning.pdf' })).toBeInTheDocument();
  },
};

/** A file over the size limit is left out, and the composer says so. */
export const FileTooLarge: Story = {
  args: { maxFileBytes: 25 * 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(files(canvasElement), [
      createTestFile('holiday-4k.mov', 26 * 1024 * 1024, 'video/quicktime'),
      createTestFile('itinerary.pdf', 84_000, 'application/pdf'),
    ]);
    await expect(canvas.getByRole('alert')).toHaveTextContent('“holiday-4k.mov” is over the 25 MB limit');
    await expect(
      within(canvas.getByRole('list', { name: 'Attachments' })).getAllByRole('listitem'),
    ).toHaveLength(1);
  },
};

/** A failed send keeps the text in the field and the draft, and says why. */
export const SendFailed: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture();
      fixture.hub.setNetworkConditions({ online: false }, 'alice');
      return { fixture };
    },
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(field, 'Are we still on for tonight?{Enter}');
    await waitFor(() => expect(field).toHaveValue('Are we still on for tonight?'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Check your connection');
    await expect(args.onSendError).toHaveBeenCalled();
  },
};

/** Near the text limit a counter shows; over it the field is invalid and Send is disabled. */
export const OverTextLimit: Story = {
  args: { maxTextBytes: 96 },
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture();
      await fixture.store
        .getState()
        .saveDraft(
          'c2c_bob',
          'This message goes on and on, well past what the engine accepts in one text message, so it cannot be sent.',
        );
      return { fixture };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(canvas.getByText(/too long to send/)).toBeInTheDocument();
  },
};

/** The face picker opens above the field with focus on its first face; a pick inserts the emoji. */
export const FacePickerOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Great work ');
    await userEvent.click(canvas.getByRole('button', { name: 'Stickers and emoji' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('Great work 👍');
    await userEvent.click(canvas.getByRole('button', { name: 'Stickers and emoji' }));
    await expect(canvas.getByRole('grid', { name: 'Stickers and emoji' })).toBeInTheDocument();
  },
};

/** Files dragged over the composer show where to drop them. */
export const Dragging: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form') as HTMLFormElement;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(createTestFile('slides.key', 3_200_000, 'application/octet-stream'));
    // A real DragEvent: Testing Library's fireEvent cannot carry a DataTransfer in a real browser.
    form.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer }));
    await waitFor(() => expect(form).toHaveAttribute('data-dragging'));
    await expect(within(canvasElement).getByText('Drop files to send')).toBeInTheDocument();
  },
};

/** Disabled, with the reason in the field. */
export const Disabled: Story = {
  args: { disabled: true, disabledReason: 'You left this group, so you can’t send messages' },
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Message' });
    await expect(field).toBeDisabled();
    await expect(field).toHaveAccessibleDescription('You left this group, so you can’t send messages');
  },
};

/** Replying: a quote of the message above the field; the text is sent as a reply to it. */
export const Replying: Story = {
  render: (args, { loaded }) => {
    const { store } = (loaded as Loaded).fixture;
    const [replyTo, setReplyTo] = useState<Message | null>(
      () => selectWindowMessages(store.getState(), 'c2c_bob').at(-1) ?? null,
    );
    return (
      <WithChat store={store}>
        <Composer {...args} replyTo={replyTo} onReplyToChange={setReplyTo} />
      </WithChat>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Message' });
    await expect(field).toHaveAccessibleDescription(
      /^Replying to Bob Martin Are we still on for Friday at 7\?/,
    );
    await userEvent.type(field, 'Yes — see you there!');
    await expect(canvas.getByRole('button', { name: 'Cancel reply' })).toBeInTheDocument();
  },
};

/** No conversation is open. */
export const NoConversation: Story = {
  loaders: [async (): Promise<Loaded> => ({ fixture: await createComposerFixture({}, null) })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('textbox', { name: 'Message' })).toBeDisabled();
  },
};

/** Ctrl/⌘+Enter sends, Enter breaks the line. */
export const ModEnterSends: Story = {
  args: { sendKey: 'mod-enter' },
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Message' });
    await userEvent.type(field, 'line one{Enter}line two');
    await expect(field).toHaveValue('line one\nline two');
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(files(canvasElement), [
      createPictureFile('湖边.svg', 640, 480, 200),
      createTestFile('三季度计划.pdf', 1_240_000, 'application/pdf'),
    ]);
    await userEvent.type(canvas.getByRole('textbox', { name: '消息' }), '旅行的照片和计划');
    await expect(canvas.getByRole('list', { name: '附件' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: '发送' })).toBeEnabled();
  },
};

export const ChineseFileTooLarge: Story = {
  ...FileTooLarge,
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await userEvent.upload(files(canvasElement), [
      createTestFile('假期.mov', 26 * 1024 * 1024, 'video/quicktime'),
    ]);
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('“假期.mov”超过 25 MB 上限');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: WithAttachments.play,
};

export const DarkFacePicker: Story = {
  globals: { theme: 'dark' },
  play: FacePickerOpen.play,
};

export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: WithAttachments.play,
};

export const RightToLeftFacePicker: Story = {
  globals: { direction: 'rtl' },
  play: FacePickerOpen.play,
};
