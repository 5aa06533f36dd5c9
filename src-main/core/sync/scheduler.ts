/**
 * Timers behind an interface so tests drive time by hand instead of
 * sleeping: the engine's poll, retry and reconnect delays all go through it.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export function realScheduler(): Scheduler {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  return {
    setTimeout(fn, ms) {
      const id = next++;
      const timer = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      // A pending poll or retry must not keep a worker or CLI alive on its own.
      timer.unref();
      timers.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      const timer = timers.get(handle.id);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
}
