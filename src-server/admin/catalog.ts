/**
 * Plans and customers (supervisor and up): POST creates, PUT /:id replaces.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CustomerSchema, PlanSchema, Uuid } from '../../src-shared/protocol/entities.ts';
import type { ServerContext } from '../context.ts';
import { insertEntities, lockEntity, upsertEntities } from '../entities/store.ts';
import { invalid, notFound } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { adminWrite } from './write.ts';

export const IdParams = z.object({ id: Uuid });
const CustomerInput = CustomerSchema.omit({ createdAt: true }).strict();
const PlanInput = PlanSchema.strict();

export function registerCatalogRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/plans', async (request, reply) => {
    const plan = await adminWrite(ctx, request, 'plans.write', PlanInput, 'Plan', async ({ tx, body }) => {
      await insertEntities(tx, 'plan', [body]);
      return body;
    });
    return reply.code(201).send(plan);
  });

  app.put('/api/v1/plans/:id', async (request) => {
    return adminWrite(ctx, request, 'plans.write', PlanInput, 'Plan', async ({ tx, body }) => {
      const { id } = parseInput(IdParams, request.params, 'Plan');
      if (body.id !== id) throw invalid('El id del cuerpo no coincide con el de la ruta.');
      if ((await lockEntity(tx, 'plan', id)) === null) throw notFound('El plan no existe.');
      await upsertEntities(tx, 'plan', [body]);
      return body;
    });
  });

  app.post('/api/v1/customers', async (request, reply) => {
    const customer = await adminWrite(ctx, request, 'customers.write', CustomerInput, 'Cliente', async ({ tx, body, now }) => {
      const row = { ...body, createdAt: now.toISOString() };
      await insertEntities(tx, 'customer', [row]);
      return row;
    });
    return reply.code(201).send(customer);
  });

  app.put('/api/v1/customers/:id', async (request) => {
    return adminWrite(ctx, request, 'customers.write', CustomerInput, 'Cliente', async ({ tx, body }) => {
      const { id } = parseInput(IdParams, request.params, 'Cliente');
      if (body.id !== id) throw invalid('El id del cuerpo no coincide con el de la ruta.');
      const current = await lockEntity(tx, 'customer', id);
      if (current === null) throw notFound('El cliente no existe.');
      const row = { ...body, createdAt: current.createdAt };
      await upsertEntities(tx, 'customer', [row]);
      return row;
    });
  });
}
