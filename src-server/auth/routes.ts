/**
 * POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
 */
import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, type LoginResponse } from '../../src-shared/protocol/sync.ts';
import type { Role } from '../../src-shared/protocol/entities.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseInput, requireObjectBody } from '../http/validate.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { clearFailures, recordFailure, secondsUntilAllowed } from './rate-limit.ts';
import { bearerToken, createSession, deleteSession, requireActor } from './sessions.ts';

interface LoginRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  password_hash: string | null;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/auth/login', async (request, reply) => {
    const body = parseInput(LoginRequestSchema, requireObjectBody(request.body), 'Inicio de sesión');
    const now = ctx.now();
    const wait = await secondsUntilAllowed(ctx.db, body.email, request.ip, now);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new HttpError(429, 'RATE_LIMITED', `Demasiados intentos fallidos. Vuelva a intentarlo en ${Math.ceil(wait / 60)} min.`, { retryAfterSeconds: wait });
    }
    const rows = await ctx.db.query<LoginRow>(
      'SELECT id::text AS id, name, email, role, password_hash FROM users WHERE lower(email) = lower($1) AND active',
      [body.email.trim()],
    );
    const user = rows[0];
    const valid = user?.password_hash != null ? await verifyPassword(body.password, user.password_hash) : await verifyAgainstDummy(body.password);
    if (user === undefined || !valid) {
      await recordFailure(ctx.db, body.email, request.ip, now);
      throw new HttpError(401, 'INVALID_CREDENTIALS', 'Correo o contraseña incorrectos.');
    }
    await clearFailures(ctx.db, body.email, request.ip);
    const session = await createSession(ctx.db, user.id, now);
    const response: LoginResponse = { ...session, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
    return response;
  });

  app.post('/api/v1/auth/logout', async (request) => {
    await requireActor(ctx.db, request, ctx.now());
    const token = bearerToken(request);
    if (token !== null) await deleteSession(ctx.db, token);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (request) => {
    const actor = await requireActor(ctx.db, request, ctx.now());
    return { user: actor };
  });
}
