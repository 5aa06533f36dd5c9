/**
 * Input validation for every route: zod schemas from src-shared, plus the
 * checks zod cannot express and PostgreSQL would otherwise turn into a 500
 * (NUL characters are not storable in text or jsonb).
 */
import type { z } from 'zod';
import { HttpError, invalid } from './errors.ts';

/** Path of the first string (or key) containing U+0000, or null. */
export function findNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export interface Issue {
  readonly path: string;
  readonly message: string;
}

export function describeIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses `value` with `schema` or throws 422 VALIDATION listing what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const nul = findNul(value);
  if (nul !== null) throw invalid(`${what}: el texto contiene un carácter nulo (U+0000), que no se puede guardar.`, { path: nul.join('.') });
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`${what}: datos no válidos.`, { issues: describeIssues(parsed.error) });
  return parsed.data;
}

/** A JSON body must be an object; anything else is malformed, not merely invalid. */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'MALFORMED', 'El cuerpo debe ser un objeto JSON.');
  }
  return body as Record<string, unknown>;
}
