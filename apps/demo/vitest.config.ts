import { defineConfig } from 'vitest/config';

/**
 * The demo's unit tests (pure code in `src/`, in Node). The end-to-end suite has its own config in `e2e/`.
 */
export default defineConfig({
  test: {
    name: 'demo',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
