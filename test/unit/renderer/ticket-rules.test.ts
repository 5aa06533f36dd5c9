import { describe, expect, it } from 'vitest';
import type { Balance, Plan, Ticket, TicketEvent, TimeEntry } from '../../../src-shared/protocol/entities.ts';
import { bucket, bucketsOf } from '../../../src-renderer/src/pages/ticket/balance.ts';
import { expectedRevOf } from '../../../src-renderer/src/pages/ticket/expected-rev.ts';
import { missingFields } from '../../../src-renderer/src/pages/ticket/new-ticket-rules.ts';
import { editableOf, patchOf } from '../../../src-renderer/src/pages/ticket/ticket-patch.ts';
import { FOLD_ABOVE, FOLD_FIRST, FOLD_LAST, foldTimeline, timelineOf } from '../../../src-renderer/src/pages/ticket/timeline.ts';

const ID = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const ticket: Ticket = {
  id: ID(1),
  number: 1042,
  type: 'incidencia',
  channel: 'portal',
  urgency: 'high',
  status: 'in_progress',
  subject: 'No imprime',
  description: 'La impresora del 2.º piso no imprime.',
  customerId: ID(2),
  assigneeId: null,
  requesterName: null,
  requesterEmail: null,
  errorMessage: 'Error 0x00000709',
  affectedSite: 'Sede Miraflores',
  affectedAccount: null,
  affectedEquipment: null,
  frequency: 'always',
  onsiteDistrictUbigeo: null,
  onsiteAddress: null,
  createdAt: '2026-03-23T14:00:00Z',
  updatedAt: '2026-03-23T14:00:00Z',
  waitingSince: null,
  slaPausedMinutes: 0,
  resolvedAt: null,
};

describe('ticket details patch', () => {
  it('holds only the changed fields, with blank optional text as null', () => {
    const before = editableOf(ticket);
    expect(patchOf(before, before)).toEqual({});
    expect(patchOf(before, { ...before, urgency: 'critical', affectedSite: '  ', affectedEquipment: 'HP LaserJet', frequency: null })).toEqual({
      urgency: 'critical',
      affectedSite: null,
      affectedEquipment: 'HP LaserJet',
      frequency: null,
    });
    // An empty description is a real (empty) description, not "no data".
    expect(patchOf(before, { ...before, description: '' })).toEqual({ description: '' });
  });
});

describe('expected revision', () => {
  it('is sent only while none of our edits is queued on the ticket', () => {
    expect(expectedRevOf({ rev: '17', pendingSync: false })).toEqual({ expectedRev: '17' });
    expect(expectedRevOf({ rev: '17', pendingSync: true })).toEqual({});
    expect(expectedRevOf({ rev: null, pendingSync: false })).toEqual({});
  });
});

describe('month balance', () => {
  const balance: Balance = {
    id: `${ID(2)}:2026-03`,
    customerId: ID(2),
    month: '2026-03',
    planId: ID(3),
    tier: 'premium',
    remoteMinutesIncluded: 600,
    onsiteMinutesIncluded: 240,
    ticketQuota: 0,
    remoteMinutesPurchased: 60,
    onsiteMinutesPurchased: 0,
    ticketsPurchased: 0,
    remoteMinutesUsed: 540,
    onsiteMinutesUsed: 240,
    ticketsOpened: 7,
  };
  const hoursPlan = { kind: 'hours' } as Plan;

  it('shows remote and on-site hours left, purchases included', () => {
    const [remote, onsite] = bucketsOf(balance, hoursPlan);
    expect(remote).toMatchObject({ kind: 'remote', total: 660, left: 120, level: 'low' }); // 18 % left
    expect(onsite).toMatchObject({ kind: 'onsite', total: 240, left: 0, level: 'exhausted' });
  });

  it('warns under 20 % left and at zero', () => {
    expect(bucket('remote', 600, 480).level).toBe('ok'); // exactly 20 % left
    expect(bucket('remote', 600, 481).level).toBe('low');
    expect(bucket('remote', 600, 600).level).toBe('exhausted');
    expect(bucket('remote', 600, 700)).toMatchObject({ left: 0, level: 'exhausted' });
    expect(bucket('onsite', 0, 0).level).toBe('exhausted');
  });

  it('shows tickets for ticket plans', () => {
    const buckets = bucketsOf({ ...balance, remoteMinutesIncluded: 0, onsiteMinutesIncluded: 0, ticketQuota: 10, ticketsPurchased: 2 }, { kind: 'tickets' } as Plan);
    expect(buckets).toEqual([expect.objectContaining({ kind: 'tickets', total: 12, used: 7, left: 5, level: 'ok' })]);
  });
});

describe('new ticket intake', () => {
  const customer = { emails: ['ti@cliente.pe', 'soporte@cliente.pe'] };
  it('needs a customer and a subject', () => {
    expect(missingFields({ channel: 'phone', customer: null, subject: ' ', requesterEmail: '' })).toEqual(['newTicket.customer', 'ticket.field.subject']);
    expect(missingFields({ channel: 'phone', customer, subject: 'No imprime', requesterEmail: '' })).toEqual([]);
  });

  it('by email, takes only a registered address of the customer', () => {
    expect(missingFields({ channel: 'email', customer, subject: 'No imprime', requesterEmail: 'soporte@cliente.pe' })).toEqual([]);
    expect(missingFields({ channel: 'email', customer, subject: 'No imprime', requesterEmail: 'otro@gmail.com' })).toEqual(['newTicket.requesterEmail']);
    expect(missingFields({ channel: 'email', customer: { emails: [] }, subject: 'No imprime', requesterEmail: '' })).toEqual(['newTicket.requesterEmail']);
  });
});

describe('thread timeline', () => {
  const event = (n: number, kind: TicketEvent['kind'], at: string): TicketEvent => ({ id: ID(n), ticketId: ID(1), kind, authorId: null, body: 'x', fromStatus: null, toStatus: null, createdAt: at });
  const entry = (n: number, at: string): TimeEntry => ({ id: ID(n), ticketId: ID(1), customerId: ID(2), technicianId: ID(9), kind: 'remote', minutes: 30, workDate: '2026-03-23', billable: true, note: null, createdAt: at });

  it('interleaves events and time entries by time, events first on a tie, without duplicating time events', () => {
    const timeline = timelineOf({
      events: [event(10, 'note', '2026-03-23T15:00:00Z'), event(11, 'status', '2026-03-23T16:00:00Z'), event(12, 'time', '2026-03-23T16:00:00Z')],
      timeEntries: [entry(20, '2026-03-23T16:00:00Z'), entry(21, '2026-03-23T14:00:00Z')],
    });
    expect(timeline.map((item) => item.key)).toEqual([`t-${ID(21)}`, `e-${ID(10)}`, `e-${ID(11)}`, `t-${ID(20)}`]);
  });
});

describe('folding a long ticket story', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  it('shows a short story whole', () => {
    expect(foldTimeline(entries(FOLD_ABOVE), false)).toEqual({ shown: entries(FOLD_ABOVE), hidden: 0 });
  });
  it('folds a long one to how it began and the latest entries, and unfolds on demand', () => {
    const long = entries(40);
    const folded = foldTimeline(long, false);
    expect(folded.shown).toEqual([1, ...entries(10).map((i) => 30 + i)]);
    expect(folded.hidden).toBe(40 - FOLD_FIRST - FOLD_LAST);
    expect(folded.shown.length + folded.hidden).toBe(40);
    expect(foldTimeline(long, true)).toEqual({ shown: long, hidden: 0 });
  });
});
