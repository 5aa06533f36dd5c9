/**
 * Exponential backoff with jitter for retries after failures: the ceiling
 * doubles per consecutive failure up to a maximum, and the actual delay is
 * drawn from the upper half of it ("equal jitter"), so many desks that lost
 * the server at the same moment do not come back in lockstep, yet none
 * retries immediately.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/** Delay before retry number `attempt` (0 = first retry); `random` is in [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
