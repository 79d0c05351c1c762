// @ts-check
// Runs the conversation list benchmark in real Chromium: builds bench-page.tsx for production, serves it
// on 127.0.0.1, and measures <ConversationList> ("ours") against a bare @tanstack/react-virtual list of
// plain rows ("baseline") over the same already-loaded store, at 1,000, 10,000 and 100,000 conversations.
//
// Time is judged on the renderer main thread's CPU time, read from a Chromium trace: the page marks each
// measured window (a scroll frame, a mount to its first paint, a message to its paint) and this script sums
// the CPU time (`tdur`) of the main thread's outermost tasks inside it. Wall time is shown beside it for
// information: this machine is shared, and wall time there is mostly waiting for other processes.
//
// Prints a markdown table of values, ratios, budgets and whether each is met, writes it to
// bench/conversation-list/results.md, and exits non-zero when a budget is missed.
//
//   pnpm --filter @tidings/components bench            (all sizes)
//   node bench/conversation-list/bench-run.mjs 1000    (some sizes; results.md is written only for all)
//
// BENCH_REPEAT (default 32; even, so each list mounts first equally often) sets the measured mounts per
// list and size; BENCH_TRACE_DIR=<dir> keeps each trace (`<size>-<phase>.json`, for DevTools' Performance
// panel or ui.perfetto.dev); CHROMIUM_PATH overrides /usr/bin/chromium.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const configFile = path.join(here, 'vite.config.ts');
const ALL_SIZES = [1_000, 10_000, 100_000];
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length > 0 ? sizes : ALL_SIZES;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 32);
const SCROLL_RUNS = 2;
const SCROLL_FRAMES = 300;
const SCROLL_PX = 200;
const MESSAGE_ROUNDS = 5;
const MESSAGES_PER_ROUND = 60;
const BURST = 1_000;
const BURSTS_PER_ROUND = 3;

/** @typedef {'ours' | 'baseline'} Kind */
/** @typedef {{ window: number, wall: number }} Measured */
/** @typedef {{ cpu: number, wall: number }} Sample */
/**
 * @typedef {{ name: string, cat: string, ph: string, ts: number, dur?: number, tdur?: number,
 *   pid: number, tid: number }} TraceEvent
 */

/** @param {readonly number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
/** @param {readonly number[]} values @param {number} p */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
/** @param {readonly number[]} values */
const max = (values) => Math.max(0, ...values);
const load = () => loadavg()[0] ?? 0;

/**
 * A 90 % bootstrap interval of median(ours) ÷ median(baseline): how far the mount ratio could move from
 * sampling alone (a seeded generator, so the same samples give the same interval).
 * @param {readonly number[]} ours
 * @param {readonly number[]} baseline
 * @returns {[number, number]}
 */
function ratioInterval(ours, baseline) {
  let seed = 0x2f6b1d;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @param {readonly number[]} values */
  const resample = (values) => values.map(() => values[Math.floor(random() * values.length)] ?? 0);
  const ratios = [];
  for (let i = 0; i < 2000; i++) ratios.push(median(resample(ours)) / median(resample(baseline)));
  return [percentile(ratios, 5), percentile(ratios, 95)];
}

/**
 * Records a Chromium trace of the main thread's tasks and the page's `performance.mark`s while `body`
 * runs.
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<T>} body
 * @returns {Promise<{ result: T, events: TraceEvent[] }>}
 */
async function traced(page, body) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {TraceEvent[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value) events.push(/** @type {TraceEvent} */ (/** @type {unknown} */ (event)));
  });
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,__metadata',
    options: 'record-as-much-as-possible',
    transferMode: 'ReportEvents',
  });
  try {
    const result = await body();
    return { result, events };
  } finally {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
}

/**
 * The renderer main thread's CPU time in each marked window (`bench-<n>-start` … `bench-<n>-end`), ms:
 * the `tdur` of its outermost tasks, each clipped to the window in proportion to the wall time it spent
 * there.
 * @param {readonly TraceEvent[]} events
 * @returns {Map<number, number>}
 */
function cpuByWindow(events) {
  /** @type {Map<string, TraceEvent>} */
  const marks = new Map();
  for (const event of events)
    if (event.cat.includes('blink.user_timing') && event.name.startsWith('bench-'))
      marks.set(event.name, event);
  const first = marks.values().next().value;
  /** @type {Map<number, number>} */
  const out = new Map();
  if (!first) return out;
  const { pid, tid } = first;
  // Outermost tasks only: a toplevel event inside another (a mojo message handled within a task) is
  // already in its parent's time.
  /** @type {TraceEvent[]} */
  const tasks = [];
  let outerEnd = Number.NEGATIVE_INFINITY;
  const candidates = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.cat.includes('toplevel') && e.dur)
    .sort((a, b) => a.ts - b.ts);
  for (const event of candidates) {
    if (event.ts < outerEnd) continue;
    tasks.push(event);
    outerEnd = event.ts + (event.dur ?? 0);
  }
  for (const [name, mark] of marks) {
    const match = /^bench-(\d+)-start$/.exec(name);
    const end = match && marks.get(`bench-${match[1]}-end`);
    if (!match || !end) continue;
    const from = mark.ts;
    const to = end.ts;
    let cpu = 0;
    // Tasks are sorted and disjoint: skip to the first that ends after `from`.
    let lo = 0;
    let hi = tasks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const task = /** @type {TraceEvent} */ (tasks[mid]);
      if (task.ts + (task.dur ?? 0) <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tasks.length; i++) {
      const task = /** @type {TraceEvent} */ (tasks[i]);
      if (task.ts >= to) break;
      const dur = task.dur ?? 0;
      const overlap = Math.min(task.ts + dur, to) - Math.max(task.ts, from);
      cpu += ((task.tdur ?? dur) * overlap) / dur;
    }
    out.set(Number(match[1]), cpu / 1000);
  }
  return out;
}

/**
 * Pairs each measured window with its CPU time; fails loudly when the trace lost a window.
 * @param {readonly Measured[]} measured
 * @param {Map<number, number>} cpu
 * @returns {Sample[]}
 */
function samples(measured, cpu) {
  return measured.map(({ window, wall }) => {
    const value = cpu.get(window);
    if (value === undefined) throw new Error(`the trace has no marks for window ${window}`);
    return { cpu: value, wall };
  });
}

const startedAt = Date.now();
const loads = [load()];
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 4817, strictPort: false } });
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4817/';

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

/**
 * Per size: each list's numbers (time in CPU ms, with wall ms under `<key>Wall`), how far each scroll got,
 * and every mount's CPU time.
 * @type {{ size: number, ours: Record<string, number>, baseline: Record<string, number>,
 *   reached: Record<Kind, number>, mountCpu: Record<Kind, number[]> }[]}
 */
const results = [];
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    const started = Date.now();
    /**
     * Calls `window.tidingsBench[name](...args)` in the page.
     * @param {string} name
     * @param {...unknown} args
     * @returns {Promise<any>}
     */
    const call = (name, ...args) =>
      page.evaluate(
        ([fn, values]) => /** @type {any} */ (window).tidingsBench[fn](...values),
        /** @type {const} */ ([name, args]),
      );
    await call('setup', size);
    console.error(`${size.toLocaleString('en')} conversations loaded in ${Date.now() - started} ms`);
    /** @param {number} i @returns {Kind[]} */
    const kinds = (i) => (i % 2 ? ['ours', 'baseline'] : ['baseline', 'ours']);

    // One unmeasured mount of each list first: compiling and JIT warm-up are not what a user waits for
    // on every mount.
    for (const kind of kinds(0)) {
      await call('mount', kind);
      await call('unmount');
    }

    // Mount to first paint, and DOM nodes once mounted.
    /** @type {Record<Kind, Measured[]>} */
    const mountRuns = { ours: [], baseline: [] };
    /** @type {Record<Kind, number[]>} */
    const nodes = { ours: [], baseline: [] };
    const mountTrace = await traced(page, async () => {
      for (let i = 0; i < REPEAT; i++) {
        for (const kind of kinds(i)) {
          mountRuns[kind].push(await call('measureMount', kind));
          await page.waitForTimeout(50);
          nodes[kind].push(await call('domNodes'));
          await call('unmount');
        }
      }
    });
    // JS heap after GC with the list mounted (the store is the same for both).
    /** @type {Record<Kind, number[]>} */
    const heaps = { ours: [], baseline: [] };
    const empty = await call('heap');
    for (let i = 0; i < 3; i++) {
      for (const kind of kinds(i)) {
        await call('mount', kind);
        heaps[kind].push(await call('heap'));
        await call('unmount');
      }
    }
    // Scrolling: 300 frames at 200 px per frame.
    /** @type {Record<Kind, Measured[]>} */
    const scrollRuns = { ours: [], baseline: [] };
    /** @type {Record<Kind, number>} */
    const reached = { ours: Number.POSITIVE_INFINITY, baseline: Number.POSITIVE_INFINITY };
    const scrollTrace = await traced(page, async () => {
      for (let i = 0; i < SCROLL_RUNS; i++) {
        for (const kind of kinds(i)) {
          await call('mount', kind);
          const { frames, scrollTop } = await call('scroll', SCROLL_FRAMES, SCROLL_PX);
          scrollRuns[kind].push(...frames);
          reached[kind] = Math.min(reached[kind], scrollTop);
          await call('unmount');
        }
      }
    });
    // One new message per frame, and a burst of 1,000 in one task.
    /** @type {Record<Kind, Measured[]>} */
    const messageRuns = { ours: [], baseline: [] };
    /** @type {Record<Kind, Measured[]>} */
    const burstRuns = { ours: [], baseline: [] };
    const messageTrace = await traced(page, async () => {
      for (let i = 0; i < MESSAGE_ROUNDS; i++) {
        for (const kind of kinds(i)) {
          await call('mount', kind);
          messageRuns[kind].push(...(await call('messages', MESSAGES_PER_ROUND)));
          for (let b = 0; b < BURSTS_PER_ROUND; b++) burstRuns[kind].push(await call('burst', BURST));
          await call('unmount');
        }
      }
    });
    await page.close();
    loads.push(load());
    const traceDir = process.env.BENCH_TRACE_DIR;
    if (traceDir) {
      await mkdir(traceDir, { recursive: true });
      const phases = { mount: mountTrace, scroll: scrollTrace, messages: messageTrace };
      for (const [phase, { events }] of Object.entries(phases))
        await writeFile(
          path.join(traceDir, `${size}-${phase}.json`),
          JSON.stringify({ traceEvents: events }),
        );
    }

    const cpu = new Map([
      ...cpuByWindow(mountTrace.events),
      ...cpuByWindow(scrollTrace.events),
      ...cpuByWindow(messageTrace.events),
    ]);
    /** @type {Record<Kind, Record<string, number>>} */
    const metrics = { ours: {}, baseline: {} };
    for (const kind of /** @type {const} */ (['ours', 'baseline'])) {
      const mounts = samples(mountRuns[kind], cpu);
      const scrolls = samples(scrollRuns[kind], cpu);
      const messages = samples(messageRuns[kind], cpu);
      const bursts = samples(burstRuns[kind], cpu);
      /** @param {Sample[]} list @param {(values: number[]) => number} statistic */
      const both = (list, statistic) => ({
        cpu: statistic(list.map((s) => s.cpu)),
        wall: statistic(list.map((s) => s.wall)),
      });
      const m = both(mounts, median);
      const sp95 = both(scrolls, (v) => percentile(v, 95));
      const smax = both(scrolls, max);
      const smed = both(scrolls, median);
      const msg = both(messages, median);
      const burst = both(bursts, median);
      metrics[kind] = {
        mount: m.cpu,
        mountWall: m.wall,
        nodes: median(nodes[kind]),
        heap: median(heaps[kind]) / 1024 / 1024,
        heapOwn: (median(heaps[kind]) - empty) / 1024 / 1024,
        scrollP95: sp95.cpu,
        scrollP95Wall: sp95.wall,
        scrollMax: smax.cpu,
        scrollMaxWall: smax.wall,
        scrollMedian: smed.cpu,
        scrollMedianWall: smed.wall,
        message: msg.cpu,
        messageWall: msg.wall,
        burst: burst.cpu,
        burstWall: burst.wall,
        // CPU above wall time would mean the windows or the trace are wrong; allow clock granularity.
        overWall: [...mounts, ...scrolls, ...messages, ...bursts].filter((s) => s.cpu > s.wall + 0.5).length,
      };
    }
    const mountCpu = {
      ours: samples(mountRuns.ours, cpu).map((s) => s.cpu),
      baseline: samples(mountRuns.baseline, cpu).map((s) => s.cpu),
    };
    results.push({ size, ours: metrics.ours, baseline: metrics.baseline, reached, mountCpu });
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

/** @param {number} value */
const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {number} value */
const mb = (value) => `${value.toFixed(1)} MB`;
/**
 * Each row: label, formatter, metric key (its wall time, when timed, under `<key>Wall`), and the budget —
 * a ratio of ours to the baseline (`ratio`), an absolute value for ours (`max`), or none (`info`).
 * @type {[string, (value: number) => string, string, { ratio?: number, max?: number, info?: boolean }][]}
 */
const METRICS = [
  [`mount → first paint (median of ${REPEAT})`, ms, 'mount', { ratio: 1.3 }],
  ['DOM elements', String, 'nodes', { ratio: 2 }],
  ['JS heap after GC (page)', mb, 'heap', { ratio: 2 }],
  ['… of which the mounted list', mb, 'heapOwn', { info: true }],
  [`scroll ${SCROLL_FRAMES} × ${SCROLL_PX} px: p95 frame`, ms, 'scrollP95', { max: 16.7 }],
  ['scroll: longest frame', ms, 'scrollMax', { max: 50 }],
  ['scroll: median frame', ms, 'scrollMedian', { info: true }],
  ['1 message/frame: dispatch → paint p50', ms, 'message', { ratio: 1.5 }],
  [`${BURST.toLocaleString('en')} messages in one task → paint (median)`, ms, 'burst', { ratio: 1.5 }],
];
const rows = [];
let missed = false;
for (const { size, ours, baseline } of results) {
  for (const [label, format, key, budget] of METRICS) {
    const timed = ours[`${key}Wall`] !== undefined;
    /** @param {Record<string, number>} side */
    const cell = (side) =>
      timed ? `${format(side[key] ?? 0)} (${(side[`${key}Wall`] ?? 0).toFixed(1)})` : format(side[key] ?? 0);
    /** @param {string} k */
    const ratioOf = (k) => (ours[k] ?? 0) / Math.max(baseline[k] ?? 0, 0.01);
    const ratio = ratioOf(key);
    const ratioText = timed
      ? `${ratio.toFixed(2)}× (${ratioOf(`${key}Wall`).toFixed(2)}×)`
      : `${ratio.toFixed(2)}×`;
    const budgetText = budget.info
      ? 'info'
      : budget.max !== undefined
        ? `≤ ${budget.max} ms`
        : `≤ ${budget.ratio}×`;
    const met =
      budget.info ||
      (budget.max !== undefined ? (ours[key] ?? 0) <= budget.max : ratio <= (budget.ratio ?? 0));
    if (!met) missed = true;
    rows.push(
      `| ${size.toLocaleString('en')} | ${label} | ${cell(baseline)} | ${cell(ours)} | ${ratioText} | ${budgetText} | ${budget.info ? '—' : met ? 'yes' : '**no**'} |`,
    );
  }
}
const oursNodes = results.map((result) => result.ours.nodes ?? 0);
const flat = Math.max(...oursNodes) <= Math.min(...oursNodes) * 1.1;
if (!flat) missed = true;
const expectedTop = SCROLL_FRAMES * SCROLL_PX;
const short = results.filter(({ reached }) => Math.min(reached.ours, reached.baseline) < expectedTop * 0.9);
const overWall = results.reduce(
  (sum, { ours, baseline }) => sum + (ours.overWall ?? 0) + (baseline.overWall ?? 0),
  0,
);
const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
const version = browser.version();
const notes = [
  `Chromium ${version}, headless, no GPU; ${new Date().toISOString()}; ${cpus().length} CPUs; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the run (${loads.map((value) => value.toFixed(1)).join(' → ')}), ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) at the end; ${minutes} min.`,
  'Each time cell is **CPU** time with wall time in brackets; budgets on time are judged on CPU time. CPU is the renderer main thread’s: the `tdur` of its outermost tasks in a Chromium trace (category `toplevel`), each clipped to the measured window in proportion to the wall time it spent there. Wall time (`performance.now()`) on this shared machine is mostly waiting for other processes, and frames are counted in whole vsyncs, so it is shown for information only. Work on other threads (raster, compositor, GPU process) is in neither.',
  `Windows: a mount runs from \`flushSync(render)\` to the first task after the first painted frame; a scroll frame from one \`requestAnimationFrame\` callback (which writes \`scrollTop += ${SCROLL_PX}\`) to the next, so it holds the scroll event, the re-render, style, layout and paint of that frame; a message from its dispatch through the store’s conversation listener to the first task after the next paint.`,
  `Per page and size: one unmeasured mount of each list, then ${REPEAT} measured mounts of each, alternating which goes first, each after three idle frames; ${SCROLL_RUNS} × ${SCROLL_FRAMES} scroll frames per list; ${MESSAGE_ROUNDS} rounds of ${MESSAGES_PER_ROUND} messages (one per frame), each followed by ${BURSTS_PER_ROUND} bursts of ${BURST.toLocaleString('en')}, per list. Ratios are ours ÷ baseline of the medians (p50, p95, longest) shown.`,
  `Mount ratio, CPU, 90 % bootstrap interval of the ratio of medians (sampling spread within this run): ${results
    .map(({ size, mountCpu }) => {
      const [low, high] = ratioInterval(mountCpu.ours, mountCpu.baseline);
      return `${low.toFixed(2)}–${high.toFixed(2)}× at ${size.toLocaleString('en')}`;
    })
    .join(', ')}.`,
  `DOM elements flat in N: ${oursNodes.join(' / ')} → ${flat ? 'yes' : '**no**'}.`,
];
if (short.length > 0)
  notes.push(
    `**Warning**: a scroll run stopped short of ${expectedTop} px at ${short.map((r) => r.size).join(', ')} conversations.`,
  );
if (overWall > 0) notes.push(`**Warning**: ${overWall} windows measured more CPU than wall time.`);
const table = [
  '| conversations | metric | baseline, CPU (wall) | ours, CPU (wall) | ours ÷ baseline, CPU (wall) | budget | met |',
  '| ---: | --- | ---: | ---: | ---: | --- | :---: |',
  ...rows,
].join('\n');
const output = `${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`;
console.log(`\n${output}`);
if (sizes.length === 0)
  await writeFile(path.join(here, 'results.md'), `# Conversation list benchmark\n\n${output}`);
if (missed || short.length > 0) {
  console.error('conversation-list bench: a budget was missed (see the table).');
  process.exitCode = 1;
}
