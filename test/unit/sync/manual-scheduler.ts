/** A Scheduler whose timers fire only when a test says so: no sleeps, no real time. */
import type { Scheduler, TimerHandle } from '../../../src-main/core/sync/scheduler.ts';

export class ManualScheduler implements Scheduler {
  readonly #tasks = new Map<number, { fn: () => void; ms: number }>();
  readonly #waiters: { predicate: (pending: number[]) => boolean; resolve: () => void }[] = [];
  #next = 1;

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.#next++;
    this.#tasks.set(id, { fn, ms });
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(this.pending())) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    return { id };
  }

  /** Resolves once the waiting timers satisfy `predicate` (checked now and at every new timer). */
  until(predicate: (pending: number[]) => boolean): Promise<void> {
    if (predicate(this.pending())) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ predicate, resolve }));
  }

  clearTimeout(handle: TimerHandle): void {
    this.#tasks.delete(handle.id);
  }

  /** Delays of the timers waiting to fire, in creation order. */
  pending(): number[] {
    return [...this.#tasks.values()].map((t) => t.ms);
  }

  /** Fires every timer currently waiting (not ones they create). */
  fireAll(): number {
    const due = [...this.#tasks.entries()];
    for (const [id] of due) this.#tasks.delete(id);
    for (const [, task] of due) task.fn();
    return due.length;
  }
}
