import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { offlineShell } from './offline-shell';

/**
 * The demo's Content-Security-Policy, directive by directive.
 *
 * - `script-src 'self'`: no inline script, no `eval` (the theme is set by `public/demo-preferences.js`).
 * - `style-src 'self'`: the stylesheets Vite emits; the components set inline styles through the CSSOM,
 *   which CSP does not govern.
 * - `img-src … data:`: the kit's stylesheet draws its row and menu icons (pin, mute, failed, more, check,
 *   submenu) as CSS masks of inline SVG `data:` URLs, and CSS images fall under `img-src`. A `data:` image
 *   in CSS runs no script, and the kit's URL policy refuses `data:` for every URL that comes from a message
 *   or a profile, so this lets only the stylesheet's own icons load. Everything else: the page itself,
 *   `blob:` (media the engine hands over as bytes) and `https:` (a backend's media).
 * - `media-src 'self' blob: https:`: voice messages and videos, same sources, no `data:`.
 * - `connect-src 'self' https: wss:`: the embedded engine needs none; a real backend (Tencent Cloud Chat)
 *   talks to its servers over https and wss.
 * - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`, `frame-ancestors 'none'`.
 */
const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' blob: https: data:",
  'media-src': "'self' blob: https:",
  'font-src': "'self'",
  'connect-src': "'self' https: wss:",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

function policy(directives: Readonly<Record<string, string>>, omit: readonly string[] = []): string {
  return Object.entries(directives)
    .filter(([name]) => !omit.includes(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The policy as an HTTP header: what `vite preview` (and so the e2e suite) serves, and what a host should send. */
export const CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES);

/**
 * The dev server's looser policy: Vite injects inline scripts (the React refresh preamble) and inline
 * `<style>` elements for hot reloading, and talks to its HMR socket over `ws:`. Media rules stay strict, so
 * a refused image still shows up while developing.
 */
const DEV_CONTENT_SECURITY_POLICY = policy({
  ...CSP_DIRECTIVES,
  'script-src': "'self' 'unsafe-inline'",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' https: ws: wss:",
});

/**
 * Puts the policy into the built `index.html` as a `<meta http-equiv>`, so the production build carries it
 * on any static host. `frame-ancestors` is left out there: browsers ignore it in a meta tag (and say so on
 * the console); the header carries it.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tidings-demo-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: policy(CSP_DIRECTIVES, ['frame-ancestors']),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The demo app. Workspace packages resolve to their TypeScript sources through their `exports`, so the
 * demo needs no build step of the kit. Their third-party dependencies are pre-bundled up front, so the
 * first visit to the dev server does not discover them late and reload the page mid-seed.
 */
export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), offlineShell()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tidings/core > dexie',
      '@tidings/core > zustand/vanilla',
      '@tidings/components > clsx',
      '@tidings/components > @tanstack/react-virtual',
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // No asset is inlined as a data: URL: img-src allows data: only for the kit's stylesheet icons.
    assetsInlineLimit: 0,
    // The one chunk over 500 kB is Tencent's own minified SDK (@tencentcloud/chat, 700 kB), loaded only
    // when someone signs in on Tencent Cloud Chat; it cannot be split. The kit's and the demo's chunks
    // stay well under 500 kB.
    chunkSizeWarningLimit: 720,
    rolldownOptions: {
      output: {
        // Split by what changes together and caches apart: React, the kit's core (with its storage), the
        // kit's components, and the demo itself; no chunk passes the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'tidings-core',
              test: /packages[\\/]core[\\/]|node_modules[\\/](dexie|zustand)[\\/]/,
              priority: 2,
            },
            {
              name: 'tidings-components',
              test: /packages[\\/]components[\\/]|node_modules[\\/](@tanstack|clsx)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
