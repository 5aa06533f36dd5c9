/** When the console's clocks tick, and what they may show. Pure, so the unit tests (Node, no DOM) can load it. */

/**
 * A little past the boundary: a timer may fire a millisecond early, and a
 * clock read just before 10:42:00 would still say 10:41 for a whole minute.
 */
const BOUNDARY_SLACK_MS = 25;

/**
 * Milliseconds from `nowMs` until just after the next multiple of `everyMs`
 * since the epoch: with 60 000 that is the next minute boundary (Lima is a
 * whole number of hours from UTC), so a clock changes minute when the
 * minute changes, not up to `everyMs` later.
 */
export function msUntilNextTick(nowMs: number, everyMs: number): number {
  return everyMs - (((nowMs % everyMs) + everyMs) % everyMs) + BOUNDARY_SLACK_MS;
}

/**
 * The clock to show next to instants that have already happened (the last
 * sync): never earlier than the latest of them, so a bar cannot say "last
 * sync 10:42" beside a clock at 10:41 because the sync landed between two
 * ticks. An instant more than `toleranceMs` ahead is another machine's clock
 * running fast, not a late tick: it is ignored rather than shown as the time.
 */
export function clockNotBefore(now: Date, instants: ReadonlyArray<string | null | undefined>, toleranceMs = 60_000): Date {
  let latest = now.getTime();
  for (const instant of instants) {
    if (instant === null || instant === undefined) continue;
    const at = Date.parse(instant);
    if (Number.isFinite(at) && at > latest && at - now.getTime() <= toleranceMs) latest = at;
  }
  return latest === now.getTime() ? now : new Date(latest);
}
