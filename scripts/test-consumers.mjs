// Consumer tests: Tidings as an app outside this repository gets it. Builds and packs both packages, lints
// the tarballs (publint, arethetypeswrong), then for each app in apps/consumers: `npm ci` from its lock,
// the tarballs installed on top without touching the lock, its own `tsc` (strict options, bundler and
// node16), its production build, and a check in Chromium of the served build.
//
// Usage: node scripts/test-consumers.mjs [app…]   (default: every app). While working on an app:
// TIDINGS_CONSUMERS_REUSE=1 keeps the last tarballs, TIDINGS_CONSUMERS_CHECK_ONLY=1 only serves and checks.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const consumers = path.join(root, 'apps/consumers');
const packs = path.join(consumers, '.packs');
const pnpm = ['-y', 'pnpm@10.34.9'];
const started = Date.now();

function run(command, args, cwd = root, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}  (in ${path.relative(root, cwd) || '.'})`);
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
}

const apps = [
  {
    name: 'vite-react19',
    serve: ['npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', '4311']],
    url: 'http://127.0.0.1:4311/',
  },
  {
    name: 'vite-react18',
    serve: ['npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', '4312']],
    url: 'http://127.0.0.1:4312/',
  },
  {
    name: 'next-app',
    serve: ['npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', '4313']],
    url: 'http://127.0.0.1:4313/',
    ssr: true,
  },
];
const only = process.argv.slice(2);
const selected = only.length ? apps.filter((app) => only.includes(app.name)) : apps;

// 1. Build and pack, as a release would (pnpm swaps in publishConfig.exports). TIDINGS_CONSUMERS_REUSE=1
// reuses the last tarballs (while working on an app).
const reuse = process.env.TIDINGS_CONSUMERS_REUSE === '1';
if (!reuse) build();
const tarballs = readdirSync(packs)
  .filter((file) => file.endsWith('.tgz'))
  .map((file) => path.join(packs, file));
if (!reuse) lint();

function build() {
  run('npx', [...pnpm, 'turbo', 'run', 'build', '--filter=@tidings/core', '--filter=@tidings/components']);
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  for (const pkg of ['core', 'components']) {
    run('npx', [...pnpm, 'pack', '--pack-destination', packs], path.join(root, 'packages', pkg));
  }
}

// 2. The tarballs as a registry would serve them. Both tools exit non-zero on a problem.
function lint() {
  // A Server Component may import any entry of the kit: every emitted module is a client boundary.
  const dist = path.join(root, 'packages/components/dist');
  const js = readdirSync(dist).filter((file) => file.endsWith('.js'));
  const missing = js.filter(
    (file) => !readFileSync(path.join(dist, file), 'utf8').startsWith("'use client';"),
  );
  assert(missing.length === 0, `every @tidings/components module starts with 'use client' (not: ${missing})`);
  console.log(`'use client' opens all ${js.length} modules of @tidings/components`);
  for (const tarball of tarballs) {
    run(path.join(root, 'node_modules/.bin/publint'), ['run', tarball, '--strict']);
    // The stylesheet is not a module with types: it is left out of the type check.
    run(path.join(root, 'node_modules/.bin/attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'ascii',
      '--exclude-entrypoints',
      'styles.css',
    ]);
  }
}

// 3. Each app: install, typecheck, build, serve, check in a browser.
const env = { NEXT_TELEMETRY_DISABLED: '1', CI: '1' };
for (const app of selected) {
  const dir = path.join(consumers, app.name);
  if (!process.env.TIDINGS_CONSUMERS_CHECK_ONLY)
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir, env);
  if (!process.env.TIDINGS_CONSUMERS_CHECK_ONLY)
    run(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs],
      dir,
      env,
    );
  if (!process.env.TIDINGS_CONSUMERS_CHECK_ONLY) run('npm', ['run', 'typecheck'], dir, env);
  if (!process.env.TIDINGS_CONSUMERS_CHECK_ONLY) run('npm', ['run', 'build'], dir, env);
  await check(app, dir);
}
console.log(
  `\nconsumer tests passed: ${selected.map((app) => app.name).join(', ')} in ${Math.round((Date.now() - started) / 1000)} s`,
);

async function check(app, dir) {
  const server = spawn(app.serve[0], app.serve[1], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  server.stdout.on('data', () => {});
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    await waitForServer(app.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    if (app.ssr) {
      const html = await (await fetch(app.url)).text();
      const serverRows = html.match(/aria-rowindex="\d+"/g)?.length ?? 0;
      assert(serverRows >= 5, `${app.name}: the server HTML holds ${serverRows} conversation rows`);
      assert(html.includes('aria-rowindex="1"'), `${app.name}: the server HTML starts at the first row`);
      console.log(`${app.name}: server HTML holds ${serverRows} rows`);
    }
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Conversations' });
    await grid.waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[role="grid"] [role="row"][aria-rowindex]').length > 0,
    );
    // Scroll to the end a few times: the list pulls more pages, and still mounts only what fits.
    for (let i = 0; i < 8; i++) {
      await grid.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      await page.waitForTimeout(250);
    }
    const known = Number(await grid.getAttribute('aria-rowcount'));
    const mounted = await page.locator('[role="grid"] [role="row"][aria-rowindex]').count();
    assert(known >= 200, `${app.name}: scrolling pulled more pages (${known} conversations known)`);
    assert(mounted > 0 && mounted < 40, `${app.name}: ${mounted} rows mounted for ${known} conversations`);
    await grid.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.waitForTimeout(250);

    // Open the first conversation and send a message from the composer.
    await page.locator('[role="grid"] [role="row"][aria-rowindex="1"]').click();
    const text = `Hello from ${app.name}`;
    const field = page.getByRole('textbox', { name: 'Message' });
    await field.fill(text);
    await field.press('Enter');
    await page.getByRole('log').getByText(text).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    assert(problems.length === 0, `${app.name}: the console stayed quiet:\n${problems.join('\n')}`);
    console.log(
      `${app.name}: ${mounted} rows mounted of ${known} known (2,000 in the inbox), message sent, console clean`,
    );
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
  }
}

async function waitForServer(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}

function assert(ok, message) {
  if (!ok) throw new Error(`consumer check failed: ${message}`);
}
