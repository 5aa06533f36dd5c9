/**
 * How a benchmark speaks (DESIGN.md §4): one JSON line per figure on
 * stdout, `{"bench": "name", "value": 123.4, "unit": "ms", ...context}`, so
 * runs can be compared by a script. Everything else goes to stderr.
 */

import { loadavg } from 'node:os';

export type Context = Readonly<Record<string, string | number | boolean | null>>;

/** Prints one figure. `load1` (the machine's 1-minute load average) says how busy the box was: compare runs with similar loads. */
export function report(bench: string, value: number, unit: string, context: Context = {}): void {
  const load1 = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 10) / 10, unit, ...context, load1 })}\n`);
}

/** Progress for the human watching; never parsed. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
