import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import type { Ticket } from '../../src-shared/protocol/entities.ts';
import { currentRev, loadEntity } from '../../src-server/entities/index.ts';
import { IDS } from './support/fixtures.ts';
import { describeServer } from './support/harness.ts';
import { applied, mutator, rejected, ticketArgs } from './support/mutations.ts';

describeServer('ticket mutations', (h) => {
  let run: ReturnType<typeof mutator>;
  beforeEach(async () => {
    await h.reset();
    run = mutator(h);
  });

  async function ticket(id: string): Promise<Ticket> {
    const row = await loadEntity(h.db, 'ticket', id);
    if (row === null) throw new Error(`ticket ${id} missing`);
    return row;
  }

  async function events(ticketId: string): Promise<Array<{ kind: string; from_status: string | null; to_status: string | null; body: string | null }>> {
    return h.db.query('SELECT kind, from_status, to_status, body FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, kind', [ticketId]);
  }

  it('create: status new, server number, a status event; every role may open tickets', async () => {
    for (const who of ['technician', 'dispatcher', 'supervisor', 'admin'] as const) {
      const args = ticketArgs();
      expect(await run(who, 'ticket.create', args)).toEqual(applied);
      expect(await ticket(args.id)).toMatchObject({ status: 'new', assigneeId: null, number: expect.any(Number), createdAt: h.clock.now().toISOString() });
      expect(await events(args.id)).toEqual([{ kind: 'status', from_status: null, to_status: 'new', body: null }]);
    }
  });

  it('create: an existing id is a CONFLICT, an unknown customer NOT_FOUND', async () => {
    const args = ticketArgs();
    expect(await run('technician', 'ticket.create', args)).toEqual(applied);
    expect(await run('technician', 'ticket.create', args)).toEqual(rejected('CONFLICT'));
    expect(await run('technician', 'ticket.create', ticketArgs({ customerId: randomUUID() }))).toEqual(rejected('NOT_FOUND'));
  });

  it('create: email tickets only from the customer\'s registered addresses', async () => {
    expect(await run('technician', 'ticket.create', ticketArgs({ channel: 'email', requesterEmail: 'intruso@gmail.com' }))).toEqual(rejected('VALIDATION'));
    expect(await run('technician', 'ticket.create', ticketArgs({ channel: 'email' }))).toEqual(rejected('VALIDATION'));
    expect(await run('technician', 'ticket.create', ticketArgs({ channel: 'email', requesterEmail: 'SOPORTE@rimac-inv.pe' }))).toEqual(applied);
  });

  it('create: a technician may assign a new ticket to himself but not to someone else', async () => {
    expect(await run('technician', 'ticket.create', ticketArgs({ assigneeId: IDS.technician }))).toEqual(applied);
    expect(await run('technician', 'ticket.create', ticketArgs({ assigneeId: IDS.technician2 }))).toEqual(rejected('FORBIDDEN'));
    expect(await run('dispatcher', 'ticket.create', ticketArgs({ assigneeId: IDS.technician2 }))).toEqual(applied);
  });

  it('update: patches fields; a stale expectedRev is a CONFLICT and changes nothing', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    const rev = await currentRev(h.db as never, 'ticket', args.id);
    expect(rev).not.toBeNull();
    expect(await run('technician', 'ticket.update', { id: args.id, expectedRev: rev ?? '', patch: { urgency: 'critical', errorMessage: 'E_ACCESSDENIED' } })).toEqual(applied);
    expect(await ticket(args.id)).toMatchObject({ urgency: 'critical', errorMessage: 'E_ACCESSDENIED' });
    expect(await run('dispatcher', 'ticket.update', { id: args.id, expectedRev: rev ?? '', patch: { urgency: 'low' } })).toEqual(rejected('CONFLICT'));
    expect((await ticket(args.id)).urgency).toBe('critical');
    expect(await run('dispatcher', 'ticket.update', { id: randomUUID(), patch: { urgency: 'low' } })).toEqual(rejected('NOT_FOUND'));
  });

  it('setStatus follows the state machine and writes status events', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'closed' })).toEqual(rejected('INVALID_TRANSITION'));
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'new' })).toEqual(rejected('INVALID_TRANSITION'));
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress', comment: 'Revisando' })).toEqual(applied);
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'resolved' })).toEqual(applied);
    expect((await ticket(args.id)).resolvedAt).toBe(h.clock.now().toISOString());
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'closed' })).toEqual(applied);
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress' })).toEqual(rejected('INVALID_TRANSITION'));
    expect((await events(args.id)).map((e) => [e.from_status, e.to_status])).toEqual([
      [null, 'new'],
      ['new', 'in_progress'],
      ['in_progress', 'resolved'],
      ['resolved', 'closed'],
    ]);
  });

  it('setStatus to onsite_scheduled needs a booked visit', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'onsite_pending' });
    expect(await run('dispatcher', 'ticket.setStatus', { id: args.id, status: 'onsite_scheduled' })).toEqual(rejected('INVALID_TRANSITION'));
  });

  it('waiting for the customer pauses the SLA clock by business minutes', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'waiting_customer' });
    expect((await ticket(args.id)).waitingSince).toBe(h.clock.now().toISOString());
    // 10:00 → 21:00 Tuesday, then 08:00 → 09:30 Wednesday: 11 h + 1 h 30 of business time.
    h.clock.set('2026-03-11T14:30:00.000Z');
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress' });
    expect(await ticket(args.id)).toMatchObject({ waitingSince: null, slaPausedMinutes: 11 * 60 + 90 });
  });

  it('resolution stops the SLA clock and a reopen resumes it where it stopped: the time spent resolved is banked', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress' });
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'resolved' });
    const resolvedAt = h.clock.now().toISOString();
    expect(await ticket(args.id)).toMatchObject({ resolvedAt, slaPausedMinutes: 0 });
    // Same 10:00 Tuesday → 09:30 Wednesday span as above: 11 h + 1 h 30 of business time resolved.
    h.clock.set('2026-03-11T14:30:00.000Z');
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress', comment: 'El cliente dice que volvió a fallar' })).toEqual(applied);
    expect(await ticket(args.id)).toMatchObject({ status: 'in_progress', resolvedAt: null, slaPausedMinutes: 11 * 60 + 90 });
  });

  it('assign is for dispatchers and up; it writes an assignment event', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    expect(await run('technician', 'ticket.assign', { id: args.id, assigneeId: IDS.technician })).toEqual(rejected('FORBIDDEN'));
    expect(await run('dispatcher', 'ticket.assign', { id: args.id, assigneeId: IDS.technician2 })).toEqual(applied);
    expect((await ticket(args.id)).assigneeId).toBe(IDS.technician2);
    expect((await events(args.id)).filter((e) => e.kind === 'assignment')).toEqual([{ kind: 'assignment', from_status: null, to_status: null, body: 'Tania Técnica' }]);
    await h.db.query('UPDATE users SET active = false WHERE id = $1', [IDS.technician]);
    expect(await run('supervisor', 'ticket.assign', { id: args.id, assigneeId: IDS.technician })).toEqual(rejected('VALIDATION'));
    expect(await run('supervisor', 'ticket.assign', { id: args.id, assigneeId: null })).toEqual(applied);
  });

  it('notes and replies are ticket events by the author; ids are the client\'s', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    const note = { id: randomUUID(), ticketId: args.id, kind: 'note' as const, body: 'Cliente reinició el equipo' };
    expect(await run('technician', 'ticket.addNote', note)).toEqual(applied);
    expect(await run('technician', 'ticket.addNote', note)).toEqual(rejected('CONFLICT'));
    expect(await run('technician', 'ticket.addNote', { ...note, id: randomUUID(), ticketId: randomUUID() })).toEqual(rejected('NOT_FOUND'));
    const rows = await h.db.query<{ author_id: string; body: string }>('SELECT author_id::text AS author_id, body FROM ticket_events WHERE id = $1', [note.id]);
    expect(rows).toEqual([{ author_id: IDS.technician, body: note.body }]);
  });

  it('time.log records minutes for the actor and refuses future dates', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    expect(await run('technician', 'time.log', { id: randomUUID(), ticketId: args.id, kind: 'remote', minutes: 45, workDate: '2026-03-11' })).toEqual(rejected('VALIDATION'));
    const entry = { id: randomUUID(), ticketId: args.id, kind: 'remote' as const, minutes: 45, workDate: '2026-03-10' };
    expect(await run('technician', 'time.log', entry)).toEqual(applied);
    const rows = await h.db.query('SELECT technician_id::text AS t, customer_id::text AS c, minutes, billable FROM time_entries WHERE id = $1', [entry.id]);
    expect(rows).toEqual([{ t: IDS.technician, c: IDS.customer, minutes: 45, billable: true }]);
    expect(await run('technician', 'time.log', entry)).toEqual(rejected('CONFLICT'));
  });

  it('a rejected mutation leaves no partial writes behind', async () => {
    const args = ticketArgs();
    await run('technician', 'ticket.create', args);
    await run('technician', 'ticket.setStatus', { id: args.id, status: 'in_progress' });
    const before = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM change_log');
    expect(await run('technician', 'ticket.setStatus', { id: args.id, status: 'closed' })).toEqual(rejected('INVALID_TRANSITION'));
    const after = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM change_log');
    expect(after).toEqual(before);
  });
});
