import type { ConnectionState } from '@tidings/core';
import type { LocalEngine, NetworkConditions } from '@tidings/core/local';
import { useEffect, useState, useSyncExternalStore } from 'react';

/** The simulated network of this tab's engine, as the demo controls set it. */
export type TabNetwork = Required<NetworkConditions>;

/** The network every tab starts with. */
export const GOOD_NETWORK: TabNetwork = { online: true, latencyMs: 0, failureRate: 0 };

/** Latencies the demo controls offer, ms. */
export const LATENCIES = [0, 300, 1000, 3000] as const;
/** Failure rates the demo controls offer, 0–1. */
export const FAILURE_RATES = [0, 0.1, 0.3, 1] as const;

/** A tab's network switch: what it is set to, and setting it on the engine. */
export interface NetworkControl {
  get(): TabNetwork;
  set(patch: Partial<TabNetwork>): void;
  subscribe(listener: () => void): () => void;
  /** Stops following the browser's online and offline events (when the session ends). */
  dispose(): void;
}

/**
 * The network a tab starts with: good, unless the browser itself is offline. The embedded engine stands in
 * for a server, and a server cannot be reached without a network, so a tab opened offline (the offline app
 * shell serves it) starts offline and shows what IndexedDB holds.
 */
export function initialNetwork(): TabNetwork {
  return { ...GOOD_NETWORK, online: globalThis.navigator?.onLine ?? true };
}

/**
 * Makes the network switch of one engine (its own conditions win over the hub's), starting from
 * `initial`. The browser going offline or back online flips the switch too; the demo controls can still
 * set it by hand in between.
 */
export function createNetworkControl(engine: LocalEngine, initial: TabNetwork): NetworkControl {
  let current = initial;
  const listeners = new Set<() => void>();
  const control: NetworkControl = {
    get: () => current,
    set(patch) {
      current = { ...current, ...patch };
      engine.setNetworkConditions(current);
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      globalThis.removeEventListener?.('online', followBrowser);
      globalThis.removeEventListener?.('offline', followBrowser);
    },
  };
  function followBrowser(event: Event): void {
    control.set({ online: event.type === 'online' });
  }
  globalThis.addEventListener?.('online', followBrowser);
  globalThis.addEventListener?.('offline', followBrowser);
  return control;
}

/** The network switch's setting, live. */
export function useTabNetwork(control: NetworkControl): TabNetwork {
  return useSyncExternalStore(control.subscribe, control.get, control.get);
}

/** The engine's connection state (connected, connecting, disconnected), live. */
export function useConnectionState(engine: LocalEngine): ConnectionState {
  const [state, setState] = useState<ConnectionState>(engine.connectionState);
  useEffect(() => {
    setState(engine.connectionState);
    return engine.addSDKListener({ onConnectionStateChanged: setState });
  }, [engine]);
  return state;
}
