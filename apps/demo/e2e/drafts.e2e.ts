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
  // The draft is saved as you type (debounced): the row shows it and moves to the top. Waiting for that
  // keeps the next click from landing on a row that is moving under the pointer.
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
