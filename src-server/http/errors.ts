/**
 * HTTP errors as data (DESIGN.md §3): every non-2xx answer is
 * `{error: {code, message, details?}}`. Handlers throw `HttpError`; the
 * error handler in app.ts turns it (and Fastify's own client errors) into
 * that shape. Messages are Spanish first: people read them in the console.
 */
import type { FastifyReply } from 'fastify';
import type { ErrorBody } from '../../src-shared/protocol/sync.ts';

export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(statusCode: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function sendError(reply: FastifyReply, statusCode: number, code: string, message: string, details?: Record<string, unknown>): FastifyReply {
  return reply.code(statusCode).type('application/json; charset=utf-8').send(errorBody(code, message, details));
}

export const malformed = (message: string, details?: Record<string, unknown>) => new HttpError(400, 'MALFORMED', message, details);
export const unauthorized = (message = 'Sesión no válida o vencida; inicie sesión de nuevo.') => new HttpError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'Su rol no permite esta acción.') => new HttpError(403, 'FORBIDDEN', message);
export const notFound = (message = 'No existe.') => new HttpError(404, 'NOT_FOUND', message);
export const invalid = (message: string, details?: Record<string, unknown>) => new HttpError(422, 'VALIDATION', message, details);
