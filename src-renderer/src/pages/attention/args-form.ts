/**
 * Turning a refused edit's arguments into form fields and back, so a
 * technician can correct a value (a time, a status, a technician) before
 * retrying. One level of nesting is flattened ("patch.subject"); ids of the
 * edit itself stay read-only. Pure, for the unit tests.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'json';

export interface ArgField {
  /** Dotted path: "minutes", "patch.subject". */
  readonly path: string;
  readonly kind: FieldKind;
  /** What the input shows. */
  readonly text: string;
  readonly checked: boolean;
  readonly readOnly: boolean;
  /** The value was null: an empty input keeps it null. */
  readonly wasNull: boolean;
}

const READ_ONLY = new Set(['id', 'ticketId']);
/**
 * The revision an edit was made against. A retry is "apply my change to the
 * ticket as it is now", so it is left out of the form and of the retried
 * arguments; keeping it would make a CONFLICT refusal repeat forever.
 */
const DROPPED_ON_RETRY = new Set(['expectedRev']);

function fieldOf(path: string, value: unknown, readOnly: boolean): ArgField {
  if (typeof value === 'number') return { path, kind: 'number', text: String(value), checked: false, readOnly, wasNull: false };
  if (typeof value === 'boolean') return { path, kind: 'boolean', text: '', checked: value, readOnly, wasNull: false };
  if (value === null) return { path, kind: 'text', text: '', checked: false, readOnly, wasNull: true };
  if (typeof value === 'string') return { path, kind: 'text', text: value, checked: false, readOnly, wasNull: false };
  return { path, kind: 'json', text: JSON.stringify(value), checked: false, readOnly, wasNull: false };
}

export function fieldsOf(args: unknown): ArgField[] {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return [fieldOf('args', args, false)];
  const fields: ArgField[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (DROPPED_ON_RETRY.has(key)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) fields.push(fieldOf(`${key}.${inner}`, innerValue, false));
    } else {
      fields.push(fieldOf(key, value, READ_ONLY.has(key)));
    }
  }
  return fields;
}

export type ArgsResult = { readonly ok: true; readonly args: Record<string, unknown> } | { readonly ok: false; readonly path: string };

function valueOf(field: ArgField): { ok: true; value: unknown } | { ok: false } {
  switch (field.kind) {
    case 'boolean':
      return { ok: true, value: field.checked };
    case 'number': {
      const n = Number(field.text.trim().replace(',', '.'));
      return field.text.trim() !== '' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(field.text) as unknown };
      } catch {
        // Reported to the person as "the value of <field> is not valid".
        return { ok: false };
      }
    case 'text':
      return { ok: true, value: field.wasNull && field.text.trim() === '' ? null : field.text };
  }
}

/** The arguments the fields now describe, or the first field that does not parse. */
export function argsOf(fields: readonly ArgField[]): ArgsResult {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = valueOf(field);
    if (!parsed.ok) return { ok: false, path: field.path };
    const [head, tail] = field.path.split(/\.(.+)/) as [string, string | undefined];
    if (tail === undefined) {
      args[head] = parsed.value;
    } else {
      const inner = (args[head] ?? {}) as Record<string, unknown>;
      inner[tail] = parsed.value;
      args[head] = inner;
    }
  }
  return { ok: true, args };
}
