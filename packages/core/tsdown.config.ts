import { defineConfig } from 'tsdown';

/**
 * The published build of @tidings/core (tsdown: rolldown for the JavaScript, rolldown-plugin-dts for bundled
 * declarations; made for libraries and actively kept, where tsup is in maintenance). One entry per public
 * subpath; shared code lands in hashed chunks, so `@tidings/core` never pulls in the local engine or Dexie.
 * Inside the workspace nothing reads `dist`: `exports` point at `src`, and pnpm swaps in
 * `publishConfig.exports` when it packs.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    local: 'src/engine/local/index.ts',
    tencent: 'src/engine/tencent/index.ts',
    testing: 'src/testing/index.ts',
    schema: 'src/model/message-schema.ts',
    'locales/en': 'src/format/format-strings-en.ts',
    'locales/zh-cn': 'src/format/format-strings-zh-cn.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  dts: { sourcemap: true },
  // The sources ship beside dist (declaration maps need them for go-to-definition), so the maps point at
  // them instead of carrying a second copy.
  outputOptions: { sourcemapExcludeSources: true },
  report: false,
});
