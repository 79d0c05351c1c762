import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inbox, launchBrowser, newProfile, openTab, row, screenshots, signIn } from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('two tabs of one browser are two people, and each stays signed in across a reload', async () => {
  const context = await newProfile(browser);
  const alice = await openTab(context, 'alice');
  await expect
    .poll(() => alice.getByRole('button', { name: /^Alice Chen/ }).count(), { timeout: 60_000 })
    .toBe(1);
  await shot(alice, '01-sign-in');
  await signIn(alice, 'Alice Chen');
  const bob = await openTab(context, 'bob');
  // The sign-in screen knows who is signed in in another tab.
  await expect
    .poll(() => bob.getByRole('button', { name: /^Alice Chen.*another tab/ }).count(), { timeout: 10_000 })
    .toBe(1);
  await signIn(bob, 'Bob Martin');
  await shot(alice, '02-alice-inbox');
  await shot(bob, '03-bob-inbox');

  await bob.reload();
  await inbox(bob).waitFor({ timeout: 60_000 });
  await expect(bob.getByRole('button', { name: /Account: Bob Martin/ }).count()).resolves.toBe(1);
  await alice.reload();
  await inbox(alice).waitFor({ timeout: 60_000 });
  await expect(alice.getByRole('button', { name: /Account: Alice Chen/ }).count()).resolves.toBe(1);
  await context.close();
});

test('a new name joins the demo and is welcomed by the Tidings account', async () => {
  const context = await newProfile(browser);
  const page = await openTab(context, 'zoe');
  await page.getByRole('textbox', { name: /new name/ }).fill('Zoë Lin', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Join' }).click();
  await inbox(page).waitFor({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /Account: Zoë Lin/ }).count()).resolves.toBe(1);
  await row(page, 'Tidings').click({ timeout: 15_000 });
  await expect
    .poll(() => page.getByText(/Welcome to the Tidings demo, Zoë/).count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await shot(page, '04-new-name');
  await context.close();
});
