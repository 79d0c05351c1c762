/**
 * The cold-start benchmark (issue 10, section 3): a persisted engine's conversation cache in real
 * IndexedDB, in headless Debian Chromium with a fresh profile per run, page served by Vite on 127.0.0.1.
 *
 *   pnpm --filter @tidings/components exec tsx bench/cold-start/run.ts
 *
 * Per run: seed 100,000 conversations into a persisted hub, let alice's persisted engine sync and write
 * them into its IndexedDB cache (timed: the conversation rows' writes); reload the page and time an
 * engine opening on that database plus a chat store showing its first page, offline and online.
 * Budgets: writing 100,000 conversations ≤ 2 s; first page ≤ 300 ms from the store starting.
 * Prints a markdown table, writes it to bench/cold-start/results.md, exits non-zero when a budget is
 * missed. `CHROMIUM_PATH` overrides /usr/bin/chromium; `TIDINGS_BENCH_CONVERSATIONS` the count.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBenchChromium, serveBenchPage } from '../bench-serve';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONVERSATIONS = Number(process.env.TIDINGS_BENCH_CONVERSATIONS ?? 100_000);
const RUNS = Number(process.env.TIDINGS_BENCH_RUNS ?? 3);

interface WriteResult {
  hubSeedMs: number;
  syncMs: number;
  writeMs: number;
  rowsWritten: number;
}
interface ColdResult {
  hubOpenMs: number;
  engineOpenMs: number;
  firstPageMs: number;
  settledMs: number;
  rowsShown: number;
  topRowsRead: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value: number) => `${Math.round(value)} ms`;

async function call<T>(page: Page, name: string, args: object): Promise<T> {
  await page.waitForFunction(() => document.title.startsWith('bench ready'), undefined, { timeout: 120_000 });
  return (await page.evaluate(
    ([scenario, options]) =>
      (window as unknown as { bench: Record<string, (o: object) => Promise<unknown>> }).bench[scenario]?.(
        options,
      ),
    [name, args] as const,
  )) as T;
}

async function main() {
  const served = await serveBenchPage(here, 'cold-start');
  const { base } = served;
  const writes: WriteResult[] = [];
  const offline: ColdResult[] = [];
  const online: ColdResult[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh browser is a fresh profile: an empty IndexedDB every run.
      const browser = await launchBenchChromium();
      try {
        const page = await browser.newPage();
        page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
        await page.goto(base);
        writes.push(await call<WriteResult>(page, 'write', { conversations: CONVERSATIONS }));
        if (process.env.TIDINGS_BENCH_DEBUG) console.log(JSON.stringify(writes.at(-1)));
        // Reloads: a new JS heap on the same database, as a user's next visits. Each side twice, taking
        // turns, because the first read after writing 100,000 conversations also pays for the database
        // settling that write (LevelDB compaction), whichever side goes first.
        for (const side of [false, true, false, true]) {
          await page.goto(base);
          (side ? online : offline).push(await call<ColdResult>(page, 'coldStart', { online: side }));
        }
      } finally {
        await browser.close();
      }
    }
    const writeMs = median(writes.map((result) => result.writeMs));
    const offlineFirst = median(offline.map((result) => result.firstPageMs));
    const onlineFirst = median(online.map((result) => result.firstPageMs));
    const rows: [string, string, string, boolean][] = [
      [
        `write ${CONVERSATIONS.toLocaleString('en')} conversations into the engine's IndexedDB`,
        ms(writeMs),
        '≤ 2000 ms',
        writeMs <= 2000,
      ],
      ['first page from store start, offline', ms(offlineFirst), '≤ 300 ms', offlineFirst <= 300],
      ['first page from store start, online', ms(onlineFirst), '≤ 300 ms', onlineFirst <= 300],
      [
        'first page, slowest reload (offline / online)',
        `${ms(Math.max(...offline.map((r) => r.firstPageMs)))} / ${ms(Math.max(...online.map((r) => r.firstPageMs)))}`,
        '',
        true,
      ],
      [
        '  of which the engine opening (offline / online)',
        `${ms(median(offline.map((r) => r.engineOpenMs)))} / ${ms(median(online.map((r) => r.engineOpenMs)))}`,
        '',
        true,
      ],
      [
        'store settled (totals, groups: every row read), offline / online',
        `${ms(median(offline.map((r) => r.settledMs)))} / ${ms(median(online.map((r) => r.settledMs)))}`,
        '',
        true,
      ],
      [
        'hub: seed + persist (not the engine), / reopen',
        `${ms(median(writes.map((r) => r.hubSeedMs)))} / ${ms(median(online.map((r) => r.hubOpenMs)))}`,
        '',
        true,
      ],
      [
        'engine first sync (hub → mirror, before its cache write)',
        ms(median(writes.map((r) => r.syncMs))),
        '',
        true,
      ],
    ];
    const table = [
      '| measure (median of runs) | value | budget | met |',
      '| --- | --- | --- | --- |',
      ...rows.map(
        ([name, value, budget, met]) =>
          `| ${name} | ${value} | ${budget} | ${budget ? (met ? 'yes' : 'NO') : ''} |`,
      ),
    ].join('\n');
    const notes = [
      `${RUNS} runs, each in a new headless Chromium (fresh profile, empty IndexedDB; first pages from ${offline.length} offline and ${online.length} online reloads, taking turns, offline first right after the write), load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')} on ${cpus().length} CPUs. Wall time (performance.now()) in the page.`,
      `Rows written per run: ${writes.map((result) => result.rowsWritten).join(', ')}. Rows read before the first page: ${offline
        .map((result) => result.topRowsRead)
        .join(
          ', ',
        )} (offline), ${online.map((result) => result.topRowsRead).join(', ')} (online) — the cache's top-of-list value, not its buckets. The first page held ${offline[0]?.rowsShown ?? 0} rows.`,
      'First page: from `hub.connect` (the engine opening its database) to the chat store holding its first page; the hub itself opened before that (its own time is in the table).',
    ];
    const output = `${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`;
    console.log(`\n${output}`);
    await writeFile(path.join(here, 'results.md'), `# Cold start benchmark\n\n${output}`);
    if (rows.some((row) => row[2] && !row[3])) process.exitCode = 1;
  } finally {
    await served.close();
  }
}

await main();
