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
