/**
 * Builds a bench page for production (as apps ship it: development React is several times slower) and
 * serves it on 127.0.0.1, for the Chromium benches. `close()` stops the server and removes the build.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, type PluginOption, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

export interface ServedBenchPage {
  /** The page's URL, ending in `/`. */
  base: string;
  close(): Promise<void>;
}

export async function serveBenchPage(
  root: string,
  name: string,
  plugins: PluginOption[] = [],
): Promise<ServedBenchPage> {
  const outDir = path.join(tmpdir(), `tidings-bench-${name}-${process.pid}`);
  await build({
    root,
    configFile: false,
    plugins,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium (or `CHROMIUM_PATH`), never a downloaded one, headless with the project's quiet
 * switches; `extraArgs` add a bench's own (e.g. `--js-flags=--expose-gc`). Every launch is a new profile.
 */
export function launchBenchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
