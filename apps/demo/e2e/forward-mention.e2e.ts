import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  composer,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  row,
  rowName,
  screenshots,
  sendText,
  signInTabs,
} from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** An own message in the open chat, by its text. */
function ownMessage(page: Page, text: string) {
  return messageLog(page).getByRole('article').filter({ hasText: text });
}

test('alice selects two messages and forwards them merged to bob, whose tab opens the chat history and shows them', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');

  await openChat(alice, 'Carol 王');
  await sendText(alice, 'Trail plan: meet at the lake at 9');
  await sendText(alice, 'Bring water and a jacket');
  await expect.poll(() => ownMessage(alice, 'Bring water and a jacket').count()).toBe(1);

  // "Select" from the newest message's actions (keyboard), then Shift-click the one before it.
  await ownMessage(alice, 'Bring water and a jacket').focus();
  await alice.keyboard.press('Enter');
  await alice.getByRole('menuitem', { name: 'Select' }).click();
  const bar = alice.getByRole('group', { name: 'Selected messages' });
  await ownMessage(alice, 'Trail plan: meet at the lake at 9').click({ modifiers: ['Shift'] });
  await expect.poll(() => bar.getByRole('status').textContent()).toBe('2 selected');
  await shot(alice, '01-alice-selected');

  await bar.getByRole('button', { name: 'Forward as chat history' }).click();
  const dialog = alice.getByRole('dialog', { name: 'Forward to' });
  await dialog.getByRole('searchbox', { name: 'Search chats' }).fill('bob');
  await dialog.getByRole('searchbox', { name: 'Search chats' }).press('ArrowDown');
  await alice.keyboard.press('Space');
  await shot(alice, '02-alice-picker');
  await dialog.getByRole('button', { name: 'Send to 1 chat' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => bar.count()).toBe(0);

  // Bob's tab: the chat history arrives from Alice; opening it shows both messages.
  await bob.bringToFront();
  await expect.poll(() => rowName(bob, 'Alice Chen'), { timeout: 15_000 }).toMatch(/\[Chat history\]/);
  await openChat(bob, 'Alice Chen');
  const merger = messageLog(bob).getByRole('button', { name: /^Chat history of Alice Chen and Carol 王/ });
  await expect.poll(() => merger.count(), { timeout: 15_000 }).toBe(1);
  // The bubble shows the history's title and its first lines, from the messages Alice picked.
  await expect.poll(() => merger.textContent()).toContain('Alice Chen: Trail plan: meet at the lake at 9');
  await expect.poll(() => merger.textContent()).toContain('Alice Chen: Bring water and a jacket');
  await shot(bob, '03-bob-received-history');

  // Opening the history (mouse, then Enter) shows the forwarded messages themselves.
  const viewer = bob.getByRole('dialog', { name: /^Chat history/ });
  await merger.click();
  await expect.poll(() => viewer.count(), { timeout: 5_000 }).toBe(1);
  await expect.poll(() => viewer.textContent()).toContain('Trail plan: meet at the lake at 9');
  await expect.poll(() => viewer.textContent()).toContain('Bring water and a jacket');
  await shot(bob, '03b-bob-opened-history');
  await bob.keyboard.press('Escape');
  await expect.poll(() => viewer.count()).toBe(0);
  await merger.focus();
  await bob.keyboard.press('Enter');
  await expect.poll(() => viewer.count(), { timeout: 5_000 }).toBe(1);
  await expect.poll(() => viewer.textContent()).toContain('Bring water and a jacket');
  await bob.keyboard.press('Escape');
  await expect.poll(() => viewer.count()).toBe(0);
  await context.close();
});

test('alice mentions bob in a group; bob sees "@me" until he reads it', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');

  await openChat(alice, 'Weekend Hikers');
  await composer(alice).click();
  await composer(alice).pressSequentially('Lunch tomorrow @bo');
  const picker = alice.getByRole('listbox', { name: 'Mention someone' });
  await expect.poll(() => picker.getByRole('option', { name: /Bob Martin/ }).count()).toBe(1);
  await shot(alice, '04-alice-mention-picker');
  await composer(alice).press('Enter');
  await expect.poll(() => composer(alice).inputValue()).toBe('Lunch tomorrow @Bob Martin ');
  await composer(alice).pressSequentially('?');
  await composer(alice).press('Enter');
  await expect.poll(() => composer(alice).inputValue()).toBe('');

  await expect.poll(() => rowName(bob, 'Weekend Hikers'), { timeout: 15_000 }).toMatch(/@me/);
  await shot(bob, '05-bob-at-me');
  await bob.bringToFront();
  await openChat(bob, 'Weekend Hikers');
  const mentioned = messageLog(bob).getByRole('article', { name: /mentions you/ });
  await expect.poll(() => mentioned.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => rowName(bob, 'Weekend Hikers'), { timeout: 15_000 }).not.toMatch(/@me/);
  expect(await row(bob, 'Weekend Hikers').count()).toBe(1);
  await shot(bob, '06-bob-read');
  await context.close();
});
