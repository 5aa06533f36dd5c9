/**
 * Bearer sessions: 32 random bytes handed to the client once; only their
 * SHA-256 is stored, with an expiry. A deactivated user's tokens stop working
 * at once because every check joins the user row.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role, User } from '../../src-shared/protocol/entities.ts';
import type { Queryable } from '../db/types.ts';
import { forbidden, unauthorized } from '../http/errors.ts';
import { can, type Action } from './permissions.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The authenticated user a request acts as. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly homeDistrictUbigeo: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Queryable, userId: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), userId, now.toISOString(), expiresAt]);
  // Expired sessions are dead weight; sweep a few on each login instead of running a timer.
  await db.query('DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sessions WHERE expires_at < $1 LIMIT 100)', [now.toISOString()]);
  return { token, expiresAt };
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  const token = match?.[1];
  return token !== undefined && TOKEN_FORMAT.test(token) ? token : null;
}

export async function actorForToken(db: Queryable, token: string, now: Date): Promise<Actor | null> {
  const rows = await db.query<Actor & Pick<User, 'active'>>(
    `SELECT u.id::text AS id, u.name, u.email, u.role, u.home_district_ubigeo AS "homeDistrictUbigeo"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
    [hashToken(token), now.toISOString()],
  );
  return rows[0] ?? null;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** Resolves the request's actor or throws 401; with `action`, also 403 when the role may not do it. */
export async function requireActor(db: Queryable, request: FastifyRequest, now: Date, action: Action = 'read'): Promise<Actor> {
  const token = bearerToken(request);
  if (token === null) throw unauthorized('Falta el token de acceso (Authorization: Bearer …).');
  const actor = await actorForToken(db, token, now);
  if (actor === null) throw unauthorized();
  if (!can(actor.role, action)) throw forbidden();
  return actor;
}
