import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  isVisibleInLog,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  rowName,
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

test('a message sent while offline fails visibly and goes through on retry', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');
  await openChat(alice, 'Bob Martin');

  await setDemoOnline(alice, false);
  await expect.poll(() => alice.getByRole('status').getByText('You’re offline').count()).toBe(1);
  await sendText(alice, 'Are you still there?');
  const failed = messageLog(alice).getByRole('article', { name: /^You, .*Failed to send$/ });
  await expect.poll(() => failed.count(), { timeout: 15_000 }).toBe(1);
  await expect(failed.getByRole('button', { name: 'Resend' }).count()).resolves.toBe(1);
  // The list says so too: the row carries the failed-send marker.
  await expect.poll(() => rowName(alice, 'Bob Martin')).toContain('Are you still there?');
  await shot(alice, '01-offline-failed');

  await setDemoOnline(alice, true);
  await expect.poll(() => alice.getByRole('status').getByText('You’re offline').count()).toBe(0);
  await failed.getByRole('button', { name: 'Resend' }).click();
  await expect
    .poll(
      () =>
        messageLog(alice)
          .getByRole('article', { name: /^You, .*(Sent|Read)$/ })
          .last()
          .textContent(),
      {
        timeout: 15_000,
      },
    )
    .toContain('Are you still there?');
  await expect(failed.count()).resolves.toBe(0);
  await expect.poll(() => rowName(bob, 'Alice Chen'), { timeout: 15_000 }).toContain('Are you still there?');
  await shot(alice, '02-resent');
  await context.close();
});

test('a recalled message shows the recall notice on both sides', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');
  await openChat(alice, 'Bob Martin');
  await sendText(alice, 'Oops, that was for someone else');
  // Bob opens the chat once it has arrived, so he reads it at the bottom (see the known-bug test about
  // following a message that replaces the typing indicator).
  await expect
    .poll(() => rowName(bob, 'Alice Chen'), { timeout: 15_000 })
    .toContain('Oops, that was for someone else');
  await openChat(bob, 'Alice Chen');
  await expect
    .poll(() => messageLog(bob).getByText('Oops, that was for someone else').count(), { timeout: 15_000 })
    .toBe(1);

  const message = messageLog(alice)
    .getByRole('article')
    .filter({ hasText: 'Oops, that was for someone else' });
  await message.click({ button: 'right' });
  await alice.getByRole('menuitem', { name: 'Recall' }).click();
  await expect.poll(() => messageLog(alice).getByText('You recalled a message').count()).toBe(1);
  await expect
    .poll(() => messageLog(bob).getByText('Alice Chen recalled a message').count(), { timeout: 15_000 })
    .toBe(1);
  await expect(messageLog(bob).getByText('Oops, that was for someone else').count()).resolves.toBe(0);
  await expect.poll(() => isVisibleInLog(messageLog(alice).getByText('You recalled a message'))).toBe(true);
  await expect
    .poll(() => isVisibleInLog(messageLog(bob).getByText('Alice Chen recalled a message')))
    .toBe(true);
  await expect.poll(() => rowName(bob, 'Alice Chen')).toContain('Alice Chen recalled a message');
  await shot(alice, '03-alice-recalled');
  await shot(bob, '04-bob-recalled');
  await context.close();
});
