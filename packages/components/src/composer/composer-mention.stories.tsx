import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { type ComposerFixture, createComposerFixture } from './composer-fixtures';
import { Composer } from './index';

type Loaded = { fixture: ComposerFixture; conversationID: string };

const meta = {
  title: 'Components/ComposerMention',
  component: Composer,
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createComposerFixture({}, null);
      const group = await fixture.alice.createGroup({
        name: 'Design Team',
        memberUserIDList: ['bob', 'carol', 'dave'],
      });
      return { fixture, conversationID: `group_${group.groupID}` };
    },
  ],
  render: function Render(args, { loaded }) {
    const { fixture, conversationID } = loaded as Loaded;
    const { strings, now } = useChatConfig();
    useEffect(() => () => void fixture.close(), [fixture]);
    return (
      <ChatProvider store={fixture.store} strings={strings} now={now} autoStart={false}>
        <div style={{ maxInlineSize: 520, marginInline: 'auto', paddingBlockStart: 300 }}>
          <Composer {...args} conversationID={conversationID} typingStatus="off" />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `@` opens the member picker: Everyone (Alice owns the group) and the members, filtered as she types. */
export const Picking: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox');
    await userEvent.click(field);
    await userEvent.type(field, 'Thanks @');
    const picker = await canvas.findByRole('listbox');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(4));
    await expect(field).toHaveAttribute(
      'aria-activedescendant',
      within(picker).getAllByRole('option')[0]?.id,
    );
  },
};

/** The picked member is a token in the text; Backspace would remove it whole. */
export const Picked: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox') as HTMLTextAreaElement;
    await userEvent.click(field);
    await userEvent.type(field, 'Thanks @bo');
    await within(await canvas.findByRole('listbox')).findByRole('option', { name: /Bob Martin/ });
    await userEvent.keyboard('{Enter}');
    await expect(field).toHaveValue('Thanks @Bob Martin ');
  },
};

/** The dark theme, picker open. */
export const Dark: Story = { ...Picking, globals: { theme: 'dark' } };

/** Simplified Chinese: 所有人 first. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox');
    await userEvent.click(field);
    await userEvent.type(field, '@');
    const picker = await canvas.findByRole('listbox', { name: '选择提醒的人' });
    await waitFor(() => expect(within(picker).getAllByRole('option')[0]).toHaveAccessibleName(/^所有人/));
  },
};
