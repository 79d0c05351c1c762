import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  conversationList,
  inbox,
  launchBrowser,
  newProfile,
  rowNames,
  screenshots,
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

/** Percentile of sorted numbers. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

test('switching the demo to 100,000 conversations loads them and the list scrolls (frame times in the output)', async () => {
  const context = await newProfile(browser);
  const [page] = await signInTabs(context, ['Alice Chen']);
  if (!page) throw new Error('one tab');

  // The demo controls switch the world; every tab reloads into it and the account gets its load once.
  await page.getByRole('button', { name: 'Demo controls', exact: true }).click();
  const started = Date.now();
  const reloaded = page.waitForEvent('load');
  await page
    .getByRole('dialog', { name: 'Demo controls' })
    .getByRole('radio', { name: '100,000 conversations' })
    .click();
  await reloaded;
  await page
    .getByRole('status')
    .getByText(/Creating 100,000 conversations/)
    .waitFor({ timeout: 60_000 });
  await shot(page, '01-seeding');
  await inbox(page).waitFor({ timeout: 240_000 });
  await expect
    .poll(() => conversationList(page).getByRole('row').count(), { timeout: 60_000 })
    .toBeGreaterThan(5);
  const loadedMs = Date.now() - started;
  // A fifth of the load is unread, so the total counts in the tens of thousands.
  await expect.poll(() => totalUnread(page), { timeout: 30_000 }).toBeGreaterThan(10_000);
  await shot(page, '02-loaded');

  const grid = conversationList(page);
  // The pointer rests on the chat side, as a reader's would while a wheel or keys scroll the list.
  await page.mouse.move(900, 400);
  const frames = await grid.evaluate(async (element) => {
    // The element that scrolls: the grid itself or its nearest scrolling ancestor.
    let scroller: HTMLElement | null = element as HTMLElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
    if (!scroller) return [];
    const deltas: number[] = [];
    let top = scroller.scrollTop;
    let last = performance.now();
    for (let i = 0; i < 300; i++) {
      // Written, never read back, so the measurement forces no layout of its own.
      top += 200;
      scroller.scrollTop = top;
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  });
  expect(frames.length).toBe(300);
  const sorted = [...frames].sort((a, b) => a - b);
  const rowCount = Number(await grid.getAttribute('aria-rowcount'));
  const mounted = await grid.getByRole('row').count();
  console.log(
    [
      `load: 100,000 conversations ready ${(loadedMs / 1000).toFixed(1)} s after the switch (seeding included)`,
      `scroll: 300 frames at 200 px/frame — p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms, frames over 50 ms: ${frames.filter((ms) => ms > 50).length}`,
      `list: aria-rowcount ${rowCount}, rows in the DOM ${mounted}`,
    ].join('\n'),
  );
  // Paging kept up with the scroll, and the list stayed virtualized.
  expect(rowCount).toBeGreaterThan(800);
  expect(mounted).toBeLessThan(80);
  expect((await rowNames(page)).length).toBeGreaterThan(5);
  await shot(page, '03-scrolled');

  // A reload without a network: the first rows come from IndexedDB (timing in the output).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex]')) return;
      performance.mark('e2e:first-row');
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await context.setOffline(true);
  await page.reload();
  await expect
    .poll(() => conversationList(page).getByRole('row').count(), { timeout: 60_000 })
    .toBeGreaterThan(5);
  const coldStart = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return { store: at('tidings-demo:store-created'), firstRow: at('e2e:first-row') };
  });
  console.log(
    `offline reload with 100,000 conversations: store created ${coldStart.store.toFixed(0)} ms after navigation, first rows ${(coldStart.firstRow - coldStart.store).toFixed(0)} ms after that`,
  );
  expect(Number(await conversationList(page).getAttribute('aria-rowcount'))).toBeGreaterThan(5);
  await shot(page, '04-reloaded-offline');
  await context.close();
}, 360_000);
