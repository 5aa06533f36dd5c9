import { describe, expect, it } from 'vitest';
import { argsOf, fieldsOf } from '../../../src-renderer/src/pages/attention/args-form.ts';
import { idRefOf, personChoices, pickedId, type PersonLike } from '../../../src-renderer/src/pages/attention/id-fields.ts';

const LUIS = '00000000-0000-4000-8000-00000000000a';
const CARMEN = '00000000-0000-4000-8000-00000000000b';
const PATRICIA = '00000000-0000-4000-8000-00000000000c';
const JORGE = '00000000-0000-4000-8000-00000000000d';
const GONE = '00000000-0000-4000-8000-0000000000ff';

const USERS: PersonLike[] = [
  { id: CARMEN, name: 'Carmen Rojas Vílchez', role: 'technician', active: true },
  { id: LUIS, name: 'Luis Quispe Huamán', role: 'technician', active: true },
  { id: PATRICIA, name: 'Patricia Salas Medina', role: 'dispatcher', active: true },
  { id: JORGE, name: 'Jorge Mamani Condori', role: 'technician', active: false },
];

const LABELS = { none: 'Sin asignar', notFound: '(no encontrado en este equipo)', loading: '…', inactive: (name: string) => `${name} (inactivo)` };

describe('ids of other records in the fix form', () => {
  it('finds the customer, the assignee and the technician of every edit that names them, and nothing else', () => {
    const create = fieldsOf({ id: GONE, customerId: GONE, subject: 'Impresora', assigneeId: null });
    expect(create.map((f) => [f.path, idRefOf(f)])).toEqual([
      ['id', null],
      ['customerId', { kind: 'customer', nullable: false }],
      ['subject', null],
      ['assigneeId', { kind: 'technician', nullable: true }],
    ]);
    expect(fieldsOf({ id: GONE, assigneeId: LUIS }).map(idRefOf)).toEqual([null, { kind: 'technician', nullable: true }]);
    const book = fieldsOf({ id: GONE, ticketId: GONE, technicianId: LUIS, kind: 'remote', startsAt: '2026-12-01T15:00:00.000Z' });
    expect(book.map(idRefOf)).toEqual([null, null, { kind: 'technician', nullable: false }, null, null]);
    expect(fieldsOf({ id: GONE, technicianId: LUIS }).map(idRefOf)).toEqual([null, { kind: 'technician', nullable: false }]);
    // A nested field of the same name is not one of these.
    expect(fieldsOf({ id: GONE, patch: { assigneeId: LUIS } }).map(idRefOf)).toEqual([null, null]);
  });

  it('offers the active technicians by name, with "Sin asignar" only where null is allowed', () => {
    expect(personChoices(USERS, LUIS, true, LABELS)).toEqual([
      { value: '', label: 'Sin asignar' },
      { value: CARMEN, label: 'Carmen Rojas Vílchez' },
      { value: LUIS, label: 'Luis Quispe Huamán' },
    ]);
    expect(personChoices(USERS, LUIS, false, LABELS).map((c) => c.label)).toEqual(['Carmen Rojas Vílchez', 'Luis Quispe Huamán']);
    expect(personChoices(USERS, '', true, LABELS)[0]).toEqual({ value: '', label: 'Sin asignar' });
  });

  it('keeps the current person even when the list does not have them, named when known', () => {
    expect(personChoices(USERS, GONE, false, LABELS)).toEqual([
      { value: GONE, label: '(no encontrado en este equipo)' },
      { value: CARMEN, label: 'Carmen Rojas Vílchez' },
      { value: LUIS, label: 'Luis Quispe Huamán' },
    ]);
    expect(personChoices(USERS, JORGE, true, LABELS)[1]).toEqual({ value: JORGE, label: 'Jorge Mamani Condori (inactivo)' });
    expect(personChoices(USERS, PATRICIA, true, LABELS)[1]).toEqual({ value: PATRICIA, label: 'Patricia Salas Medina' });
    // While the list loads the value stays selected, with no name yet.
    expect(personChoices(undefined, LUIS, true, LABELS)).toEqual([
      { value: '', label: 'Sin asignar' },
      { value: LUIS, label: '…' },
    ]);
  });

  it('retries with the picked id, and with null for "Sin asignar" even when the refused edit named someone', () => {
    const fields = fieldsOf({ id: GONE, assigneeId: LUIS });
    const pick = (value: string) => fields.map((f) => (f.path === 'assigneeId' ? { ...f, ...pickedId(value) } : f));
    expect(argsOf(pick(CARMEN))).toEqual({ ok: true, args: { id: GONE, assigneeId: CARMEN } });
    expect(argsOf(pick(''))).toEqual({ ok: true, args: { id: GONE, assigneeId: null } });
    expect(argsOf(fields)).toEqual({ ok: true, args: { id: GONE, assigneeId: LUIS } });
  });
});
