import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  launchBrowser,
  newProfile,
  openChat,
  row,
  rowNames,
  rowUnread,
  screenshots,
  sendText,
  signInTabs,
  totalUnread,
} from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Picks an action from a row's actions menu, opened as a context menu (a right click on the row). */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await row(page, name).click({ button: 'right' });
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

test('a pinned chat moves to the top and stays there while others get messages', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');

  expect((await rowNames(alice))[0]).not.toMatch(/^Judy Alvarez/);
  await rowAction(alice, 'Judy Alvarez', 'Pin');
  await expect.poll(async () => (await rowNames(alice))[0]).toMatch(/^Judy Alvarez/);
  await expect(row(alice, 'Judy Alvarez').getAttribute('data-pinned')).resolves.toBe('');
  await shot(alice, '01-pinned');

  // Bob writes: his chat rises to the top of the unpinned ones, under the pinned one.
  await openChat(bob, 'Alice Chen');
  await sendText(bob, 'Are we still on for Saturday?');
  await sendText(bob, 'I can drive');
  await expect.poll(async () => (await rowNames(alice))[1], { timeout: 15_000 }).toMatch(/^Bob Martin/);
  expect((await rowNames(alice))[0]).toMatch(/^Judy Alvarez/);
  await shot(alice, '02-pinned-stays');

  // Unpinning keeps the order key: Judy drops back among the others by her last activity.
  await rowAction(alice, 'Judy Alvarez', 'Unpin');
  await expect.poll(async () => (await rowNames(alice))[0]).toMatch(/^Bob Martin/);
  await context.close();
});

test('muting a chat turns its count grey, marks the name, and takes it out of the total', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');

  await expect.poll(() => row(alice, 'Bob Martin').count()).toBe(1);
  const seededUnread = await rowUnread(alice, 'Bob Martin');
  await openChat(bob, 'Alice Chen');
  await sendText(bob, 'Ping');
  await sendText(bob, 'Ping again');
  const bobUnread = seededUnread + 2;
  await expect.poll(() => rowUnread(alice, 'Bob Martin'), { timeout: 15_000 }).toBe(bobUnread);
  const totalBefore = await totalUnread(alice);
  const badge = row(alice, 'Bob Martin').getByRole('img', { name: /unread message/ });
  await expect(badge.getAttribute('data-dot')).resolves.toBeNull();
  await shot(alice, '03-before-mute');

  await rowAction(alice, 'Bob Martin', 'Mute');
  await expect.poll(() => row(alice, 'Bob Martin').getAttribute('data-muted')).toBe('');
  // A grey count, still readable (not a lone dot), and the mute icon by the name.
  await expect.poll(() => badge.getAttribute('data-muted')).toBe('');
  expect(await badge.getAttribute('data-dot')).toBeNull();
  expect(await badge.textContent()).toBe(String(bobUnread));
  expect(
    await row(alice, 'Bob Martin')
      .locator('.tidings-conversation-list-item-name .tidings-conversation-list-item-muted')
      .count(),
  ).toBe(1);
  await expect.poll(() => totalUnread(alice)).toBe(totalBefore - bobUnread);
  await shot(alice, '04-muted-grey-count');

  // New messages in a muted chat count in its row but never in the total.
  await sendText(bob, 'Still there?');
  await expect.poll(() => rowUnread(alice, 'Bob Martin'), { timeout: 15_000 }).toBe(bobUnread + 1);
  expect(await totalUnread(alice)).toBe(totalBefore - bobUnread);
  await context.close();
});
