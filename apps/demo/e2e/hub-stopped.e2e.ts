import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inbox, launchBrowser, newProfile, openTab, screenshots } from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Whether the whole of `locator` lies inside the window, with no scrolling. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

test('when the tab running the hub stops answering, sign-in says so next to the form, on a laptop and a phone', async () => {
  // With a load, signing in first asks the hub whether the account has it yet: a question that must fail.
  const context = await newProfile(browser, { world: { load: 10_000 } });
  // Alice's tab opens first, so it runs the hub. It can be made to hang as far as other tabs can tell:
  // its BroadcastChannels then neither hear nor say anything (its own scripts keep running).
  const alice = await context.newPage();
  await alice.addInitScript(() => {
    const Native = BroadcastChannel;
    const hung = () => (window as { hubHung?: boolean }).hubHung === true;
    class Hangable extends Native {
      override postMessage(message: unknown): void {
        if (!hung()) super.postMessage(message);
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage =
          handler && ((event: MessageEvent) => (hung() ? undefined : handler.call(this, event)));
      }
      override get onmessage(): ((event: MessageEvent) => void) | null {
        return super.onmessage;
      }
    }
    window.BroadcastChannel = Hangable;
  });
  await alice.goto('/');
  await alice.getByRole('button', { name: /^Alice Chen/ }).click({ timeout: 60_000 });
  await inbox(alice).waitFor({ timeout: 90_000 });
  const bob = await openTab(context, 'bob');
  const bobButton = bob.getByRole('button', { name: /^Bob Martin/ });
  await bobButton.waitFor({ timeout: 60_000 });
  await alice.evaluate(() => {
    (window as { hubHung?: boolean }).hubHung = true;
  });

  const started = Date.now();
  await bobButton.click();
  const alert = bob.getByRole('alert').filter({ hasText: /stopped answering/ });
  // Each request to the hub waits at most 15 s (two in a row here): the sign-in fails, it does not spin on.
  await alert.waitFor({ timeout: 50_000 });
  expect(Date.now() - started).toBeLessThan(50_000);
  await expect(alert.textContent()).resolves.toMatch(
    /Close or reload the other Tidings tabs, then try again/,
  );
  expect(await inView(bob, alert)).toBe(true);
  // The people to try again with are right there.
  await expect(bobButton.isEnabled()).resolves.toBe(true);
  await shot(bob, '01-laptop');

  await bob.setViewportSize({ width: 390, height: 844 });
  expect(await inView(bob, alert)).toBe(true);
  await shot(bob, '02-phone');

  await context.close();
});
