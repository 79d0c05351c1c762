import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  composer,
  inbox,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  row,
  rowName,
  rowNames,
  screenshots,
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

test('a draft shows as [Draft] in the list, survives switching chats and a reload, and goes when it is sent', async () => {
  const context = await newProfile(browser);
  const [alice] = await signInTabs(context, ['Alice Chen']);
  if (!alice) throw new Error('one tab');
  const draft = 'See you at six, bring the map';

  await openChat(alice, 'Judy Alvarez');
  await composer(alice).fill(draft);
  // Typing saves nothing (text deleted again must not move the row); leaving the field saves the draft:
  // the row shows it and moves to the top. Waiting for that keeps the next click from landing on a row
  // that is moving under the pointer.
  await alice.waitForTimeout(1000);
  expect(await row(alice, 'Judy Alvarez').getAttribute('data-has-draft')).toBeNull();
  await composer(alice).blur();
  await expect.poll(() => row(alice, 'Judy Alvarez').getAttribute('data-has-draft')).toBe('');
  await openChat(alice, 'Peggy Brooks');
  await expect.poll(() => rowName(alice, 'Judy Alvarez')).toContain(`Draft: ${draft}`);
  await expect(row(alice, 'Judy Alvarez').getByText('[Draft]').count()).resolves.toBe(1);
  await expect(row(alice, 'Judy Alvarez').getAttribute('data-has-draft')).resolves.toBe('');
  expect((await rowNames(alice))[0]).toMatch(/^Judy Alvarez/);
  await shot(alice, '01-draft-in-list');

  // Back in the chat, the field has the draft again.
  await openChat(alice, 'Judy Alvarez');
  await expect(composer(alice).inputValue()).resolves.toBe(draft);

  // A reload keeps the draft in the list and in the field.
  await alice.reload();
  await inbox(alice).waitFor({ timeout: 60_000 });
  await expect.poll(() => rowName(alice, 'Judy Alvarez'), { timeout: 15_000 }).toContain(`Draft: ${draft}`);
  await expect.poll(() => composer(alice).inputValue(), { timeout: 15_000 }).toBe(draft);
  await shot(alice, '02-draft-after-reload');

  // Sending it clears the draft: the row shows the sent message.
  await composer(alice).press('Enter');
  await expect.poll(() => messageLog(alice).getByText(draft).count()).toBe(1);
  await expect.poll(() => rowName(alice, 'Judy Alvarez')).not.toContain('Draft');
  await expect(row(alice, 'Judy Alvarez').getByText('[Draft]').count()).resolves.toBe(0);
  await expect(composer(alice).inputValue()).resolves.toBe('');
  await alice.reload();
  await inbox(alice).waitFor({ timeout: 60_000 });
  await expect.poll(() => rowName(alice, 'Judy Alvarez'), { timeout: 15_000 }).toContain(draft);
  expect(await rowName(alice, 'Judy Alvarez')).not.toContain('Draft');
  await shot(alice, '03-draft-sent');
  await context.close();
});

test('typing a message and deleting it again leaves the list in its order', async () => {
  const context = await newProfile(browser);
  const [alice] = await signInTabs(context, ['Alice Chen']);
  if (!alice) throw new Error('one tab');
  const people = (names: string[]) => names.slice(0, 6).map((name) => name.split(',')[0]);
  const before = people(await rowNames(alice));
  const third = before[2];
  if (!third) throw new Error('three conversations');

  await openChat(alice, third);
  await composer(alice).pressSequentially('Never mind');
  // Longer than any pause a composer waits for before it saves as you type.
  await alice.waitForTimeout(1500);
  await shot(alice, '04-typing');
  await composer(alice).fill('');
  await composer(alice).blur();
  await openChat(alice, before[0] ?? '');
  await alice.waitForTimeout(500);
  expect(people(await rowNames(alice))).toEqual(before);
  expect(await row(alice, third).getAttribute('data-has-draft')).toBeNull();
  await shot(alice, '05-deleted-text-keeps-order');
  await context.close();
});
