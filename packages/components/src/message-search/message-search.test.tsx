import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChatError, type ChatStore, selectMessageWindow } from '@tidings/core';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MessageSearch, type MessageSearchProps } from './message-search';
import { createSearchFixture, SEARCH_NOW, type SearchFixture } from './message-search-fixtures';
import { snippetAround, splitMatches } from './message-search-highlight';

let fixture: SearchFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function setup() {
  fixture = await createSearchFixture();
  return fixture;
}

function renderSearch(store: ChatStore, props: Partial<MessageSearchProps> = {}, strings?: typeof zhCN) {
  return render(
    <ChatProvider store={store} autoStart={false} now={() => SEARCH_NOW} {...(strings && { strings })}>
      <MessageSearch debounceMs={10} {...props} />
    </ChatProvider>,
  );
}

const field = () => screen.getByRole('combobox', { name: 'Search messages' });
const results = () => screen.getByRole('listbox', { name: 'Search results' });
const optionTexts = () =>
  within(results())
    .queryAllByRole('option')
    .map((option) => option.textContent);

describe('MessageSearch', { timeout: 20_000 }, () => {
  it('finds the messages holding every word, grouped by conversation with their counts', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store);
    expect(screen.getByRole('status')).toHaveTextContent('Search by words, type or sender');
    await user.type(field(), 'blue bottle');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('4 results'));
    const groups = within(results()).getAllByRole('group');
    expect(groups).toHaveLength(3);
    expect(groups[0]).toHaveAccessibleName('Design Team 1 result');
    expect(groups[1]).toHaveAccessibleName('Bob Martin 2 results');
    expect(groups[2]).toHaveAccessibleName('Carol 王 1 result');
    expect(within(groups[1] as HTMLElement).getAllByRole('option')[0]).toHaveAccessibleName(
      'You Yesterday Sure! Blue Bottle at 12:30 works for me',
    );
    expect(
      within(groups[1] as HTMLElement)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      expect.stringContaining('You Yesterday Sure! Blue Bottle at 12:30 works for me'),
      expect.stringContaining('Bob Martin Yesterday Lunch at Blue Bottle tomorrow?'),
    ]);
    expect(within(groups[0] as HTMLElement).getByRole('option')).toHaveTextContent(
      '[Location] Blue Bottle Coffee, Market St',
    );
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    expect(field()).toHaveAttribute('aria-controls', results().id);
  });

  it('marks every match in the text, as text and never as HTML', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container } = renderSearch(store);
    await user.type(field(), 'blue');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/results/));
    const marks = [...container.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks.length).toBeGreaterThan(4);
    expect(new Set(marks.map((mark) => mark?.toLowerCase()))).toEqual(new Set(['blue']));
    await user.clear(field());
    await user.type(field(), '<b>');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No messages found'));
    expect(container.querySelector('b')).toBeNull();
  });

  it('starts a long text a little before the first match', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store);
    await user.type(field(), 'folder');
    await waitFor(() => expect(optionTexts()).toHaveLength(1));
    expect(optionTexts()[0]).toMatch(/^Dave Okafor .*…drive, in the blue folder next to last week’s$/);
  });

  it('filters by message type, with or without words', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store);
    const types = screen.getByRole('radiogroup', { name: 'Type' });
    expect(within(types).getByRole('radio', { name: 'All' })).toBeChecked();
    await user.click(within(types).getByRole('radio', { name: 'Files' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
    expect(optionTexts()[0]).toContain('[File] blue-prints.pdf');
    await user.click(within(types).getByRole('radio', { name: 'Images' }));
    await waitFor(() => expect(optionTexts()[0]).toContain('[Image]'));
    await user.type(field(), 'coffee');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No messages found'));
  });

  it('offers the people one chats with as senders before anything is found', async () => {
    const { store } = await setup();
    renderSearch(store);
    const senders = within(screen.getByRole('combobox', { name: 'From' })).getAllByRole('option');
    expect(senders.map((option) => option.textContent)).toEqual(
      expect.arrayContaining(['Anyone', 'You', 'Bob Martin', 'Carol 王']),
    );
  });

  it('filters by sender', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store);
    await user.type(field(), 'blue');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/results/));
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'Carol 王');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 results'));
    for (const option of within(results()).getAllByRole('option'))
      expect(option).toHaveTextContent(/^Carol 王/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'You');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
  });

  it('moves through the results with the arrow keys and opens one with Enter, jumping to it', async () => {
    const { store } = await setup();
    const onResultSelect = vi.fn();
    const user = userEvent.setup();
    renderSearch(store, { onResultSelect });
    await user.type(field(), 'blue bottle');
    await waitFor(() => expect(within(results()).getAllByRole('option')).toHaveLength(4));
    const options = within(results()).getAllByRole('option');
    expect(field()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(field()).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(field()).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(field()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onResultSelect).toHaveBeenCalledWith(expect.objectContaining({ conversationID: 'c2c_bob' }));
    const { message } = onResultSelect.mock.calls[0]![0];
    expect(message.elemList[0].text).toBe('Sure! Blue Bottle at 12:30 works for me');
    await waitFor(() => expect(store.getState().activeConversationID).toBe('c2c_bob'));
    await waitFor(() =>
      expect(selectMessageWindow(store.getState(), 'c2c_bob')?.highlightedMsgID).toBe(message.msgID),
    );
  });

  it('opens a result on click', async () => {
    const { store } = await setup();
    const onResultSelect = vi.fn();
    const user = userEvent.setup();
    renderSearch(store, { onResultSelect });
    await user.type(field(), 'coffee');
    const option = await within(results()).findByRole('option', { name: /Carol 王/ });
    await user.click(option);
    expect(onResultSelect).toHaveBeenCalledWith(expect.objectContaining({ conversationID: 'c2c_carol' }));
    expect(field()).toHaveFocus();
    await waitFor(() => expect(store.getState().activeConversationID).toBe('c2c_carol'));
  });

  it('clears the search with Escape or the clear button', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store);
    await user.type(field(), 'blue');
    await waitFor(() => expect(optionTexts().length).toBeGreaterThan(0));
    await user.keyboard('{Escape}');
    expect(field()).toHaveValue('');
    expect(optionTexts()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Search by words, type or sender');
    await user.type(field(), 'lunch');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(field()).toHaveValue('');
    expect(field()).toHaveFocus();
  });

  it('loads more results a page at a time', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store, { pageSize: 3 });
    await user.type(field(), 'blue');
    await waitFor(() => expect(optionTexts()).toHaveLength(3));
    expect(screen.getByRole('status')).toHaveTextContent('7 results');
    await user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(optionTexts()).toHaveLength(6));
    await user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(optionTexts()).toHaveLength(7));
    expect(screen.queryByRole('button', { name: 'Show more results' })).toBeNull();
    // A conversation on several pages stays one group.
    expect(within(results()).getAllByRole('group')).toHaveLength(3);
  });

  it('shows only the answer to the latest search when an earlier one answers late', async () => {
    const { store } = await setup();
    const search = store.getState().searchMessages;
    let releaseFirst: () => void = () => undefined;
    vi.spyOn(store.getState(), 'searchMessages').mockImplementation(async (params) => {
      if (params.keywordList?.[0] === 'lunch') await new Promise<void>((resolve) => (releaseFirst = resolve));
      return search(params);
    });
    const user = userEvent.setup();
    renderSearch(store);
    await user.type(field(), 'lunch');
    await waitFor(() => expect(results()).toHaveAttribute('aria-busy', 'true'));
    await user.clear(field());
    await user.type(field(), 'tip');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
    await act(async () => releaseFirst());
    expect(screen.getByRole('status')).toHaveTextContent('1 result');
    expect(optionTexts()).toEqual([expect.stringContaining('thanks for the tip')]);
  });

  it('says when the search failed and tries again', async () => {
    const { store } = await setup();
    const search = store.getState().searchMessages;
    vi.spyOn(store.getState(), 'searchMessages')
      .mockRejectedValueOnce(new ChatError('STORAGE_FAILURE', 'disk'))
      .mockImplementation(search);
    const user = userEvent.setup();
    const { container } = renderSearch(store);
    await user.type(field(), 'tip');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Couldn’t load'));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
  });

  it('searches one conversation when given one, offering its people as senders', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store, { conversationID: 'c2c_bob' });
    await user.type(field(), 'blue');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 results'));
    expect(within(results()).queryAllByRole('group')).toEqual([]);
    const senders = within(screen.getByRole('combobox', { name: 'From' })).getAllByRole('option');
    expect(senders.map((option) => option.textContent)).toEqual(['Anyone', 'You', 'Bob Martin']);
  });

  it('speaks Chinese and finds Chinese text', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    renderSearch(store, {}, zhCN);
    await user.type(screen.getByRole('combobox', { name: '搜索聊天记录' }), '蓝色');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 条相关记录'));
    expect(screen.getByRole('listbox', { name: '搜索结果' })).toHaveTextContent('新的设计稿在蓝色文件夹里');
    expect(screen.getByRole('radiogroup', { name: '类型' })).toHaveTextContent(
      '全部文字图片文件视频语音位置',
    );
  });

  it('has no accessibility violations, empty and with results', async () => {
    const { store } = await setup();
    const user = userEvent.setup();
    const { container } = renderSearch(store);
    await expectNoAxeViolations(container);
    await user.type(field(), 'blue');
    await waitFor(() => expect(optionTexts().length).toBeGreaterThan(0));
    await user.keyboard('{ArrowDown}');
    await expectNoAxeViolations(container);
  });
});

describe('splitMatches and snippetAround', () => {
  it('splits text into matching and other runs, case-insensitively, longest keyword first', () => {
    expect(splitMatches('Blue Bottle, blue sky', ['blue', 'blue bottle'])).toEqual([
      { text: 'Blue Bottle', match: true },
      { text: ', ', match: false },
      { text: 'blue', match: true },
      { text: ' sky', match: false },
    ]);
    expect(splitMatches('a.b', ['.'])).toEqual([
      { text: 'a', match: false },
      { text: '.', match: true },
      { text: 'b', match: false },
    ]);
    expect(splitMatches('nothing here', [])).toEqual([{ text: 'nothing here', match: false }]);
    expect(splitMatches('', ['x'])).toEqual([]);
  });

  it('keeps short texts whole and starts long ones near the first match', () => {
    expect(snippetAround('short\n  text', ['text'])).toBe('short text');
    const long = 'One two three four five six seven eight nine ten eleven twelve thirteen needle end';
    expect(snippetAround(long, ['needle'], 10)).toBe('…thirteen needle end');
  });
});
