/**
 * Arguments of a refused edit that name another record by its id (the
 * customer of a new ticket, the person a ticket is assigned to, the
 * technician of a visit). Nobody can read or type a UUID, so the fix form
 * shows them by name and keeps storing the id. Pure, for the unit tests.
 */
import type { ArgField } from './args-form.ts';

export type IdRefKind = 'technician' | 'customer';

export interface IdRef {
  readonly kind: IdRefKind;
  /** The edit accepts null here ("Sin asignar"). */
  readonly nullable: boolean;
}

/**
 * By argument name; the same name means the same thing in every v1 mutation
 * (ticket.create, ticket.assign, visit.book, visit.reschedule). Tickets and
 * visits go to technicians, as in the ticket's own assignee picker.
 */
const ID_REFS: Readonly<Record<string, IdRef>> = {
  customerId: { kind: 'customer', nullable: false },
  assigneeId: { kind: 'technician', nullable: true },
  technicianId: { kind: 'technician', nullable: false },
};

/** How the field is picked, or null when it is not an id of another record. */
export function idRefOf(field: ArgField): IdRef | null {
  if (field.readOnly || field.kind !== 'text' || field.path.includes('.')) return null;
  return ID_REFS[field.path] ?? null;
}

/**
 * The field after a pick: the chosen id, or for "nobody" an empty value that
 * the retried edit carries as null, even when the refused edit named someone.
 */
export function pickedId(value: string): Partial<ArgField> {
  return value === '' ? { text: '', wasNull: true } : { text: value };
}

export interface PersonLike {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly active: boolean;
}

export interface PersonChoice {
  /** The id the retried edit carries; '' is "nobody" (null). */
  readonly value: string;
  readonly label: string;
}

export interface PersonChoiceLabels {
  readonly none: string;
  readonly notFound: string;
  readonly loading: string;
  readonly inactive: (name: string) => string;
}

/**
 * The options of a person picker: "nobody" first when the edit allows it,
 * then the current person when the list does not have them (inactive, not a
 * technician, not on this computer, or the list still loading), so the
 * current value is always the selected option and is never lost; then the
 * active technicians in the order the desk lists them (by name).
 */
export function personChoices(users: readonly PersonLike[] | undefined, current: string, nullable: boolean, labels: PersonChoiceLabels): PersonChoice[] {
  const choices: PersonChoice[] = [];
  if (nullable) choices.push({ value: '', label: labels.none });
  const listed = (users ?? []).filter((u) => u.role === 'technician' && u.active);
  if (current !== '' && !listed.some((u) => u.id === current)) {
    const known = users?.find((u) => u.id === current);
    const label = users === undefined ? labels.loading : known === undefined ? labels.notFound : known.active ? known.name : labels.inactive(known.name);
    choices.push({ value: current, label });
  }
  for (const u of listed) choices.push({ value: u.id, label: u.name });
  return choices;
}
