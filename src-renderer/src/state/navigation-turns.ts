/**
 * Navigations in the order they were asked for, when some wait: opening a
 * ticket waits (at most `waitMs`) for the ticket's read before the screen
 * changes, and any navigation asked for meanwhile (another ticket, another
 * screen, back/forward) wins over the one still waiting. No DOM here:
 * route-store.ts gives it the way to apply a location.
 */
export interface NavigationTurns<L> {
  /** Applies `next` now; an earlier navigation still waiting is dropped. */
  now(next: L): void;
  /** Something else moved the screen (back/forward): an earlier navigation still waiting is dropped. */
  moved(): void;
  /** Applies `next` once `read` settles (answer or failure), or after `waitMs`, unless another navigation came first. */
  after(read: Promise<unknown>, next: L): void;
}

export function navigationTurns<L>(apply: (next: L) => void, waitMs: number): NavigationTurns<L> {
  let turns = 0;
  return {
    now(next) {
      turns += 1;
      apply(next);
    },
    moved() {
      turns += 1;
    },
    after(read, next) {
      const turn = ++turns;
      let done = false;
      const show = (): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (turn === turns) apply(next);
      };
      const timer = setTimeout(show, waitMs);
      void read.then(show, show);
    },
  };
}
