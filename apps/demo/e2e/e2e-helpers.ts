import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { watchCspViolations } from './e2e-csp';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Chromium from Debian (or CHROMIUM_PATH), headless and quiet; never a downloaded one. `extraArgs` add
 * switches (e.g. host resolver rules that take a service off the network).
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** How the world behaves in a test, written before the app first loads (the demo controls' settings). */
export interface WorldOptions {
  load?: 0 | 10_000 | 100_000;
  trafficMs?: number;
  botsReply?: boolean;
  groupChatter?: boolean;
}

/** How the app looks in a test. */
export interface PreferenceOptions {
  theme?: 'light' | 'dark' | 'system';
  locale?: 'en' | 'zh-CN';
  direction?: 'ltr' | 'rtl';
}

/**
 * A fresh browser profile: one context, whose tabs share the origin's storage (IndexedDB, Web Locks,
 * BroadcastChannel) as a person's tabs do. By default the simulated people stay quiet, so counts in a test
 * move only by what the test does; the world and look can be set as the demo controls would. Every page of
 * it is watched for Content-Security-Policy violations, which fail the test (`e2e-setup.ts`).
 */
export async function newProfile(
  browser: Browser,
  options: {
    world?: WorldOptions;
    preferences?: PreferenceOptions;
    viewport?: { width: number; height: number };
  } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  await watchCspViolations(context);
  const world = { botsReply: false, groupChatter: false, trafficMs: 0, load: 0, ...options.world };
  const preferences = { theme: 'light', locale: 'en', direction: 'ltr', ...options.preferences };
  // Only before the first visit: later reloads keep what the app (or the test, through it) changed.
  await context.addInitScript(
    ([worldJSON, preferencesJSON]) => {
      if (!localStorage.getItem('tidings-demo:world')) localStorage.setItem('tidings-demo:world', worldJSON);
      if (!localStorage.getItem('tidings-demo:preferences'))
        localStorage.setItem('tidings-demo:preferences', preferencesJSON);
    },
    [JSON.stringify(world), JSON.stringify(preferences)] as const,
  );
  return context;
}

/** Opens a tab, logging the page's errors into the test output. */
export async function openTab(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name}] console: ${message.text()}`);
  });
  await page.goto('/');
  return page;
}

/** Signs a tab in as one of the seeded people, by the name on their button, and waits for the inbox. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click({ timeout: 60_000 });
  await inbox(page).waitFor({ timeout: 60_000 });
}

/** The conversation list (the kit's grid). */
export function conversationList(page: Page): Locator {
  return page.getByRole('grid', { name: /conversations|会话/i });
}

/** The inbox heading, present once a tab is signed in. */
export function inbox(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: /Chats|聊天/ });
}

/** The row of a conversation in the list, by the name it shows. */
export function row(page: Page, name: string): Locator {
  return conversationList(page).getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}`) });
}

/** The total unread badge in the app's tab bar ("12 unread messages"), as a number; 0 when hidden. */
export async function totalUnread(page: Page): Promise<number> {
  const badge = page.getByRole('navigation').getByRole('img', { name: /unread/ });
  if ((await badge.count()) === 0) return 0;
  const label = (await badge.getAttribute('aria-label')) ?? '';
  return Number(/\d+/.exec(label.replace(/,/g, ''))?.[0] ?? 0);
}

/** A string as a literal in a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Saves screenshots of a test under e2e/artifacts/<file>/ (git-ignored). Look at them. */
export function screenshots(file: string): (page: Page, name: string) => Promise<void> {
  const dir = path.join(here, 'artifacts', path.basename(file).replace(/\.e2e\.ts$/, ''));
  mkdirSync(dir, { recursive: true });
  return async (page, name) => {
    await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page and fails on serious and critical violations, listing them readably. */
export async function expectNoSeriousAxeViolations(page: Page, screen: string): Promise<void> {
  // Evaluated rather than added as an inline <script>, which the demo's CSP (script-src 'self') blocks.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
            .slice(0, 5)
            .map((node) => `  ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`)
            .join('\n')}`,
      );
  });
  expect(violations, `axe on ${screen}:\n${violations.join('\n\n')}`).toEqual([]);
}

/** Waits until `read` returns something `accept` likes, polling; fails with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Opens a tab per person in one profile and signs each in, in order. */
export async function signInTabs(context: BrowserContext, names: readonly string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const name of names) {
    const page = await openTab(context, name.split(' ')[0]?.toLowerCase() ?? name);
    await signIn(page, name);
    pages.push(page);
  }
  return pages;
}

/** Opens a conversation from the list by clicking its row, and waits for the chat's heading. */
export async function openChat(page: Page, name: string): Promise<void> {
  await row(page, name).click();
  await chatHeading(page, name).waitFor();
}

/** The heading of the open chat. */
export function chatHeading(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('heading', { level: 2, name });
}

/** The message field of the composer. */
export function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Message$|^消息$/ });
}

/** The message log of the open chat. */
export function messageLog(page: Page): Locator {
  return page.getByRole('log');
}

/** Types a message and sends it with Enter. */
export async function sendText(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

/** The unread count a row says it has (its accessible name: "Bob Martin, 3 unread messages, …"). */
export async function rowUnread(page: Page, name: string): Promise<number> {
  const label = await rowName(page, name);
  return Number(/(\d[\d,]*) unread message/.exec(label)?.[1]?.replace(/,/g, '') ?? 0);
}

/** The accessible name of a row: "Bob Martin, 3 unread messages, Draft: see you, 10:42". */
export async function rowName(page: Page, name: string): Promise<string> {
  return (await row(page, name).getAttribute('aria-label')) ?? '';
}

/** The names of the rows in the list, top to bottom (as many as are mounted). */
export async function rowNames(page: Page): Promise<string[]> {
  return conversationList(page)
    .getByRole('row')
    .evaluateAll((rows) =>
      rows
        .filter((row) => row.hasAttribute('aria-rowindex'))
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''),
    );
}

/** Whether an element is on screen inside its scrolling log (not just mounted by the virtualizer). */
export async function isVisibleInLog(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const log = element.closest('[role="log"]') ?? document.documentElement;
    const view = log.getBoundingClientRect();
    return box.bottom > view.top + 1 && box.top < view.bottom - 1 && box.height > 0;
  });
}

/** Whether the element is the focused one. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) => element === document.activeElement || element.contains(document.activeElement),
  );
}

/** Presses Tab (or another key) until the element has focus, as a keyboard user would; fails after `max`. */
export async function tabTo(page: Page, locator: Locator, key = 'Tab', max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await locator.count()) > 0 && (await isFocused(locator.first()))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${locator}`);
}

/** Switches this tab's simulated network on or off by hand in the demo controls. */
export async function setDemoOnline(page: Page, online: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Demo controls', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Demo controls' });
  const toggle = sheet.getByRole('switch', { name: 'Online' });
  if ((await toggle.isChecked()) !== online) await toggle.click();
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
}
