import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigationTurns } from '../../../src-renderer/src/state/navigation-turns.ts';

const WAIT_MS = 100;

/** A read the test answers by hand. */
function held(): { promise: Promise<void>; answer: () => void; fail: () => void } {
  let answer = (): void => {};
  let fail = (): void => {};
  const promise = new Promise<void>((resolve, reject) => {
    answer = () => resolve();
    fail = () => reject(new Error('desk gone'));
  });
  return { promise, answer, fail };
}

describe('opening a ticket waits for its read, then changes the screen once (route-store navigation turns)', () => {
  let shown: string[];
  let turns: ReturnType<typeof navigationTurns<string>>;
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    turns = navigationTurns<string>((next) => shown.push(next), WAIT_MS);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the ticket when its answer is in, not before', async () => {
    const read = held();
    turns.after(read.promise, 'ticket A');
    await vi.advanceTimersByTimeAsync(WAIT_MS / 2);
    expect(shown).toEqual([]);
    read.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['ticket A']);
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(shown).toEqual(['ticket A']);
  });

  it(`a read slower than the wait: the ticket opens anyway (its loading state), once`, async () => {
    const read = held();
    turns.after(read.promise, 'ticket A');
    await vi.advanceTimersByTimeAsync(WAIT_MS - 1);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual(['ticket A']);
    read.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['ticket A']);
  });

  it('a read that fails still opens the ticket (its error state)', async () => {
    const read = held();
    turns.after(read.promise, 'ticket A');
    read.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['ticket A']);
  });

  it('a later navigation while a read is on its way wins: another ticket, another screen, back/forward', async () => {
    const a = held();
    const b = held();
    turns.after(a.promise, 'ticket A');
    turns.after(b.promise, 'ticket B');
    b.answer();
    a.answer();
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(shown).toEqual(['ticket B']);

    turns.after(held().promise, 'ticket C');
    turns.now('attention');
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(shown).toEqual(['ticket B', 'attention']);

    turns.after(held().promise, 'ticket D');
    turns.moved();
    await vi.advanceTimersByTimeAsync(WAIT_MS);
    expect(shown).toEqual(['ticket B', 'attention']);
  });
});
