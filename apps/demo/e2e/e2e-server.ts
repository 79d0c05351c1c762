import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** Where the app under test is served. */
    baseURL: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the app and serves it with `vite preview` on 127.0.0.1, on a free port, for the whole run.
 * `TIDINGS_E2E_URL` points the suite at a server that is already running instead (e.g. `pnpm demo`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TIDINGS_E2E_URL;
  if (given) {
    project.provide('baseURL', given);
    return async () => undefined;
  }
  const configFile = path.join(root, 'vite.config.ts');
  const started = Date.now();
  await build({ root, configFile, logLevel: 'error' });
  const server: PreviewServer = await preview({
    root,
    configFile,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  console.log(`e2e: built and serving the demo at ${url} (${Date.now() - started} ms)`);
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
