/**
 * Registers the offline app shell (`offline-shell.ts`, emitted as `/sw.js` by the production build), so a
 * reload without a network still opens the demo and its inbox from IndexedDB. The dev server (the one
 * place with `import.meta.hot`) has no worker and registers none; any build does, whatever its mode. A
 * failure only costs offline reloads, so it is reported and not thrown.
 */
export function registerOfflineShell(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn(
      'Tidings demo: offline reloads are unavailable, the service worker did not register.',
      error,
    );
  });
}
