/**
 * Shared plumbing of the REST write routes (plans, customers, assignments,
 * purchases, users, calendar days): role check, body validation, one
 * transaction, database refusals as 422s.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Action } from '../auth/permissions.ts';
import { requireActor, type Actor } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { sqlState, type Tx } from '../db/types.ts';
import { HttpError } from '../http/errors.ts';
import { parseInput, requireObjectBody } from '../http/validate.ts';

export interface WriteRequest<T> {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly body: T;
  readonly now: Date;
}

/** Runs an admin write: 401/403 first, then 400/422 on the body, then `fn` in a transaction. */
export async function adminWrite<S extends z.ZodType, R>(ctx: ServerContext, request: FastifyRequest, action: Action, schema: S, what: string, fn: (input: WriteRequest<z.infer<S>>) => Promise<R>): Promise<R> {
  const actor = await requireActor(ctx.db, request, ctx.now(), action);
  const body = parseInput(schema, requireObjectBody(request.body), what);
  const now = ctx.now();
  try {
    return await ctx.db.transaction((tx) => fn({ tx, actor, body, now }));
  } catch (error) {
    const state = sqlState(error);
    if (state === '23505') throw new HttpError(422, 'CONFLICT', `${what}: ya existe un registro con esos datos.`);
    if (state === '23503') throw new HttpError(422, 'NOT_FOUND', `${what}: hace referencia a un registro que no existe.`);
    if (state?.startsWith('23') === true) throw new HttpError(422, 'VALIDATION', `${what}: la base de datos rechazó los datos.`, { sqlState: state });
    throw error;
  }
}
