/**
 * How every Tidings test and bench launches Chromium: Debian's (or `CHROMIUM_PATH`), never one a tool
 * downloads, headless and quiet: no GPU, no QUIC, no background network, component updates, sync or
 * first-run UI, no sandbox (containers). Used by the demo's e2e suite, the components' browser tests and
 * benches, and the consumer-app test.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
