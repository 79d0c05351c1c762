/**
 * Link detection on adversarial text: `splitLinks` (what every text message runs on mount) over 12 KB
 * texts built to make a backtracking or re-scanning linkifier quadratic. Budget: under 50 ms each, judged
 * on the median of the runs after one warm-up (this machine is shared: a single run can wait for another
 * process or a GC); the slowest run is printed beside it.
 *
 *   pnpm --filter @tidings/components exec tsx bench/message-content/links-bench.ts
 *
 * Also run first by `pnpm bench` (bench/message-list/run.ts). Exits non-zero when the budget is missed.
 */
import { pathToFileURL } from 'node:url';
import { splitLinks } from '../../src/message-content/message-content-links';

/** The text limit of a message (12 KB of text): each input is this long. */
const SIZE = 12 * 1024;
const BUDGET_MS = 50;
const RUNS = 15;

function fill(prefix: string, unit: string, suffix = ''): string {
  const room = SIZE - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.floor(room / unit.length)) + suffix;
}

/**
 * Inputs that cost a naive linkifier O(n²): trailing punctuation and brackets, repeated prefixes. URLs
 * longer than the URL policy's 8,192 characters stay text, so some show 0 links.
 */
export const ADVERSARIAL: Readonly<Record<string, string>> = {
  "'http://a' + '.)' × n (the issue's probe)": fill('http://a', '.)'),
  "'http://a/' + '.' × n + 'x'": fill('http://a/', '.', 'x'),
  "'http://a/' + '.' × n": fill('http://a/', '.'),
  "'https://a/' + ')' × n": fill('https://a/', ')'),
  "'https://a/' + '(' × n + ')' × n": fill('https://a/', '(').slice(0, SIZE / 2) + ')'.repeat(SIZE / 2),
  "'https://a/' + '])' × n": fill('https://a/', '])'),
  "'www.' × n": fill('', 'www.'),
  "'www.a' + '.' × n": fill('www.a', '.'),
  "'http://' × n": fill('', 'http://'),
  "'https:/' × n": fill('', 'https:/'),
  "'https://a.b ' × n (many links)": fill('', 'https://a.b '),
  "'a@b.c ' × n (e-mail addresses)": fill('', 'a@b.c '),
  "'看https://a.b/，' × n (CJK)": fill('', '看https://a.b/，'),
};

/** Runs every input `RUNS` times after a warm-up; prints a table and returns whether every median met the budget. */
export function runLinksBench(log: (line: string) => void = console.log): boolean {
  log(
    `\n## Link detection: splitLinks on ${SIZE / 1024} KB of adversarial text (budget < ${BUDGET_MS} ms)\n`,
  );
  log('| input | links | median ms | slowest ms | met |');
  log('| --- | ---: | ---: | ---: | :---: |');
  let met = true;
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    const times: number[] = [];
    let links = 0;
    splitLinks(text);
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const segments = splitLinks(text);
      times.push(performance.now() - start);
      links = segments.filter((segment) => segment.type === 'link').length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const slowest = times[times.length - 1] ?? 0;
    const ok = median < BUDGET_MS;
    met &&= ok;
    log(`| ${name} | ${links} | ${median.toFixed(2)} | ${slowest.toFixed(2)} | ${ok ? 'yes' : 'NO'} |`);
  }
  return met;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!runLinksBench()) process.exitCode = 1;
}
