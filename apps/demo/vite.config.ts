import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The demo app. Workspace packages resolve to their TypeScript sources through their `exports`, so the
 * demo needs no build step of the kit. Their third-party dependencies are pre-bundled up front, so the
 * first visit to the dev server does not discover them late and reload the page mid-seed.
 */
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tidings/core > dexie',
      '@tidings/core > zustand/vanilla',
      '@tidings/components > zustand',
      '@tidings/components > clsx',
      '@tidings/components > @tanstack/react-virtual',
    ],
  },
  build: { target: 'es2022', sourcemap: true },
});
