/**
 * No `transpilePackages`: the Tidings packages are plain ESM with 'use client' where it belongs. The type
 * check is `npm run typecheck` (tsc with this app's strict tsconfig), run before the build; Next's own
 * pass would repeat it and double the build time on CI.
 */
const config = { typescript: { ignoreBuildErrors: true } };

export default config;
