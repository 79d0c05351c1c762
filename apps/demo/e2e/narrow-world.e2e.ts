import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chatHeading,
  conversationList,
  launchBrowser,
  messageLog,
  newProfile,
  openChat,
  row,
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

test('on a narrow screen the list and the chat are two screens, with a back button', async () => {
  const context = await newProfile(browser, {
    viewport: { width: 390, height: 844 },
    preferences: { locale: 'zh-CN', direction: 'rtl', theme: 'dark' },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: /^Olivia/ }).click({ timeout: 60_000 });
  await page.getByRole('heading', { level: 1, name: '聊天' }).waitFor({ timeout: 60_000 });
  await expect.poll(() => conversationList(page).getByRole('row').count()).toBeGreaterThan(3);
  await shot(page, '01-narrow-list-rtl-zh-dark');
  // The tab bar is at the bottom, and no chat is on screen.
  expect(await page.getByRole('main').count()).toBe(0);

  await conversationList(page).getByRole('row').first().click();
  const back = page.getByRole('button', { name: '返回' });
  await back.waitFor();
  expect(await conversationList(page).isVisible()).toBe(false);
  expect(await page.getByRole('navigation').isVisible()).toBe(false);
  await shot(page, '02-narrow-chat');
  // Chinese text is left-to-right in this right-to-left page: each bubble's time sits at the end of its
  // last line (on the right), never over the text (a regression: the built CSS lost `:dir()`).
  const overlaps = await page.evaluate(() =>
    [...document.querySelectorAll('.tidings-message-bubble[data-meta="inline"]')].flatMap((bubble) => {
      const text = bubble.querySelector('.tidings-message-text');
      const meta = bubble.querySelector('.tidings-message-meta');
      if (!text || !meta) return [];
      const range = document.createRange();
      range.selectNodeContents(text);
      const lines = [...range.getClientRects()];
      const time = meta.getBoundingClientRect();
      return lines
        .filter((line) => line.bottom > time.top + 1 && line.top < time.bottom - 1)
        .filter((line) => line.right > time.left + 1 && line.left < time.right - 1)
        .map(() => text.textContent ?? '');
    }),
  );
  expect(overlaps).toEqual([]);

  await back.click();
  await conversationList(page).waitFor();
  expect(await page.getByRole('main').count()).toBe(0);
  expect(new URL(page.url()).hash).toBe('');
  await context.close();
});

test('the world is alive: people answer after typing, and messages arrive at the rate the controls set', async () => {
  const context = await newProfile(browser, { world: { botsReply: true } });
  const [alice] = await signInTabs(context, ['Alice Chen']);
  if (!alice) throw new Error('one tab');

  await openChat(alice, 'Carol 王');
  await sendText(alice, 'Hi Carol! Are you free on Saturday?');
  // Carol is nobody's tab, so the simulation answers for her: first "typing…" in the header, then a reply.
  await expect
    .poll(() => alice.getByRole('main').getByText('Carol 王 is typing…').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await shot(alice, '03-carol-typing');
  await expect
    .poll(
      () =>
        messageLog(alice)
          .getByRole('article', { name: /^Carol 王/ })
          .last()
          .textContent(),
      {
        timeout: 15_000,
      },
    )
    .toMatch(/Hi Alice|Good question|Not sure|Yes!/);
  await shot(alice, '04-carol-replied');

  // Incoming messages every 250 ms, switched on in the demo controls, raise the total.
  await chatHeading(alice, 'Carol 王').waitFor();
  const before = await totalUnread(alice);
  await alice.getByRole('button', { name: 'Demo controls', exact: true }).click();
  await alice
    .getByRole('dialog', { name: 'Demo controls' })
    .getByRole('radio', { name: 'Every 250 ms' })
    .click();
  await alice.keyboard.press('Escape');
  await expect.poll(() => totalUnread(alice), { timeout: 20_000 }).toBeGreaterThan(before + 5);
  await shot(alice, '05-traffic');
  expect(await row(alice, 'Carol 王').count()).toBe(1);
  await context.close();
});
