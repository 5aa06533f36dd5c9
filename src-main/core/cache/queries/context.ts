import type { StatementCache } from '../sqlite.ts';

/** What every query module needs: prepared statements, the clock, and who "me" is. */
export interface QueryContext {
  readonly sql: StatementCache;
  readonly now: () => Date;
  /** The signed-in user's id, or null before the first login. */
  readonly me: () => string | null;
}

/** Named placeholders for an IN list, with their bindings added to `params`. */
export function inList(prefix: string, values: readonly (string | number)[], params: Record<string, string | number | null>): string {
  return values
    .map((value, index) => {
      params[`${prefix}${index}`] = value;
      return `@${prefix}${index}`;
    })
    .join(', ');
}
