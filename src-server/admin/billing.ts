/**
 * Plan assignments and extra purchases (supervisor and up). A plan change is
 * effective from a month, never retroactively: assignments for past months
 * are refused. Extra support is bought for the current month. Both rewrite
 * the affected balances in the same transaction.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PlanAssignmentSchema, PurchaseSchema, Uuid } from '../../src-shared/protocol/entities.ts';
import { recomputeBalances, recomputeFrom } from '../balances/recompute.ts';
import type { ServerContext } from '../context.ts';
import { insertEntities, loadEntity, lockEntity, upsertEntities } from '../entities/store.ts';
import { HttpError, invalid, notFound } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { limaMonthOf } from '../mutations/common.ts';
import type { Tx } from '../db/types.ts';
import { IdParams } from './catalog.ts';
import { adminWrite } from './write.ts';

const AssignmentInput = PlanAssignmentSchema.omit({ createdAt: true }).strict();
const AssignmentChange = z.object({ planId: Uuid }).strict();
const PurchaseInput = PurchaseSchema.omit({ createdAt: true }).strict();

function refuseRetroactive(month: string, now: Date): void {
  const current = limaMonthOf(now);
  if (month < current) {
    throw new HttpError(422, 'RETROACTIVE', `Un cambio de plan rige desde un mes, nunca hacia atrás: ${month} ya pasó (mes actual ${current}).`, { month, currentMonth: current });
  }
}

async function requireActivePlan(tx: Tx, planId: string): Promise<void> {
  const plan = await loadEntity(tx, 'plan', planId);
  if (plan === null) throw notFound('El plan no existe.');
  if (!plan.active) throw invalid(`El plan ${plan.name} está inactivo.`);
}

export function registerBillingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/plan-assignments', async (request, reply) => {
    const assignment = await adminWrite(ctx, request, 'planAssignments.write', AssignmentInput, 'Cambio de plan', async ({ tx, body, now }) => {
      refuseRetroactive(body.effectiveMonth, now);
      if ((await loadEntity(tx, 'customer', body.customerId)) === null) throw notFound('El cliente no existe.');
      await requireActivePlan(tx, body.planId);
      const row = { ...body, createdAt: now.toISOString() };
      await insertEntities(tx, 'planAssignment', [row]);
      await recomputeFrom(tx, row.customerId, row.effectiveMonth);
      return row;
    });
    return reply.code(201).send(assignment);
  });

  app.put('/api/v1/plan-assignments/:id', async (request) => {
    return adminWrite(ctx, request, 'planAssignments.write', AssignmentChange, 'Cambio de plan', async ({ tx, body, now }) => {
      const { id } = parseInput(IdParams, request.params, 'Cambio de plan');
      const current = await lockEntity(tx, 'planAssignment', id);
      if (current === null) throw notFound('El cambio de plan no existe.');
      refuseRetroactive(current.effectiveMonth, now);
      await requireActivePlan(tx, body.planId);
      const row = { ...current, planId: body.planId };
      await upsertEntities(tx, 'planAssignment', [row]);
      await recomputeFrom(tx, row.customerId, row.effectiveMonth);
      return row;
    });
  });

  app.post('/api/v1/purchases', async (request, reply) => {
    const purchase = await adminWrite(ctx, request, 'purchases.write', PurchaseInput, 'Compra adicional', async ({ tx, body, now }) => {
      const current = limaMonthOf(now);
      if (body.month !== current) throw invalid(`Las horas o tickets adicionales se compran para el mes en curso (${current}).`, { month: body.month, currentMonth: current });
      if (body.remoteMinutes + body.onsiteMinutes + body.tickets === 0) throw invalid('La compra no añade minutos ni tickets.');
      if ((await loadEntity(tx, 'customer', body.customerId)) === null) throw notFound('El cliente no existe.');
      const row = { ...body, createdAt: now.toISOString() };
      await insertEntities(tx, 'purchase', [row]);
      await recomputeBalances(tx, [{ customerId: row.customerId, month: row.month }]);
      return row;
    });
    return reply.code(201).send(purchase);
  });
}
