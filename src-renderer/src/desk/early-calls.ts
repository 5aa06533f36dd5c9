/**
 * Early desk calls: a screen's first read, sent by the action that opens the
 * screen rather than after React has drawn it (see callEarly).
 */
import type { CallInput, CallName, Desk } from './work-api.ts';

/** How long an early call's answer waits for the screen that asked for it. */
export const EARLY_CALL_TTL_MS = 3_000;
const earlyCalls = new WeakMap<Desk, Map<string, { readonly promise: Promise<unknown>; readonly at: number }>>();

function callKey(name: string, inputKey: string): string {
  return `${name} ${inputKey}`;
}

/**
 * Starts a read the next screen will make, from the action that opens it
 * (e.g. a click on a ticket), so the answer is on its way while React draws
 * the screen; that screen's `useDeskQuery` with the same name and input
 * takes the call instead of sending its own. An answer nobody takes within a
 * few seconds is dropped.
 */
export function callEarly<N extends CallName>(desk: Desk, name: N, input: CallInput<N>): void {
  let calls = earlyCalls.get(desk);
  if (!calls) {
    calls = new Map();
    earlyCalls.set(desk, calls);
  }
  const now = Date.now();
  for (const [key, call] of calls) if (now - call.at > EARLY_CALL_TTL_MS) calls.delete(key);
  calls.set(callKey(name, JSON.stringify(input)), { promise: desk.call(name, input), at: now });
}

export function takeEarlyCall(desk: Desk, name: string, inputKey: string): Promise<unknown> | null {
  const calls = earlyCalls.get(desk);
  const key = callKey(name, inputKey);
  const call = calls?.get(key);
  if (!calls || !call) return null;
  calls.delete(key);
  return Date.now() - call.at <= EARLY_CALL_TTL_MS ? call.promise : null;
}
