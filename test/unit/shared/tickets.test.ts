import { describe, expect, it } from 'vitest';
import { CHANNELS, FREQUENCIES, ROLES, TICKET_STATUSES, TICKET_TYPES, TIERS, URGENCIES, VISIT_STATUSES, WORK_KINDS, type TicketStatus } from '../../../src-shared/protocol/entities.ts';
import {
  CHANNEL_LABELS,
  FREQUENCY_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  TICKET_TYPE_LABELS,
  TIER_LABELS,
  URGENCY_LABELS,
  VISIT_STATUS_LABELS,
  WORK_KIND_LABELS,
  allowedTransitions,
  canTransition,
  checkTransition,
  isFinalStatus,
  labelOf,
  type Label,
  type LabelKind,
} from '../../../src-shared/tickets/index.ts';

const ALL_PAIRS = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));

describe('ticket status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = Object.fromEntries(TICKET_STATUSES.map((s) => [s, [...allowedTransitions(s)].sort()]));
    expect(allowed).toEqual({
      new: ['cancelled', 'in_progress', 'onsite_pending', 'resolved', 'waiting_customer'],
      in_progress: ['cancelled', 'onsite_pending', 'resolved', 'waiting_customer'],
      waiting_customer: ['cancelled', 'in_progress', 'resolved'],
      onsite_pending: ['cancelled', 'in_progress', 'onsite_scheduled'],
      onsite_scheduled: ['in_progress', 'onsite_pending', 'resolved'],
      resolved: ['closed', 'in_progress'],
      closed: [],
      cancelled: [],
    });
  });

  it('agrees with itself: canTransition, allowedTransitions and checkTransition', () => {
    for (const [from, to] of ALL_PAIRS) {
      const check = checkTransition(from, to);
      expect(canTransition(from, to), `${from}→${to}`).toBe(allowedTransitions(from).includes(to));
      expect(check.ok, `${from}→${to}`).toBe(canTransition(from, to));
      if (check.ok) expect(check.value).toEqual({ from, to });
      else {
        expect(check.error.code).toBe('INVALID_TRANSITION');
        expect(check.error.details).toEqual({ from, to, allowed: [...allowedTransitions(from)] });
        expect(check.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('never allows staying in the same status', () => {
    for (const status of TICKET_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('has exactly two final statuses, and every other status can still reach one', () => {
    expect(TICKET_STATUSES.filter(isFinalStatus)).toEqual(['closed', 'cancelled']);
    const reachable = (start: TicketStatus): Set<TicketStatus> => {
      const seen = new Set<TicketStatus>([start]);
      const queue = [start];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const next of allowedTransitions(s)) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    expect([...reachable('new')].sort()).toEqual([...TICKET_STATUSES].sort());
    for (const status of TICKET_STATUSES) {
      expect([...reachable(status)].some(isFinalStatus), status).toBe(true);
    }
  });

  it('explains a refusal in Spanish, naming the statuses as the UI does', () => {
    const refusal = (from: TicketStatus, to: TicketStatus): string => {
      const check = checkTransition(from, to);
      if (check.ok) throw new Error(`${from}→${to} should be refused`);
      return check.error.message;
    };
    expect(refusal('resolved', 'onsite_pending')).toBe('No se puede pasar un ticket de «Resuelto» a «Por agendar en sitio». Desde «Resuelto» puede pasar a «Cerrado» o «En curso».');
    expect(refusal('waiting_customer', 'closed')).toBe(
      'No se puede pasar un ticket de «Esperando al cliente» a «Cerrado». Desde «Esperando al cliente» puede pasar a «En curso», «Resuelto» o «Anulado».',
    );
    expect(refusal('onsite_scheduled', 'cancelled')).toMatch(/Anule primero la visita agendada/);
    expect(refusal('new', 'onsite_scheduled')).toMatch(/Una visita se agenda desde «Por agendar en sitio»/);
    expect(refusal('closed', 'in_progress')).toMatch(/^El ticket está cerrado y ya no cambia de estado/);
    expect(refusal('cancelled', 'new')).toBe('El ticket está anulado y ya no cambia de estado.');
    expect(refusal('in_progress', 'in_progress')).toBe('El ticket ya está en «En curso».');
  });
});

describe('labels', () => {
  const tables: ReadonlyArray<readonly [LabelKind, readonly string[], Readonly<Record<string, Label>>]> = [
    ['status', TICKET_STATUSES, STATUS_LABELS],
    ['urgency', URGENCIES, URGENCY_LABELS],
    ['ticketType', TICKET_TYPES, TICKET_TYPE_LABELS],
    ['channel', CHANNELS, CHANNEL_LABELS],
    ['frequency', FREQUENCIES, FREQUENCY_LABELS],
    ['tier', TIERS, TIER_LABELS],
    ['workKind', WORK_KINDS, WORK_KIND_LABELS],
    ['visitStatus', VISIT_STATUSES, VISIT_STATUS_LABELS],
    ['role', ROLES, ROLE_LABELS],
  ];

  it.each(tables)('%s: every value has a distinct Spanish and English label', (_kind, values, table) => {
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const locale of ['es-PE', 'en'] as const) {
      const words = values.map((v) => table[v]?.[locale] ?? '');
      expect(words.every((w) => w.trim().length > 0)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('uses the words of DESIGN.md and entities.ts', () => {
    expect(TICKET_STATUSES.map((s) => labelOf('status', s, 'es-PE'))).toEqual([
      'Nuevo',
      'En curso',
      'Esperando al cliente',
      'Por agendar en sitio',
      'Visita agendada',
      'Resuelto',
      'Cerrado',
      'Anulado',
    ]);
    expect(URGENCIES.map((u) => labelOf('urgency', u, 'es-PE'))).toEqual(['Baja', 'Media', 'Alta', 'Crítica']);
    expect(TIERS.map((t) => labelOf('tier', t, 'es-PE'))).toEqual(['Premium', 'Empresarial', 'Básico']);
    expect(FREQUENCIES.map((f) => labelOf('frequency', f, 'es-PE'))).toEqual(['Siempre', 'A veces', 'Una vez']);
    expect(labelOf('ticketType', 'incidencia', 'en')).toBe('Incident');
    expect(labelOf('channel', 'email', 'es-PE')).toBe('Correo');
  });

  it('refuses a value it does not know', () => {
    expect(() => labelOf('status', 'reopened' as TicketStatus, 'es-PE')).toThrow(RangeError);
  });
});
