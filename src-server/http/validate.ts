/**
 * Input validation for every route: zod schemas from src-shared, plus the
 * check zod cannot express and PostgreSQL would otherwise refuse deep inside a
 * write: text must be storable — no U+0000 (not allowed in text or jsonb) and
 * no lone UTF-16 surrogates (not valid Unicode; jsonb rejects their escapes).
 */
import type { z } from 'zod';
import { HttpError, invalid } from './errors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Path of the first string (or key) that PostgreSQL cannot store, or null. */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) return [...path, key];
      const found = findUnstorableText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export const UNSTORABLE_TEXT_MESSAGE = 'El texto contiene caracteres que no se pueden guardar (U+0000 o Unicode inválido).';

export interface Issue {
  readonly path: string;
  readonly message: string;
}

export function describeIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Replaces what PostgreSQL cannot store with U+FFFD, for recording text we are refusing anyway. */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

export interface ParseOptions {
  /**
   * Skip the storable-text scan (default false). Only for envelopes whose
   * parts are checked one by one later, like a push's mutations: one bad
   * mutation is rejected on its own instead of failing the whole batch.
   */
  readonly skipTextCheck?: boolean;
}

/** Parses `value` with `schema` or throws 422 VALIDATION listing what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string, options: ParseOptions = {}): z.infer<S> {
  const bad = options.skipTextCheck === true ? null : findUnstorableText(value);
  if (bad !== null) throw invalid(`${what}: ${UNSTORABLE_TEXT_MESSAGE}`, { path: bad.join('.') });
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
