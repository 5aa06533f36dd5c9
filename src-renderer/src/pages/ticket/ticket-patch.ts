/** The editable details of a ticket and the `ticket.update` patch between two versions of them. Pure, for the unit tests. */
import type { Ticket } from '../../../../src-shared/protocol/entities.ts';

export type Editable = Pick<Ticket, 'type' | 'channel' | 'urgency' | 'errorMessage' | 'affectedSite' | 'affectedAccount' | 'affectedEquipment' | 'frequency' | 'description'>;
export const TEXT_FIELDS = ['affectedSite', 'affectedAccount', 'affectedEquipment'] as const;

export function editableOf(ticket: Ticket): Editable {
  const { type, channel, urgency, errorMessage, affectedSite, affectedAccount, affectedEquipment, frequency, description } = ticket;
  return { type, channel, urgency, errorMessage, affectedSite, affectedAccount, affectedEquipment, frequency, description };
}

/** Optional text: a blank field means "no data" (null), never an empty string. */
const NULLABLE_TEXT: ReadonlySet<keyof Editable> = new Set(['errorMessage', 'affectedSite', 'affectedAccount', 'affectedEquipment']);

/** Only what changed. */
export function patchOf(before: Editable, after: Editable): Partial<Editable> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Editable)[]) {
    const raw = after[key];
    const value = NULLABLE_TEXT.has(key) && typeof raw === 'string' && raw.trim() === '' ? null : raw;
    if (value !== before[key]) patch[key] = value;
  }
  return patch as Partial<Editable>;
}
