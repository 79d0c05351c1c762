import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The benchmark page, built for production (React's development checks would distort every number). */
export default defineConfig({
  root,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    sourcemap: false,
  },
  preview: { host: '127.0.0.1', strictPort: false },
});
