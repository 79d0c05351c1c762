// Runs the conversation list benchmark in real Chromium: builds bench-page.tsx for production, serves it
// on 127.0.0.1, and measures <ConversationList> ("ours") against a bare @tanstack/react-virtual list of
// plain rows ("baseline") over the same already-loaded store, at 1,000, 10,000 and 100,000 conversations.
// Prints a markdown table of values, ratios, budgets and whether each is met.
//
//   pnpm --filter @tidings/components bench            (all sizes)
//   node bench/conversation-list/bench-run.mjs 1000    (some sizes)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const configFile = path.join(here, 'vite.config.ts');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 11);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 4817, strictPort: false } });
const url = server.resolvedUrls.local[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

const results = [];
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    const started = Date.now();
    await page.evaluate((count) => window.tidingsBench.setup(count), size);
    console.error(`${size.toLocaleString('en')} conversations loaded in ${Date.now() - started} ms`);
    const bench = (fn, arg) =>
      page.evaluate(([body, value]) => new Function('b', 'v', body)(window.tidingsBench, value), [fn, arg]);
    const run = (body, arg) => bench(`return (async () => { ${body} })()`, arg);

    const metrics = { ours: {}, baseline: {} };
    const kinds = (i) => (i % 2 ? ['ours', 'baseline'] : ['baseline', 'ours']);

    // Mount to first paint, and DOM nodes once mounted.
    const mounts = { ours: [], baseline: [] };
    const nodes = { ours: [], baseline: [] };
    for (let i = 0; i < REPEAT; i++) {
      for (const kind of kinds(i)) {
        mounts[kind].push(await run('const t = await b.mount(v); return t;', kind));
        await run('await new Promise((r) => setTimeout(r, 50));');
        nodes[kind].push(await run('return b.domNodes();'));
        await run('await b.unmount();');
      }
    }
    // JS heap after GC with the list mounted (the store is the same for both).
    const heaps = { ours: [], baseline: [] };
    const empty = await run('return b.heap();');
    for (let i = 0; i < 3; i++) {
      for (const kind of kinds(i)) {
        await run('await b.mount(v);', kind);
        heaps[kind].push(await run('return b.heap();'));
        await run('await b.unmount();');
      }
    }
    // Scrolling: 300 frames at 200 px per frame.
    const scrolls = { ours: [], baseline: [] };
    for (let i = 0; i < 2; i++) {
      for (const kind of kinds(i)) {
        await run('await b.mount(v);', kind);
        scrolls[kind].push(...(await run('return b.scroll(300, 200);')));
        await run('await b.unmount();');
      }
    }
    // One new message per frame, and a burst of 1,000 in one task.
    const messages = { ours: [], baseline: [] };
    const bursts = { ours: [], baseline: [] };
    for (let i = 0; i < 3; i++) {
      for (const kind of kinds(i)) {
        await run('await b.mount(v);', kind);
        messages[kind].push(...(await run('return b.messages(60);')));
        bursts[kind].push(await run('return b.burst(1000);'));
        await run('await b.unmount();');
      }
    }
    for (const kind of ['ours', 'baseline']) {
      metrics[kind] = {
        mount: median(mounts[kind]),
        nodes: median(nodes[kind]),
        heap: median(heaps[kind]) / 1024 / 1024,
        heapOwn: (median(heaps[kind]) - empty) / 1024 / 1024,
        scrollP95: percentile(scrolls[kind], 95),
        scrollMax: Math.max(...scrolls[kind]),
        message: median(messages[kind]),
        burst: median(bursts[kind]),
      };
    }
    results.push({ size, ...metrics });
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (value) => `${value.toFixed(1)} MB`;
/** Each row: label, formatter, metric key, and the budget — a ratio (`ratio`) or an absolute value (`max`). */
const METRICS = [
  ['mount → first paint', ms, 'mount', { ratio: 1.5 }],
  ['DOM elements', String, 'nodes', { ratio: 2 }],
  ['JS heap after GC (page)', mb, 'heap', { ratio: 2 }],
  ['… of which the mounted list', mb, 'heapOwn', { info: true }],
  // A frame that made its vsync measures 16.67 ms give or take timer jitter: within 5% counts as on time.
  ['scroll 300 × 200 px: p95 frame', ms, 'scrollP95', { max: 16.7, jitter: 1.05 }],
  ['scroll: longest frame', ms, 'scrollMax', { max: 50 }],
  ['1 message/frame: dispatch → paint p50', ms, 'message', { ratio: 1.5 }],
  ['1,000 messages in one task → paint', ms, 'burst', { ratio: 2 }],
];
const rows = [];
for (const { size, ours, baseline } of results) {
  for (const [label, format, key, budget] of METRICS) {
    const ratio = ours[key] / Math.max(baseline[key], 0.01);
    const ratioText = budget.max === undefined ? `${ratio.toFixed(2)}×` : '—';
    const budgetText = budget.info
      ? 'info'
      : budget.max !== undefined
        ? `≤ ${budget.max} ms`
        : `≤ ${budget.ratio}×`;
    const met =
      budget.info ||
      (budget.max !== undefined ? ours[key] <= budget.max * (budget.jitter ?? 1) : ratio <= budget.ratio);
    rows.push(
      `| ${size.toLocaleString('en')} | ${label} | ${format(baseline[key])} | ${format(ours[key])} | ${ratioText} | ${budgetText} | ${met ? 'yes' : '**no**'} |`,
    );
  }
}
const oursNodes = results.map((result) => result.ours.nodes);
const flat = Math.max(...oursNodes) <= Math.min(...oursNodes) * 1.1;
console.log(
  [
    `Chromium ${browser.version()}, headless, ${REPEAT} mounts per list and size (medians).`,
    '',
    '| conversations | metric | baseline | ours | ours ÷ baseline | budget | met |',
    '| ---: | --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    '',
    `DOM elements flat in N: ${oursNodes.join(' / ')} → ${flat ? 'yes' : '**no**'}`,
  ].join('\n'),
);
