/**
 * Early desk calls: a screen's first read, sent by the action that opens the
 * screen rather than after React has drawn it (see callEarly).
 */
import type { CallInput, CallName, Desk } from './work-api.ts';

/** How long an early call's answer waits for the screen that asked for it. */
export const EARLY_CALL_TTL_MS = 3_000;
/** How long an answer that is already in may be handed to a second asker instead of reading again. */
const REUSE_ANSWER_MS = 1_000;

interface EarlyCall {
  readonly promise: Promise<unknown>;
  readonly at: number;
  /** The answer, once it is in (set before anyone else awaiting `promise` runs). */
  settled: { readonly result: unknown; readonly at: number } | null;
}

const earlyCalls = new WeakMap<Desk, Map<string, EarlyCall>>();

function callKey(name: string, inputKey: string): string {
  return `${name} ${inputKey}`;
}

function freshCall(desk: Desk, key: string, now = Date.now()): EarlyCall | null {
  const call = earlyCalls.get(desk)?.get(key);
  return call && now - call.at <= EARLY_CALL_TTL_MS ? call : null;
}

/**
 * Starts a read the next screen will make, from the action that opens it
 * (e.g. a click on a ticket), so the answer is on its way while React draws
 * the screen; that screen's `useDeskQuery` with the same name and input
 * takes the call instead of sending its own. An answer nobody takes within a
 * few seconds is dropped. The same call asked for again while one is on its
 * way (or just came back) is not sent twice: both askers get the one
 * answer (the opener's wait and the route change both ask). Returns the
 * answer's promise, so the opener can wait for it (see route-store's
 * openTicket).
 */
export function callEarly<N extends CallName>(desk: Desk, name: N, input: CallInput<N>): Promise<unknown> {
  let calls = earlyCalls.get(desk);
  if (!calls) {
    calls = new Map();
    earlyCalls.set(desk, calls);
  }
  const now = Date.now();
  for (const [key, call] of calls) if (now - call.at > EARLY_CALL_TTL_MS) calls.delete(key);
  const key = callKey(name, JSON.stringify(input));
  const waiting = calls.get(key);
  if (waiting && (waiting.settled === null || now - waiting.settled.at <= REUSE_ANSWER_MS)) return waiting.promise;
  const promise = desk.call(name, input);
  const call: EarlyCall = { promise, at: now, settled: null };
  // Attached first, so whoever else awaits the promise already finds the answer recorded.
  void promise.then((result) => {
    call.settled = { result, at: Date.now() };
  });
  calls.set(key, call);
  return promise;
}

/** Takes a waiting early call (its answer's promise) for a screen's first read; null when there is none. */
export function takeEarlyCall(desk: Desk, name: string, inputKey: string): Promise<unknown> | null {
  const key = callKey(name, inputKey);
  const call = freshCall(desk, key);
  // Taken, or too old to be taken: either way it is gone.
  earlyCalls.get(desk)?.delete(key);
  return call?.promise ?? null;
}

/**
 * The answer of an early call that is already in, without taking the call:
 * a screen mounted after its read came back starts from it in its first
 * render (no "loading" frame), then takes the call when it commits.
 */
export function settledEarlyCall(desk: Desk, name: string, inputKey: string): { readonly result: unknown } | null {
  const settled = freshCall(desk, callKey(name, inputKey))?.settled;
  return settled ? { result: settled.result } : null;
}
