/**
 * The chat-view benchmark: `<MessageList>` against a bare end-anchored `useVirtualizer` list over the same
 * messages, in the same headless Debian Chromium, page served by Vite on 127.0.0.1.
 *
 *   pnpm --filter @tidings/components exec tsx bench/message-list/run.ts
 *
 * Prints a markdown table (values, ratios, budgets, met) and writes it to bench/message-list/results.md.
 * Exits non-zero when a budget is missed. `CHROMIUM_PATH` overrides /usr/bin/chromium.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { launchBenchChromium, serveBenchPage } from '../bench-serve';
import { runLinksBench } from '../message-content/links-bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const MESSAGES = 10_000;
const OPEN_RUNS = 9;

type Mode = 'ours' | 'baseline';
interface OpenSide {
  painted: { rows: number; nodes: number };
  firstPaint: number[];
  settled: number[];
}
/** Both lists, taking turns in one page: windows `2·run` are the bare list's, `2·run + 1` ours. */
interface OpenResult {
  baseline: OpenSide;
  ours: OpenSide;
  atEnd: boolean;
  loaded: number;
}
interface PrependResult {
  maxShift: number;
  longestFrame: number;
  p95Frame: number;
  loaded: number;
}
interface IncomingResult {
  /** Filled in by the runner from the trace: CPU time per frame, ms. */
  cpu: number[];
  p95Frame: number;
  longestFrame: number;
  distanceFromEnd: number;
  sawLast: boolean;
}
interface Bench {
  open(options: { messages: number; runs: number }): Promise<OpenResult>;
  prepend(options: { messages: number; pages: number; pageSize: number }): Promise<PrependResult>;
  incoming(options: { messages: number; count: number }): Promise<IncomingResult>;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

async function startTrace(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,__metadata',
    options: 'record-as-much-as-possible',
    transferMode: 'ReportEvents',
  });
  return {
    stop: async () => {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return events;
    },
  };
}

/**
 * The renderer main thread's CPU time (`tdur` of its top-level tasks, clipped to each window) in every
 * marked window, in ms.
 */
function cpuPerWindow(events: readonly TraceEvent[]): number[] {
  const marks = new Map<string, TraceEvent>();
  for (const event of events)
    if (event.cat.includes('blink.user_timing') && event.name.startsWith('window-'))
      marks.set(event.name, event);
  const first = marks.values().next().value;
  if (!first) return [];
  const { pid, tid } = first;
  // Outermost tasks only: a toplevel event inside another (a mojo message handled within a task) is
  // already in its parent's time.
  const tasks: TraceEvent[] = [];
  let outerEnd = Number.NEGATIVE_INFINITY;
  for (const event of events
    .filter(
      (event) =>
        event.pid === pid &&
        event.tid === tid &&
        event.ph === 'X' &&
        event.cat.includes('toplevel') &&
        event.dur,
    )
    .sort((a, b) => a.ts - b.ts)) {
    if (event.ts < outerEnd) continue;
    tasks.push(event);
    outerEnd = event.ts + (event.dur as number);
  }
  const out: number[] = [];
  for (let n = 0; marks.has(`window-${n}-start`) && marks.has(`window-${n}-end`); n++) {
    const from = (marks.get(`window-${n}-start`) as TraceEvent).ts;
    const to = (marks.get(`window-${n}-end`) as TraceEvent).ts;
    let cpu = 0;
    for (const task of tasks) {
      const end = task.ts + (task.dur as number);
      if (end <= from || task.ts >= to) continue;
      const overlap = Math.min(end, to) - Math.max(task.ts, from);
      cpu += ((task.tdur ?? task.dur ?? 0) * overlap) / (task.dur as number);
    }
    out.push(cpu / 1000);
  }
  return out;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  // Link detection runs in Node, before the browser work: what every text message pays on mount.
  if (!runLinksBench()) process.exitCode = 1;
  // A production build, as apps ship it (development React is several times slower).
  const served = await serveBenchPage(here, 'message-list', [react()]);
  const { base } = served;
  let browser: Browser | null = null;
  try {
    browser = await launchBenchChromium(['--js-flags=--expose-gc']);
    // Each scenario runs in a fresh page, so one scenario's garbage and timers never weigh on the next.
    // The page is traced: `cpu` holds the main thread's CPU time in each window the page marked
    // (`window-<n>-start` … `window-<n>-end`), which other processes on the machine cannot inflate.
    const run = async <T>(
      mode: Mode,
      scenario: keyof Bench,
      options: object,
    ): Promise<T & { cpu: number[] }> => {
      const page = await (browser as Browser).newPage({ viewport: { width: 420, height: 720 } });
      page.on('pageerror', (error) => console.error(`[${mode}] ${error.message}`));
      try {
        await page.goto(`${base}?mode=${mode}`);
        await page.waitForFunction(() => document.title.startsWith('bench ready'), undefined, {
          timeout: 120_000,
        });
        const trace = await startTrace(page);
        const result = (await page.evaluate(
          ([name, args]) =>
            (window as unknown as { bench: Record<string, (o: object) => Promise<unknown>> }).bench[name]?.(
              args,
            ),
          [scenario, options] as const,
        )) as T;
        return { ...result, cpu: cpuPerWindow(await trace.stop()) };
      } finally {
        await page.close();
      }
    };

    // TIDINGS_BENCH_ONLY=open|prepend|incoming runs one scenario (for profiling); the table needs all three.
    const only = process.env.TIDINGS_BENCH_ONLY;
    if (only) {
      for (const mode of only === 'open' ? (['ours'] as const) : (['baseline', 'ours'] as const)) {
        const options =
          only === 'open'
            ? { messages: MESSAGES, runs: OPEN_RUNS }
            : only === 'prepend'
              ? { messages: MESSAGES, pages: 20, pageSize: 50 }
              : { messages: MESSAGES, count: 100 };
        console.log(mode, JSON.stringify(await run(mode, only as keyof Bench, options)));
      }
      return;
    }

    console.log(`open: ${MESSAGES} messages, ${OPEN_RUNS} runs each, taking turns…`);
    const paired = await run<OpenResult>('ours', 'open', { messages: MESSAGES, runs: OPEN_RUNS });
    const split = (side: 0 | 1) => paired.cpu.filter((_, index) => index % 2 === side);
    const open = {
      baseline: { ...paired.baseline, cpu: split(0) },
      ours: { ...paired.ours, cpu: split(1), atEnd: paired.atEnd },
    };
    // Each run's ratio is taken against the bare list's mount just before it; the median of those.
    const pairRatios = open.ours.cpu.map((cpu, index) => cpu / (open.baseline.cpu[index] ?? Number.NaN));

    console.log('prepend: 20 pages of 50…');
    const prepend = {} as Record<Mode, PrependResult & { cpu: number[] }>;
    for (const mode of ['baseline', 'ours'] as const)
      prepend[mode] = await run(mode, 'prepend', { messages: MESSAGES, pages: 20, pageSize: 50 });

    console.log('incoming: 100 messages, one per frame…');
    const incoming = {} as Record<Mode, IncomingResult>;
    for (const mode of ['baseline', 'ours'] as const)
      incoming[mode] = await run(mode, 'incoming', { messages: MESSAGES, count: 100 });

    // Budgets are judged on main-thread CPU time: this machine is shared, and wall time there includes
    // waiting for other processes. Wall time is shown beside it.
    const p95 = (values: readonly number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
    };
    const max = (values: readonly number[]) => Math.max(0, ...values);
    const pair = (cpu: number, wall: number) => `${cpu.toFixed(1)} ms (${wall.toFixed(1)})`;
    const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}×`;
    const openCpu = { baseline: median(open.baseline.cpu), ours: median(open.ours.cpu) };
    const openWall = { baseline: median(open.baseline.firstPaint), ours: median(open.ours.firstPaint) };
    const prependMax = { baseline: max(prepend.baseline.cpu), ours: max(prepend.ours.cpu) };
    const incomingP95 = { baseline: p95(incoming.baseline.cpu), ours: p95(incoming.ours.cpu) };
    const rows: [string, string, string, string, string, boolean][] = [
      [
        `Open ${MESSAGES.toLocaleString('en')} mixed messages → first paint (median of ${OPEN_RUNS})`,
        pair(openCpu.baseline, openWall.baseline),
        pair(openCpu.ours, openWall.ours),
        `${median(pairRatios).toFixed(2)}× (${ratio(openWall.ours, openWall.baseline)})`,
        '≤ 1.5× baseline',
        median(pairRatios) <= 1.5 && open.ours.atEnd,
      ],
      [
        'Open → settled at the newest message, wall (median, info)',
        ms(median(open.baseline.settled)),
        ms(median(open.ours.settled)),
        ratio(median(open.ours.settled), median(open.baseline.settled)),
        '—',
        true,
      ],
      [
        'Prepend 20 pages of 50 while anchored: largest shift of the message in view',
        `${prepend.baseline.maxShift} px`,
        `${prepend.ours.maxShift} px`,
        '—',
        '0 px',
        prepend.ours.maxShift === 0 && prepend.ours.loaded >= 50 * 21,
      ],
      [
        'Prepend: longest frame',
        pair(prependMax.baseline, prepend.baseline.longestFrame),
        pair(prependMax.ours, prepend.ours.longestFrame),
        `${ratio(prependMax.ours, prependMax.baseline)} (${ratio(prepend.ours.longestFrame, prepend.baseline.longestFrame)})`,
        '≤ 50 ms',
        prependMax.ours <= 50,
      ],
      [
        '100 incoming at one per frame, at the bottom: p95 frame',
        pair(incomingP95.baseline, incoming.baseline.p95Frame),
        pair(incomingP95.ours, incoming.ours.p95Frame),
        `${ratio(incomingP95.ours, incomingP95.baseline)} (${ratio(incoming.ours.p95Frame, incoming.baseline.p95Frame)})`,
        '≤ 16.7 ms',
        incomingP95.ours <= 16.7 && incoming.ours.distanceFromEnd <= 1 && incoming.ours.sawLast,
      ],
      [
        'Incoming: longest frame (info)',
        pair(max(incoming.baseline.cpu), incoming.baseline.longestFrame),
        pair(max(incoming.ours.cpu), incoming.ours.longestFrame),
        ratio(max(incoming.ours.cpu), max(incoming.baseline.cpu)),
        '—',
        true,
      ],
    ];
    const table = [
      '| scenario | bare useVirtualizer, CPU (wall) | MessageList, CPU (wall) | ratio, CPU (wall) | budget | met |',
      '| --- | ---: | ---: | ---: | --- | :---: |',
      ...rows.map(
        ([name, base, ours, ratioText, budget, met]) =>
          `| ${name} | ${base} | ${ours} | ${ratioText} | ${budget} | ${met ? 'yes' : '**no**'} |`,
      ),
    ].join('\n');
    const version = await browser.version();
    const notes = [
      `Chromium ${version}, headless, no GPU; viewport 420 × 720; ${new Date().toISOString()}; load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' / ')} on ${cpus().length} CPUs.`,
      "A frame (and \"first paint\") is the span from a requestAnimationFrame callback (or the mount) to the first task after that frame's paint. CPU is the renderer main thread's CPU time in that span, from a Chromium trace (outermost tasks' `tdur`, clipped); wall is performance.now(). Budgets are judged on CPU time because this machine is shared (load average above), so wall time includes waiting for other processes. Every scenario runs in a fresh page; one unmeasured mount warms the open scenario; incoming is the median of three rounds.",
      `Open: both lists take turns in one page (${OPEN_RUNS} mounts each after one unmeasured mount each); the CPU ratio is the median of each mount's ratio to the bare mount just before it. Every one of the ${MESSAGES.toLocaleString('en')} messages is in the window / array; the first frame held ${open.baseline.painted.rows} rows / ${open.baseline.painted.nodes} elements (bare) and ${open.ours.painted.rows} rows / ${open.ours.painted.nodes} elements (ours); ours was at the newest message when settled: ${open.ours.atEnd}.`,
      `Incoming: messages are sent by a second engine through the local hub (the same path for both lists); ours ended ${incoming.ours.distanceFromEnd.toFixed(1)} px from the bottom.`,
    ];
    const output = `${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`;
    console.log(`\n${output}`);
    await writeFile(path.join(here, 'results.md'), `# Message list benchmark\n\n${output}`);
    if (rows.some((row) => !row[5])) process.exitCode = 1;
  } finally {
    await browser?.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
