import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chatHeading,
  composer,
  conversationList,
  expectNoSeriousAxeViolations,
  inbox,
  isFocused,
  launchBrowser,
  messageLog,
  newProfile,
  openTab,
  row,
  rowNames,
  screenshots,
  tabTo,
} from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the whole flow works by keyboard alone, and axe finds no serious violation on the main screens', async () => {
  const context = await newProfile(browser);
  const page = await openTab(context, 'alice');
  const alice = page.getByRole('button', { name: /^Alice Chen/ });
  await alice.waitFor({ timeout: 60_000 });
  await expectNoSeriousAxeViolations(page, 'sign-in');

  // Sign in.
  await tabTo(page, alice);
  await shot(page, '01-sign-in-focus');
  await page.keyboard.press('Enter');
  await inbox(page).waitFor({ timeout: 60_000 });
  await expect.poll(() => conversationList(page).getByRole('row').count()).toBeGreaterThan(5);
  await expectNoSeriousAxeViolations(page, 'inbox');

  // Into the list, down two rows, open with Enter.
  const rows = conversationList(page).getByRole('row', { selected: false });
  await tabTo(page, conversationList(page).locator('[role="row"][tabindex="0"]'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const target = (await rowNames(page))[2]?.split(',')[0] ?? '';
  expect(await isFocused(row(page, target))).toBe(true);
  await shot(page, '02-row-focus');
  await page.keyboard.press('Enter');
  await chatHeading(page, target).waitFor();
  expect(await rows.count()).toBeGreaterThan(0);

  // Write and send.
  await tabTo(page, composer(page));
  await page.keyboard.type('Sent without touching the mouse ⌨️');
  await page.keyboard.press('Enter');
  await expect.poll(() => messageLog(page).getByText('Sent without touching the mouse ⌨️').count()).toBe(1);
  await shot(page, '03-sent-by-keyboard');
  await expectNoSeriousAxeViolations(page, 'chat');

  // Pin the chat from its row's actions menu: Shift+F10 opens it, arrows and Enter pick.
  await tabTo(page, row(page, target), 'Shift+Tab');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await menu.waitFor();
  await tabTo(page, menu.getByRole('menuitem', { name: 'Pin', exact: true }), 'ArrowDown', 12);
  await page.keyboard.press('Enter');
  await expect.poll(() => row(page, target).getAttribute('data-pinned')).toBe('');
  expect(await isFocused(row(page, target))).toBe(true);

  // The demo controls: open, switch to the dark theme with the arrow keys, close with Escape.
  const controls = page.getByRole('button', { name: 'Demo controls', exact: true });
  await tabTo(page, controls, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Demo controls' });
  await sheet.waitFor();
  await expectNoSeriousAxeViolations(page, 'demo controls');
  await tabTo(page, sheet.getByRole('radio', { name: 'Light' }));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.tidingsTheme)).toBe('dark');
  await shot(page, '04-controls-dark');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  expect(await isFocused(controls)).toBe(true);
  await expectNoSeriousAxeViolations(page, 'chat, dark');
  await shot(page, '05-dark-chat');

  // New chat by keyboard: the dialog, a name, Enter.
  await tabTo(page, page.getByRole('button', { name: 'New chat' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New chat' });
  await dialog.waitFor();
  await expectNoSeriousAxeViolations(page, 'new chat dialog');
  await page.keyboard.type('heidi');
  await page.keyboard.press('Enter');
  await chatHeading(page, 'Heidi Larsen').waitFor();
  await expect.poll(() => isFocused(composer(page))).toBe(false);
  await shot(page, '06-new-chat');
  await context.close();
});
