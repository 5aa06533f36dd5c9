/**
 * The shape of a mutation handler. A handler runs inside the push's
 * per-mutation transaction (after a savepoint), writes through the entity
 * store, and refuses by throwing `Rejection` — the push records it and moves
 * the queue on.
 */
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';
import type { MutationArgs, MutationName, RejectionCode } from '../../src-shared/protocol/sync.ts';
import type { TravelTimeEstimator } from '../../src-shared/travel/index.ts';
import type { Actor } from '../auth/sessions.ts';
import type { Tx } from '../db/types.ts';

export class Rejection extends Error {
  readonly code: RejectionCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: RejectionCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'Rejection';
    this.code = code;
    this.details = details;
  }
}

export interface MutationEnv {
  readonly tx: Tx;
  readonly actor: Actor;
  /** The server's clock for this mutation (one reading, used for every timestamp it writes). */
  readonly now: Date;
  /** The company calendar as of this transaction (national holidays + calendar_days). */
  calendar(): Promise<BusinessCalendar>;
  readonly travel: TravelTimeEstimator;
}

export type MutationHandler<N extends MutationName> = (env: MutationEnv, args: MutationArgs<N>) => Promise<void>;

export type MutationHandlers = { readonly [N in MutationName]: MutationHandler<N> };
