// Where the bytes of each size-limit row come from. Builds every JavaScript entry of .size-limit.json the way
// @size-limit/esbuild does (bundle, minify, tree-shake, the same externals) with a metafile, and prints per
// source file its minified bytes (esbuild's metafile) and its gzip share, measured by leaving the file's code
// out of the same bundle and gzipping the rest (so shares overlap a little; they are scaled to the real total).
// Run from packages/components: node bench/size-analysis.mjs [rows per entry, default 25]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The esbuild size-limit itself runs, reached through the root's preset (it is not a direct dependency).
const fromRoot = createRequire(resolve('../../package.json'));
const fromPreset = createRequire(fromRoot.resolve('@size-limit/preset-small-lib/package.json'));
const fromPlugin = createRequire(fromPreset.resolve('@size-limit/esbuild/package.json'));
const { build } = fromPlugin('esbuild');

const top = Number(process.argv[2] ?? 25);
const checks = JSON.parse(readFileSync('.size-limit.json', 'utf8')).filter((c) => !c.path.endsWith('.css'));
const dir = mkdtempSync(join(tmpdir(), 'tidings-size-'));
const root = resolve('../..');
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const short = (path) =>
  relative(root, resolve(path))
    .replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^packages\//, '');
const kb = (bytes) => (bytes / 1000).toFixed(2);

for (const [i, check] of checks.entries()) {
  const entry = join(dir, `entry-${i}.js`);
  const target = JSON.stringify(resolve(check.path));
  writeFileSync(
    entry,
    check.import === '*' ? `export * from ${target};` : `export ${check.import} from ${target};`,
  );
  const options = {
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    outdir: join(dir, `out-${i}`),
    treeShaking: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    external: check.ignore ?? [],
    format: 'esm',
    logLevel: 'silent',
  };
  const minified = await build({ ...options, minifyWhitespace: true });
  const js = minified.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const bytesIn = new Map();
  for (const { inputs } of Object.values(minified.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(inputs)) bytesIn.set(short(path), bytesInOutput);
  }
  // Without whitespace minification esbuild marks each file's code with a `// path` comment.
  const readable = (await build(options)).outputFiles.find((f) => f.path.endsWith('.js')).text;
  const parts = readable.split(/^(?=\/\/ \S+\.(?:ts|tsx|js|mjs)\n)/m);
  const whole = gzip(readable);
  const share = new Map();
  parts.forEach((part, p) => {
    const name = part.match(/^\/\/ (\S+)/)?.[1];
    if (!name) return;
    const key = short(name);
    const without = gzip(parts.filter((_, q) => q !== p).join(''));
    share.set(key, (share.get(key) ?? 0) + whole - without);
  });
  const scale = gzip(js) / whole;
  const rows = [...bytesIn].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
  console.log(
    `\n### ${check.name}\n\nminified ${kb(js.length)} KB, gzip ${kb(gzip(js))} KB (budget ${check.limit})\n`,
  );
  console.log('| source | minified | ≈ gzip |\n| --- | ---: | ---: |');
  for (const [path, bytes] of rows.slice(0, top)) {
    console.log(`| ${path} | ${kb(bytes)} KB | ${kb((share.get(path) ?? 0) * scale)} KB |`);
  }
  const groups = new Map();
  for (const [path, bytes] of rows) {
    const key =
      path.startsWith('core/') || path.startsWith('components/')
        ? path.split('/').slice(0, 3).join('/')
        : path
            .split('/')
            .slice(0, path.startsWith('@') ? 2 : 1)
            .join('/');
    const [min, gz] = groups.get(key) ?? [0, 0];
    groups.set(key, [min + bytes, gz + (share.get(path) ?? 0) * scale]);
  }
  console.log('\n| folder or package | minified | ≈ gzip |\n| --- | ---: | ---: |');
  for (const [key, [min, gz]] of [...groups].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15)) {
    console.log(`| ${key} | ${kb(min)} KB | ${kb(gz)} KB |`);
  }
}
rmSync(dir, { recursive: true });
