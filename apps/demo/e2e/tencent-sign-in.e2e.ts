import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newProfile, openTab, screenshots } from './e2e-helpers';

const shot = screenshots(import.meta.filename);
let browser: Browser;

beforeAll(async () => {
  // Tencent Cloud Chat is off the network for this browser (as in CI): every name but the app's own
  // server fails to resolve, so the SDK's wss:// and https:// connections fail at once.
  browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
});

afterAll(async () => {
  await browser?.close();
});

test('signing in to Tencent Cloud Chat without a network fails with a clear message next to the form, and the user can go back', async () => {
  const context = await newProfile(browser);
  const page = await openTab(context, 'tencent');
  await page.getByRole('button', { name: 'Tencent Cloud Chat' }).click({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Sign in to Tencent Cloud Chat' }).waitFor();

  // Bad input is said next to the form before anything goes out.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toContain('SDKAppID is the number shown in the Tencent Cloud Chat console');

  await page.getByRole('textbox', { name: 'SDKAppID' }).fill('1400000000');
  await page.getByRole('textbox', { name: 'User ID' }).fill('alice');
  // The development-only generator, under its warning.
  await page.getByText('Development only: make a test UserSig from the secret key').click();
  await expect.poll(() => page.getByText(/Never ship the secret key/).isVisible()).toBe(true);
  await page
    .getByLabel('Secret key')
    .fill('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Generate a test UserSig' }).click();
  await expect
    .poll(() => page.getByRole('textbox', { name: 'UserSig' }).inputValue())
    .toMatch(/^[A-Za-z0-9*_-]{40,}$/);
  await shot(page, '01-tencent-form');

  const started = Date.now();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect
    .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
    .toMatch(/Couldn’t reach Tencent Cloud Chat/);
  const seconds = (Date.now() - started) / 1000;
  console.log(`e2e: Tencent sign-in failed cleanly after ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(30);
  // The form is usable again, and Back returns to the embedded engine's sign-in.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).resolves.toBe(true);
  await shot(page, '02-tencent-offline');
  await expectNoSeriousAxeViolations(page, 'Tencent sign-in with its error');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in to the demo' }).count()).toBe(1);
  await context.close();
});
