import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Public subpaths besides the root; each is `src/<name>/index.ts` and `@tidings/components/<name>`. */
export const componentEntries = [
  'avatar',
  'chat-provider',
  'composer',
  'conversation-actions',
  'conversation-filter-tabs',
  'conversation-list',
  'dialog',
  'face-picker',
  'forward-dialog',
  'icons',
  'menu',
  'message-actions',
  'message-content',
  'message-list',
  'message-search',
  'total-unread-badge',
  'unread-badge',
] as const;

/**
 * `src/styles/index.css` with its `@import`s inlined, in order: one file for apps to import, whatever their
 * bundler does with `@import`. The rules are kept as written — no syntax lowering — so what ships is what the
 * demo, Storybook and the browser tests run (lowering `:dir()` once broke right-to-left, see 59ffaaf).
 */
export function bundleStyles(file = path.join(dirname, 'src/styles/index.css')): string {
  return readFileSync(file, 'utf8').replace(/^@import\s+"([^"]+)";\s*$/gm, (_line, target: string) =>
    bundleStyles(path.resolve(path.dirname(file), target)).trim(),
  );
}

/**
 * The published build of @tidings/components (tsdown; see packages/core/tsdown.config.ts for why). Every
 * emitted file starts with `'use client'`, so a React Server Component can import any entry, and the chunks
 * they share carry it too (a client boundary is per module).
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(componentEntries.map((name) => [name, `src/${name}/index.ts`])),
  },
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  dts: { sourcemap: true },
  // The sources ship beside dist (declaration maps need them for go-to-definition), so the maps point at
  // them instead of carrying a second copy.
  outputOptions: { sourcemapExcludeSources: true },
  report: false,
  banner: { js: "'use client';" },
  hooks: {
    'build:done': () => {
      mkdirSync(path.join(dirname, 'dist'), { recursive: true });
      writeFileSync(path.join(dirname, 'dist/styles.css'), bundleStyles());
    },
  },
});
