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
}

/** Makes the network switch of one engine (its own conditions win over the hub's). */
export function createNetworkControl(engine: LocalEngine): NetworkControl {
  let current = GOOD_NETWORK;
  const listeners = new Set<() => void>();
  return {
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
  };
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
