/**
 * The pull cursor, opaque to clients: the (xid, change id) of the last change
 * delivered, plus an optional estimate of how many changes were still to
 * come (for progress bars; see pull.ts for why it is carried, not counted).
 *
 * A pull from no cursor goes through stages (pull.ts): `core` (every entity
 * but the history), `history`, then `changes` (all entities, the ordinary
 * incremental pull). v1 cursors are `changes` positions; v2 cursors carry the
 * stage and, in `history`, where the core stage ended.
 */
import { invalid } from '../http/errors.ts';

export type CursorStage = 'core' | 'history' | 'changes';

export interface Position {
  /** Transaction id (xid8) as a decimal string. */
  readonly xid: string;
  readonly changeId: number;
}

export interface CursorPosition extends Position {
  readonly stage: CursorStage;
  /** Changes known to be pending after this position when the cursor was made. */
  readonly remaining?: number;
  /** In the history stage: the last position the core stage delivered. */
  readonly coreEnd?: Position;
}

export const START: Position = { xid: '0', changeId: 0 };
const V1 = /^(\d{1,20})\.(\d{1,16})(?:\.(\d{1,12}))?$/;
const V2 = /^(core|history)\.(\d{1,20})\.(\d{1,16})\.(\d{1,12})(?:\.(\d{1,20})\.(\d{1,16}))?$/;

export function encodeCursor(position: CursorPosition): string {
  if (position.stage === 'changes') {
    const parts = [position.xid, String(position.changeId)];
    if (position.remaining !== undefined) parts.push(String(position.remaining));
    return Buffer.from(`v1:${parts.join('.')}`).toString('base64url');
  }
  const parts = [position.stage, position.xid, String(position.changeId), String(position.remaining ?? 0)];
  if (position.coreEnd !== undefined) parts.push(position.coreEnd.xid, String(position.coreEnd.changeId));
  return Buffer.from(`v2:${parts.join('.')}`).toString('base64url');
}

const refuse = (): never => {
  throw invalid('Cursor de sincronización no válido; vuelva a sincronizar desde el inicio.', { field: 'cursor' });
};

const safe = (text: string): number => {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : refuse();
};

/** Decodes a client's cursor (no cursor: the start of the core stage); anything we did not make is a 422. */
export function decodeCursor(cursor: string | undefined): CursorPosition {
  if (cursor === undefined || cursor === '') return { stage: 'core', ...START };
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (text.startsWith('v1:')) {
    const [, xid, changeId, remaining] = V1.exec(text.slice(3)) ?? [];
    if (xid === undefined || changeId === undefined) return refuse();
    const position: CursorPosition = { stage: 'changes', xid, changeId: safe(changeId) };
    return remaining === undefined ? position : { ...position, remaining: safe(remaining) };
  }
  if (text.startsWith('v2:')) {
    const [, stage, xid, changeId, remaining, coreXid, coreChangeId] = V2.exec(text.slice(3)) ?? [];
    if ((stage !== 'core' && stage !== 'history') || xid === undefined || changeId === undefined || remaining === undefined) return refuse();
    const position: CursorPosition = { stage, xid, changeId: safe(changeId), remaining: safe(remaining) };
    if (coreXid === undefined || coreChangeId === undefined) return stage === 'history' ? refuse() : position;
    return stage === 'core' ? refuse() : { ...position, coreEnd: { xid: coreXid, changeId: safe(coreChangeId) } };
  }
  return refuse();
}

/** The earlier of two positions in (xid, change id) order. */
export function earlier(a: Position, b: Position): Position {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  if (ax !== bx) return ax < bx ? a : b;
  return a.changeId <= b.changeId ? a : b;
}
