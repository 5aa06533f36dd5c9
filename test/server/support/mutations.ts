import { expect } from 'vitest';
/** Builders for mutation args in tests: valid by default, overridable. */
import { randomUUID } from 'node:crypto';
import type { MutationArgs, MutationName } from '../../../src-shared/protocol/sync.ts';
import { IDS } from './fixtures.ts';

export interface TestMutation {
  readonly seq: number;
  readonly name: string;
  readonly args: unknown;
}

export function mutation<N extends MutationName>(seq: number, name: N, args: MutationArgs<N> | Record<string, unknown>): TestMutation {
  return { seq, name, args };
}

export function ticketArgs(overrides: Partial<MutationArgs<'ticket.create'>> = {}): MutationArgs<'ticket.create'> {
  return {
    id: randomUUID(),
    customerId: IDS.customer,
    type: 'incidencia',
    channel: 'portal',
    urgency: 'medium',
    subject: 'La impresora del 3er piso no imprime',
    description: 'Error 0x8007 al enviar trabajos.',
    ...overrides,
  };
}

/** Lima wall-clock time on a date, as an ISO instant with the -05:00 offset. */
export function lima(date: string, time: string): string {
  return `${date}T${time}:00-05:00`;
}

import type { PushResponse } from '../../../src-shared/protocol/sync.ts';
import type { ServerHarness } from './harness.ts';

type Who = Parameters<ServerHarness['push']>[0];
/** A push result without its seq (the mutator numbers mutations itself). */
export type MutationResult = Omit<PushResponse['results'][number], 'seq'>;

/**
 * Pushes one mutation at a time as a given user, each user on its own client
 * with its own seq counter. Make a new one per test (after `h.reset()`).
 */
export function mutator(h: ServerHarness): <N extends MutationName>(who: Who, name: N, args: MutationArgs<N> | Record<string, unknown>) => Promise<MutationResult> {
  const seqs = new Map<string, number>();
  return async (who, name, args) => {
    const seq = (seqs.get(who) ?? 0) + 1;
    seqs.set(who, seq);
    const res = await h.push(who, [mutation(seq, name, args)], `client-${who}-0001`);
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
    const result = res.body.results[0];
    if (result === undefined) throw new Error(`push processed nothing: ${JSON.stringify(res.body)}`);
    const { seq: _seq, ...rest } = result;
    return rest;
  };
}

export const applied = { status: 'applied' } as const;
export const rejected = (code: string) => ({ status: 'rejected', code, message: expect.any(String) });
