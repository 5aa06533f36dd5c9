/**
 * GET /api/v1/sync/events — server-sent events. Sends `event: poke` when
 * changes commit (the client then pulls), once on connect (anything may have
 * committed since the client's last pull), and a comment heartbeat so
 * proxies and the client can tell a quiet stream from a dead one. The
 * session is re-checked on every heartbeat: a logged-out or deactivated user
 * stops receiving pokes.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { actorForToken, bearerToken, requireActor } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';

export interface EventsOptions {
  /** Heartbeat period; default 15 s. */
  readonly heartbeatMs?: number;
  /** Pokes closer together than this are merged into one; default 50 ms. */
  readonly pokeCoalesceMs?: number;
}

const POKE = 'event: poke\ndata: {}\n\n';

export function registerEventsRoute(app: FastifyInstance, ctx: ServerContext, options: EventsOptions): void {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/api/v1/sync/events', async (request, reply) => {
    await requireActor(ctx.db, request, ctx.now());
    const token = bearerToken(request);
    reply.hijack();
    const res: ServerResponse = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    res.write(POKE);

    let pending: NodeJS.Timeout | null = null;
    const unsubscribe = ctx.db.onChanges(() => {
      pending ??= setTimeout(() => {
        pending = null;
        res.write(POKE);
      }, options.pokeCoalesceMs ?? 50);
    });
    const heartbeat = setInterval(() => {
      void (async () => {
        const actor = token === null ? null : await actorForToken(ctx.db, token, ctx.now());
        if (actor === null) {
          res.write('event: unauthorized\ndata: {}\n\n');
          end();
          return;
        }
        res.write(': ping\n\n');
      })().catch((error: unknown) => {
        console.error('ayni-server: SSE session check failed; closing the stream:', error);
        end();
      });
    }, options.heartbeatMs ?? 15_000);

    function end(): void {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      if (pending !== null) clearTimeout(pending);
      unsubscribe();
      res.end();
    }
    open.add(end);
    // The response's close, not the request's: a GET's request 'closes' as soon as its (empty) body is read.
    res.on('close', end);
  });
}
