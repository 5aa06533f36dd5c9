/**
 * Errors are data at every boundary (IPC, HTTP, worker messages): a call either
 * succeeds with a value or fails with a typed code and a message a person can read.
 */
export interface AppError {
  /** UPPER_SNAKE code, stable across versions: UIs translate it, tests assert it. */
  readonly code: string;
  /** A message for people, in Spanish (es-PE) unless the caller asked otherwise. */
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, details?: Record<string, unknown>): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** Exhaustiveness check for discriminated unions: a new member that is not handled fails the typecheck. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
