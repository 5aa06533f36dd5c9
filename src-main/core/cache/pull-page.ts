/**
 * Validation of a pulled page, entirely before any write: a page that is not
 * exactly what the protocol promises is refused whole, and the cache is left
 * as it was. Messages are for people (Spanish); details go to the log.
 */
import { entitySchemas, type EntityName } from '../../../src-shared/protocol/entities.ts';
import { PullQuerySchema, PullResponseSchema } from '../../../src-shared/protocol/sync.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import type { RowData } from './edits/appliers.ts';

/** The protocol's largest page (PullQuerySchema limit); a bigger one is a server bug or an attack. */
export const MAX_PAGE_CHANGES = 10_000;
const MAX_CURSOR_LENGTH = (PullQuerySchema.shape.cursor.unwrap() as { maxLength: number | null }).maxLength ?? 200;

export interface ValidChange {
  readonly entity: EntityName;
  readonly op: 'upsert' | 'delete';
  readonly id: string;
  readonly rev: string;
  /** The validated entity for upserts; null for deletes. */
  readonly data: RowData | null;
}

export interface ValidPage {
  readonly cursor: string;
  readonly hasMore: boolean;
  readonly lastSeq: number;
  readonly remaining: number | undefined;
  readonly stage: 'core' | 'history' | undefined;
  readonly changes: readonly ValidChange[];
}

const MALFORMED = 'SYNC_MALFORMED_RESPONSE';
const malformedMessage = (what: string): string => `El servidor envió datos de sincronización no válidos (${what}). No se aplicó ningún cambio; se volverá a intentar.`;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(raíz)'}: ${i.message}`)
    .join('; ');
}

export function validatePullPage(raw: unknown, maxChanges = MAX_PAGE_CHANGES): Result<ValidPage> {
  // Count before parsing: a huge page is refused without validating every row of it.
  if (typeof raw === 'object' && raw !== null && Array.isArray((raw as { changes?: unknown }).changes)) {
    const count = (raw as { changes: unknown[] }).changes.length;
    if (count > maxChanges) {
      return fail('SYNC_PAGE_TOO_LARGE', `El servidor envió una página de ${count} cambios (máximo ${maxChanges}). No se aplicó; se volverá a intentar.`, { count, maxChanges });
    }
  }
  const page = PullResponseSchema.safeParse(raw);
  if (!page.success) return fail(MALFORMED, malformedMessage('estructura de la página'), { issues: describeIssues(page.error.issues) });
  if (page.data.cursor.length === 0 || page.data.cursor.length > MAX_CURSOR_LENGTH) return fail(MALFORMED, malformedMessage('cursor'), { length: page.data.cursor.length });
  const changes: ValidChange[] = [];
  for (const [index, change] of page.data.changes.entries()) {
    if (change.op === 'delete') {
      changes.push({ entity: change.entity, op: 'delete', id: change.id, rev: change.rev, data: null });
      continue;
    }
    const data = entitySchemas[change.entity].safeParse(change.data);
    if (!data.success) {
      return fail(MALFORMED, malformedMessage(`${change.entity} ${change.id}`), { index, entity: change.entity, id: change.id, issues: describeIssues(data.error.issues) });
    }
    if ((data.data as { id: string }).id !== change.id) return fail(MALFORMED, malformedMessage(`id de ${change.entity} no coincide`), { index, id: change.id });
    changes.push({ entity: change.entity, op: 'upsert', id: change.id, rev: change.rev, data: data.data as RowData });
  }
  return ok({ cursor: page.data.cursor, hasMore: page.data.hasMore, lastSeq: page.data.lastSeq, remaining: page.data.remaining, stage: page.data.stage, changes });
}
