import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The end-to-end suite: Vitest in Node driving Chromium (Debian's, or CHROMIUM_PATH) with playwright-core
 * against the built app served on 127.0.0.1. One file at a time: each opens its own browser profile.
 */
export default defineConfig({
  root,
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/e2e-server.ts'],
    // Fails every test that left a Content-Security-Policy violation behind.
    setupFiles: ['e2e/e2e-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    // One worker imports playwright-core once for every file (each file still opens its own browser).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Real browsers on a busy machine: a flaky network or a slow first paint is not worth a red build.
    retry: process.env.CI ? 1 : 0,
  },
});
