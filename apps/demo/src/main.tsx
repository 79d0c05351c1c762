// The order matters: the page basics' layer first, the kit's layer above it, the app's chrome on top.
import './demo-base.css';
import '@tidings/components/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoApp } from './demo-app/demo-app';
import { registerOfflineShell } from './offline/register-offline-shell';
import { openWorld } from './world/world';
import { worldSettingsStore } from './world/world-settings';
import { runWorldSimulation } from './world/world-simulation';

const { load } = worldSettingsStore.get();
const world = openWorld(load);
world.then(runWorldSimulation, () => undefined);

// Each load is a world of its own: when any tab switches, every tab reopens in the new one.
worldSettingsStore.subscribe(() => {
  if (worldSettingsStore.get().load !== load) location.reload();
});

registerOfflineShell();

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs a #root element');
createRoot(root).render(
  <StrictMode>
    <DemoApp world={world} />
  </StrictMode>,
);
