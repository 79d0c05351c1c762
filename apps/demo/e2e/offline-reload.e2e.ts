import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chatHeading,
  conversationList,
  inbox,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  rowName,
  rowUnread,
  screenshots,
  sendText,
  setDemoOnline,
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

/** Waits until the offline app shell (the demo's service worker) controls the tab and has cached the app. */
async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // A tab opened before the worker took over is claimed by it on activation.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Alice's message, once the server has it. */
const SENT_BY_ALICE = /^You, Saved on this laptop.*(Sent|Read)$/;

/** The "You’re offline" banner of the inbox. */
const offlineBanner = (page: Page) => page.getByRole('status').getByText('You’re offline');

test('a reload without a network opens the inbox and a chat’s history from this device, and catches up once back online', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');
  await openChat(alice, 'Bob Martin');
  await sendText(alice, 'Saved on this laptop');
  await expect
    .poll(() => messageLog(alice).getByRole('article', { name: SENT_BY_ALICE }).count(), { timeout: 15_000 })
    .toBe(1);
  await waitForOfflineShell(alice);

  // The network goes away: every tab of the browser hears it and goes offline.
  await context.setOffline(true);
  await expect.poll(() => offlineBanner(alice).count()).toBe(1);
  // Bob's tab stands for his own device, still online (the demo switch overrides the browser's state).
  await setDemoOnline(bob, true);
  await openChat(bob, 'Alice Chen');
  await sendText(bob, 'Sent while you were offline');

  // Alice reloads with no network: the shell opens the app, the inbox and history come from IndexedDB.
  await alice.reload();
  await inbox(alice).waitFor({ timeout: 30_000 });
  await expect.poll(() => offlineBanner(alice).count(), { timeout: 15_000 }).toBe(1);
  await expect
    .poll(() => conversationList(alice).getByRole('row').count(), { timeout: 15_000 })
    .toBeGreaterThan(3);
  await expect.poll(() => rowName(alice, 'Bob Martin')).toContain('Saved on this laptop');
  await openChat(alice, 'Bob Martin');
  // Shown as sent, as before the reload: a message the server has is never shown as failed.
  await expect
    .poll(() => messageLog(alice).getByRole('article', { name: SENT_BY_ALICE }).count(), { timeout: 15_000 })
    .toBe(1);
  // Bob's message is on the server side only, not on this device yet.
  await expect(messageLog(alice).getByText('Sent while you were offline').count()).resolves.toBe(0);
  await shot(alice, '01-reloaded-offline');

  // Back online: the tab reconnects by itself and the missed message arrives in the open chat.
  await context.setOffline(false);
  await expect.poll(() => offlineBanner(alice).count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(() => messageLog(alice).getByText('Sent while you were offline').count(), { timeout: 15_000 })
    .toBe(1);
  await expect(chatHeading(alice, 'Bob Martin').count()).resolves.toBe(1);
  // Read where she reads it: the open chat's messages count as read once the server can hear it.
  await expect.poll(() => rowUnread(alice, 'Bob Martin'), { timeout: 15_000 }).toBe(0);
  await shot(alice, '02-back-online');
  await context.close();
}, 120_000);
