import { afterEach, describe, expect, it, vi } from 'vitest';
import { callEarly, EARLY_CALL_TTL_MS, settledEarlyCall, takeEarlyCall } from '../../../src-renderer/src/desk/early-calls.ts';
import type { Desk } from '../../../src-renderer/src/desk/work-api.ts';

function fakeDesk(): { desk: Desk; calls: Array<{ name: string; input: unknown }> } {
  const calls: Array<{ name: string; input: unknown }> = [];
  const desk = {
    call: (name: string, input: unknown) => {
      calls.push({ name, input });
      return Promise.resolve({ ok: true, value: { name, input } });
    },
  } as unknown as Desk;
  return { desk, calls };
}

const ID = '00000000-0000-4000-8000-000000000001';

describe('early desk calls (a screen\'s first read, sent by the action that opens it)', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the call at once and hands the same answer to the screen that reads it, once', async () => {
    const { desk, calls } = fakeDesk();
    callEarly(desk, 'ticket.get', { id: ID });
    expect(calls).toEqual([{ name: 'ticket.get', input: { id: ID } }]);
    const taken = takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }));
    expect(taken).not.toBeNull();
    await expect(taken).resolves.toEqual({ ok: true, value: { name: 'ticket.get', input: { id: ID } } });
    expect(takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }))).toBeNull();
  });

  it('is only for the same call with the same input, on the same desk', () => {
    const { desk } = fakeDesk();
    const other = fakeDesk().desk;
    callEarly(desk, 'ticket.get', { id: ID });
    expect(takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID.replace(/1$/, '2') }))).toBeNull();
    expect(takeEarlyCall(other, 'ticket.get', JSON.stringify({ id: ID }))).toBeNull();
    expect(takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }))).not.toBeNull();
  });

  it('drops an answer nobody took in time', () => {
    vi.useFakeTimers();
    const { desk } = fakeDesk();
    callEarly(desk, 'ticket.get', { id: ID });
    vi.advanceTimersByTime(EARLY_CALL_TTL_MS + 1);
    expect(takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }))).toBeNull();
  });

  it('sends a call once when it is asked for again while on its way, and both askers get the one answer', async () => {
    const { desk, calls } = fakeDesk();
    const first = callEarly(desk, 'ticket.get', { id: ID });
    const second = callEarly(desk, 'ticket.get', { id: ID });
    expect(calls).toHaveLength(1);
    expect(second).toBe(first);
    await first;
    // Just answered (the opener waited for it, then the route change asks again): still the same call.
    expect(callEarly(desk, 'ticket.get', { id: ID })).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('reads again once the last call was taken by its screen', () => {
    const { desk, calls } = fakeDesk();
    callEarly(desk, 'ticket.get', { id: ID });
    takeEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }));
    callEarly(desk, 'ticket.get', { id: ID });
    expect(calls).toHaveLength(2);
  });

  it('hands over an answer that is already in, without taking the call; nothing before it arrives', async () => {
    let answer: (value: unknown) => void = () => {};
    const desk = { call: () => new Promise((resolve) => (answer = resolve)) } as unknown as Desk;
    const key = JSON.stringify({ id: ID });
    const promise = callEarly(desk, 'ticket.get', { id: ID });
    expect(settledEarlyCall(desk, 'ticket.get', key)).toBeNull();
    answer({ ok: false, error: { code: 'NOT_FOUND', message: 'no' } });
    await promise;
    expect(settledEarlyCall(desk, 'ticket.get', key)).toEqual({ result: { ok: false, error: { code: 'NOT_FOUND', message: 'no' } } });
    // Still there for the screen's first effect to take.
    expect(takeEarlyCall(desk, 'ticket.get', key)).toBe(promise);
    expect(settledEarlyCall(desk, 'ticket.get', key)).toBeNull();
  });

  it('does not hand over an answer nobody took in time', async () => {
    const { desk } = fakeDesk();
    await callEarly(desk, 'ticket.get', { id: ID });
    vi.useFakeTimers();
    vi.setSystemTime(Date.now() + EARLY_CALL_TTL_MS + 1);
    expect(settledEarlyCall(desk, 'ticket.get', JSON.stringify({ id: ID }))).toBeNull();
  });
});
