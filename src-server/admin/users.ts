/**
 * Users (admin only). Passwords arrive in clear over the loopback/TLS
 * connection and are stored only as scrypt hashes. Deactivating a user or
 * changing their password ends their sessions.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UserSchema } from '../../src-shared/protocol/entities.ts';
import { hashPassword } from '../auth/password.ts';
import type { ServerContext } from '../context.ts';
import { insertEntities, lockEntity, upsertEntities } from '../entities/store.ts';
import { invalid, notFound } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { IdParams } from './catalog.ts';
import { adminWrite } from './write.ts';

const Password = z.string().min(8, 'La contraseña necesita al menos 8 caracteres.').max(200);
const UserInput = UserSchema.extend({ password: Password }).strict();
const UserChange = UserSchema.omit({ id: true }).partial().extend({ password: Password.optional() }).strict();

export function registerUserRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/users', async (request, reply) => {
    const user = await adminWrite(ctx, request, 'users.write', UserInput, 'Usuario', async ({ tx, body }) => {
      const { password, ...user } = body;
      await insertEntities(tx, 'user', [{ ...user, passwordHash: await hashPassword(password) }]);
      return user;
    });
    return reply.code(201).send(user);
  });

  app.put('/api/v1/users/:id', async (request) => {
    return adminWrite(ctx, request, 'users.write', UserChange, 'Usuario', async ({ tx, body, actor }) => {
      const { id } = parseInput(IdParams, request.params, 'Usuario');
      const current = await lockEntity(tx, 'user', id);
      if (current === null) throw notFound('El usuario no existe.');
      const { password, ...patch } = body;
      if (id === actor.id && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))) {
        throw invalid('No puede desactivarse ni quitarse el rol de administración a sí mismo.');
      }
      const updated = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
      await upsertEntities(tx, 'user', [updated]);
      if (password !== undefined) await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, await hashPassword(password)]);
      if (password !== undefined || updated.active === false) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      return updated;
    });
  });
}
