/**
 * One shared clock for the live figures of the console (SLA timers, "hace 3
 * min"): a single interval for the whole page instead of one per row, started
 * with the first subscriber and stopped with the last.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of [...listeners]) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Epoch milliseconds, refreshed every few seconds. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now);
}
