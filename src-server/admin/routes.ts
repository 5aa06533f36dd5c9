/** The REST write routes beside the sync protocol, per domain. */
import type { FastifyInstance } from 'fastify';
import { registerCalendarAdminRoutes } from '../calendar/admin-routes.ts';
import type { ServerContext } from '../context.ts';
import { registerBillingRoutes } from './billing.ts';
import { registerCatalogRoutes } from './catalog.ts';
import { registerUserRoutes } from './users.ts';

export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerCatalogRoutes(app, ctx);
  registerBillingRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerCalendarAdminRoutes(app, ctx);
}
