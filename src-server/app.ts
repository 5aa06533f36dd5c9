/**
 * The Fastify application: routes per domain, one error shape for every
 * failure (DESIGN.md §3), a body limit. `buildApp` does no I/O of its own so
 * tests can drive it with `app.inject`.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerCalendarRoutes } from './calendar/routes.ts';
import type { ServerContext } from './context.ts';
import { sqlState } from './db/types.ts';
import { HttpError, sendError } from './http/errors.ts';
import { registerEventsRoute, type EventsOptions } from './sync/events.ts';
import { registerSyncRoutes } from './sync/routes.ts';

/** Generous for a push of 500 mutations with long descriptions; anything bigger is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface AppOptions extends EventsOptions {
  readonly logger?: boolean;
  readonly bodyLimit?: number;
}

export function buildApp(ctx: ServerContext, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? BODY_LIMIT_BYTES, trustProxy: false });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.statusCode, error.code, error.message, error.details);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', 'El cuerpo de la solicitud es demasiado grande.', { limitBytes: options.bodyLimit ?? BODY_LIMIT_BYTES });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Envíe el cuerpo como application/json.');
    }
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return sendError(reply, 400, 'MALFORMED', `Solicitud mal formada: ${error.message}`);
    }
    const state = sqlState(error);
    // Input the validators let through but PostgreSQL refuses (a data exception) is still the client's input.
    if (state?.startsWith('22') === true) {
      request.log.warn({ err: error }, 'data exception from input that passed validation');
      return sendError(reply, 422, 'VALIDATION', 'La base de datos rechazó los datos enviados.', { sqlState: state });
    }
    console.error(`ayni-server: ${request.method} ${request.url.split('?')[0] ?? ''} failed:`, error);
    return sendError(reply, 500, 'INTERNAL', 'Error interno del servidor.');
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'NOT_FOUND', `No existe ${request.method} ${request.url.split('?')[0] ?? ''}.`));

  app.get('/api/v1/health', async () => ({ ok: true, database: ctx.db.kind, version: ctx.version }));
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerEventsRoute(app, ctx, options);
  registerCalendarRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  return app;
}
