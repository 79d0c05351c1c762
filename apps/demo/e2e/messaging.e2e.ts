import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makePng } from './e2e-files';
import {
  composer,
  isVisibleInLog,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  row,
  rowName,
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

test('alice sends bob a text, an image and a file; his badge and total rise, opening the chat clears them, and alice sees them read', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');

  await expect.poll(() => row(bob, 'Alice Chen').count()).toBe(1);
  const unreadBefore = await rowUnread(bob, 'Alice Chen');
  const totalBefore = await totalUnread(bob);

  await openChat(alice, 'Bob Martin');
  await sendText(alice, 'Hi Bob! Photos from the trip, and the plan');
  const chooser = alice.waitForEvent('filechooser');
  await alice.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles([
    { name: 'lake.png', mimeType: 'image/png', buffer: makePng(320, 200, [94, 160, 230], [20, 60, 120]) },
    { name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% the plan\n') },
  ]);
  await alice.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => messageLog(alice).getByRole('article', { name: /^You/ }).count())
    .toBeGreaterThan(0);
  await expect
    .poll(
      () =>
        messageLog(alice)
          .getByRole('button', { name: /lake\.png/ })
          .count(),
      { timeout: 15_000 },
    )
    .toBe(1);
  await shot(alice, '01-alice-sent');

  // Bob's row and total rise by the three messages, and the row reads the newest one.
  await expect.poll(() => rowUnread(bob, 'Alice Chen'), { timeout: 15_000 }).toBe(unreadBefore + 3);
  await expect.poll(() => totalUnread(bob)).toBe(totalBefore + 3);
  // The picture and the file upload side by side; whichever lands last is the preview.
  expect(await rowName(bob, 'Alice Chen')).toMatch(/\[Image\]|\[File\] plan\.pdf/);
  await shot(bob, '02-bob-badge');

  // Opening the chat (in a focused tab, with the newest message on screen) reads everything.
  await bob.bringToFront();
  await openChat(bob, 'Alice Chen');
  await expect(messageLog(bob).getByText('Hi Bob! Photos from the trip, and the plan').count()).resolves.toBe(
    1,
  );
  await expect.poll(() => rowUnread(bob, 'Alice Chen'), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => totalUnread(bob)).toBe(totalBefore - unreadBefore);
  await shot(bob, '03-bob-read');

  // Alice's three messages turn to "Read".
  await alice.bringToFront();
  await expect
    .poll(
      () =>
        messageLog(alice)
          .getByRole('article', { name: /^You, .*Read$/ })
          .count(),
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(3);
  await expect(composer(alice).inputValue()).resolves.toBe('');
  await shot(alice, '04-alice-read-receipts');
  await context.close();
});

/*
 * Regression: a message that takes the typing indicator's place at the end of the log leaves the item
 * count unchanged, which TanStack Virtual's followOnAppend does not treat as an append; the list follows
 * it itself (message-list/use-message-list.ts).
 */
test('a reader at the bottom sees a new message that the sender typed first', async () => {
  const context = await newProfile(browser);
  const [alice, bob] = await signInTabs(context, ['Alice Chen', 'Bob Martin']);
  if (!alice || !bob) throw new Error('two tabs');
  await openChat(alice, 'Bob Martin');
  await openChat(bob, 'Alice Chen');
  await expect
    .poll(() => bob.getByRole('log').evaluate((log) => log.closest('[data-at-end]') !== null))
    .toBe(true);
  // Typing shows Bob the indicator at the end of the log; the message then takes its place.
  await composer(alice).pressSequentially('Typed, then sent', { delay: 20 });
  await expect.poll(() => messageLog(bob).getByText('Alice Chen is typing…').count()).toBeGreaterThan(0);
  await composer(alice).press('Enter');
  const arrived = messageLog(bob).getByText('Typed, then sent');
  await expect.poll(() => arrived.count(), { timeout: 15_000 }).toBe(1);
  await shot(bob, '05-typed-message-arrived');
  await expect.poll(() => isVisibleInLog(arrived), { timeout: 5_000 }).toBe(true);
  await context.close();
});
