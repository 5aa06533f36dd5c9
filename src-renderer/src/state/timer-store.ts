/**
 * The work timer: one per console, tied to a ticket and a kind of work. It
 * lives outside the ticket screen so it keeps running while the technician
 * moves around, and in localStorage so a reload does not lose it. Only the
 * start instant is stored; the elapsed time is always now − start.
 */
import { create } from 'zustand';
import type { WorkKind } from '../../../src-shared/protocol/entities.ts';

export interface RunningTimer {
  readonly ticketId: string;
  readonly ticketNumber: number | null;
  readonly kind: WorkKind;
  readonly startedAt: number;
}

const STORAGE_KEY = 'ayni.workTimer';

function load(): RunningTimer | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<RunningTimer>;
    if (typeof value.ticketId === 'string' && typeof value.startedAt === 'number' && (value.kind === 'remote' || value.kind === 'onsite')) {
      return { ticketId: value.ticketId, ticketNumber: typeof value.ticketNumber === 'number' ? value.ticketNumber : null, kind: value.kind, startedAt: value.startedAt };
    }
    console.warn('[timer] ignoring a stored timer of an unknown shape');
    return null;
  } catch (error) {
    console.warn('[timer] could not read the stored timer', error);
    return null;
  }
}

function save(timer: RunningTimer | null): void {
  try {
    if (timer === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(timer));
  } catch (error) {
    // Storage can be full or disabled; the timer still runs for this page's life.
    console.warn('[timer] could not store the timer', error);
  }
}

const useTimerStore = create<{ readonly running: RunningTimer | null }>()(() => ({ running: load() }));

export const useRunningTimer = (): RunningTimer | null => useTimerStore((s) => s.running);

export const timerActions = {
  start(ticketId: string, ticketNumber: number | null, kind: WorkKind): void {
    const running: RunningTimer = { ticketId, ticketNumber, kind, startedAt: Date.now() };
    save(running);
    useTimerStore.setState({ running });
  },
  /** Stops the timer and returns what it measured. */
  stop(): RunningTimer | null {
    const running = useTimerStore.getState().running;
    save(null);
    useTimerStore.setState({ running: null });
    return running;
  },
};
