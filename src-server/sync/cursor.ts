/**
 * The pull cursor, opaque to clients: the (xid, change id) of the last change
 * delivered, plus an optional estimate of how many changes were still to
 * come (for progress bars; see pull.ts for why it is carried, not counted).
 */
import { invalid } from '../http/errors.ts';

export interface CursorPosition {
  /** Transaction id (xid8) as a decimal string. */
  readonly xid: string;
  readonly changeId: number;
  /** Changes known to be pending after this position when the cursor was made. */
  readonly remaining?: number;
}

export const START: CursorPosition = { xid: '0', changeId: 0 };
const FORMAT = /^(\d{1,20})\.(\d{1,16})(?:\.(\d{1,12}))?$/;

export function encodeCursor(position: CursorPosition): string {
  const parts = [position.xid, String(position.changeId)];
  if (position.remaining !== undefined) parts.push(String(position.remaining));
  return Buffer.from(`v1:${parts.join('.')}`).toString('base64url');
}

/** Decodes a client's cursor; anything we did not make is a 422. */
export function decodeCursor(cursor: string | undefined): CursorPosition {
  if (cursor === undefined || cursor === '') return START;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = text.startsWith('v1:') ? FORMAT.exec(text.slice(3)) : null;
  const [, xid, changeId, remaining] = match ?? [];
  if (xid === undefined || changeId === undefined || !Number.isSafeInteger(Number(changeId))) {
    throw invalid('Cursor de sincronización no válido; vuelve a sincronizar desde el inicio.', { field: 'cursor' });
  }
  return remaining === undefined ? { xid, changeId: Number(changeId) } : { xid, changeId: Number(changeId), remaining: Number(remaining) };
}
