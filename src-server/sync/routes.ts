/**
 * Sync routes: GET /api/v1/sync/pull, POST /api/v1/sync/push, GET /api/v1/sync/events.
 */
import type { FastifyInstance } from 'fastify';
import { PullQuerySchema, PushRequestSchema, SCHEMA_VERSION } from '../../src-shared/protocol/sync.ts';
import { requireActor } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseInput, requireObjectBody } from '../http/validate.ts';
import { pageJson } from './pull.ts';
import { push } from './push.ts';
import { createReadAhead } from './read-ahead.ts';

export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Initial loads: the pages after the one answered are built while the desk stores it (read-ahead.ts).
  const readAhead = createReadAhead(ctx.db);
  app.addHook('onClose', async () => readAhead.clear());

  app.get('/api/v1/sync/pull', async (request, reply) => {
    const actor = await requireActor(ctx.db, request, ctx.now());
    const query = parseInput(PullQuerySchema, request.query, 'Sincronización');
    const page = await readAhead.pull(actor.id, { clientId: query.clientId, cursor: query.cursor, limit: query.limit });
    // Already JSON: the rows' text comes from the database (entities/wire-json.ts).
    return reply.type('application/json; charset=utf-8').send(pageJson(page));
  });

  app.post('/api/v1/sync/push', async (request) => {
    const actor = await requireActor(ctx.db, request, ctx.now());
    // Mutations are checked one by one in push(): a bad one is rejected, it does not sink the batch.
    const body = parseInput(PushRequestSchema, requireObjectBody(request.body), 'Envío de cambios', { skipTextCheck: true });
    if (body.schemaVersion !== SCHEMA_VERSION) {
      throw new HttpError(422, 'SCHEMA_VERSION_MISMATCH', `Esta versión de Ayni habla el protocolo ${body.schemaVersion}; el servidor habla ${SCHEMA_VERSION}. Actualice la aplicación.`, {
        clientSchemaVersion: body.schemaVersion,
        serverSchemaVersion: SCHEMA_VERSION,
      });
    }
    return push(ctx.db, actor, { clientId: body.clientId, mutations: body.mutations }, ctx.now);
  });
}
