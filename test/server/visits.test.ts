import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import type { Visit } from '../../src-shared/protocol/entities.ts';
import { loadEntity } from '../../src-server/entities/index.ts';
import { IDS } from './support/fixtures.ts';
import { describeServer } from './support/harness.ts';
import { applied, lima, mutation, mutator, rejected, ticketArgs } from './support/mutations.ts';

// Wednesday 11 March 2026, the day after the harness clock.
const DAY = '2026-03-11';

describeServer('visit mutations', (h) => {
  let run: ReturnType<typeof mutator>;
  let ticketId: string;
  beforeEach(async () => {
    await h.reset();
    run = mutator(h);
    const args = ticketArgs();
    ticketId = args.id;
    expect(await run('dispatcher', 'ticket.create', args)).toEqual(applied);
  });

  const onsite = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    ticketId,
    technicianId: IDS.technician,
    kind: 'onsite' as const,
    startsAt: lima(DAY, from),
    endsAt: lima(DAY, to),
    ...extra,
  });
  const remote = (from: string, to: string, extra: Record<string, unknown> = {}) => ({ ...onsite(from, to), kind: 'remote' as const, ...extra });

  async function visit(id: string): Promise<Visit> {
    const row = await loadEntity(h.db, 'visit', id);
    if (row === null) throw new Error(`visit ${id} missing`);
    return row;
  }
  const ticketStatus = async () => (await loadEntity(h.db, 'ticket', ticketId))?.status;

  it('a dispatcher books an on-site visit at the customer; the ticket moves to "visita agendada"', async () => {
    const args = onsite('10:00', '11:30');
    expect(await run('dispatcher', 'visit.book', args)).toEqual(applied);
    expect(await visit(args.id)).toMatchObject({ status: 'scheduled', districtUbigeo: '150122', address: 'Av. Larco 1234, Miraflores', startsAt: '2026-03-11T15:00:00.000Z', endsAt: '2026-03-11T16:30:00.000Z' });
    expect(await ticketStatus()).toBe('onsite_scheduled');
  });

  it('refuses holidays, out-of-hours, out-of-area and a closed ticket with the codes of DESIGN.md §3', async () => {
    // Jueves Santo 2026.
    expect(await run('dispatcher', 'visit.book', { ...onsite('10:00', '11:00'), startsAt: lima('2026-04-02', '10:00'), endsAt: lima('2026-04-02', '11:00') })).toEqual(rejected('HOLIDAY'));
    expect(await run('dispatcher', 'visit.book', onsite('20:30', '21:30'))).toEqual(rejected('OUTSIDE_BUSINESS_HOURS'));
    expect(await run('dispatcher', 'visit.book', onsite('07:00', '08:30'))).toEqual(rejected('OUTSIDE_BUSINESS_HOURS'));
    expect(await run('dispatcher', 'visit.book', onsite('10:00', '11:00', { districtUbigeo: '040101' }))).toEqual(rejected('OUTSIDE_SERVICE_AREA'));
    expect(await run('dispatcher', 'visit.book', onsite('11:00', '10:00'))).toEqual(rejected('VALIDATION'));
    expect(await run('dispatcher', 'visit.book', { ...onsite('10:00', '11:00'), ticketId: randomUUID() })).toEqual(rejected('NOT_FOUND'));
    expect(await run('dispatcher', 'visit.book', { ...onsite('10:00', '11:00'), technicianId: randomUUID() })).toEqual(rejected('NOT_FOUND'));
    await run('dispatcher', 'ticket.setStatus', { id: ticketId, status: 'cancelled' });
    expect(await run('dispatcher', 'visit.book', onsite('10:00', '11:00'))).toEqual(rejected('VALIDATION'));
    expect(await h.db.query('SELECT id FROM visits')).toEqual([]);
  });

  it('a company closure from calendar_days is a refused day', async () => {
    const closure = await h.request('PUT', `/api/v1/calendar/days/${DAY}`, { as: 'admin', body: { kind: 'closure', name: 'Inventario anual' } });
    expect(closure.status).toBe(200);
    const result = await run('dispatcher', 'visit.book', onsite('10:00', '11:00'));
    expect(result.status).toBe('rejected');
    expect(['HOLIDAY', 'OUTSIDE_BUSINESS_HOURS']).toContain(result.code);
  });

  it('refuses overlaps and legs too short to drive across Lima', async () => {
    expect(await run('dispatcher', 'visit.book', onsite('10:00', '11:00'))).toEqual(applied);
    expect(await run('dispatcher', 'visit.book', onsite('10:30', '11:30'))).toEqual(rejected('TECHNICIAN_BUSY'));
    expect(await run('dispatcher', 'visit.book', remote('10:45', '11:15'))).toEqual(rejected('TECHNICIAN_BUSY'));
    // Miraflores → Carabayllo is far more than 30 minutes.
    expect(await run('dispatcher', 'visit.book', onsite('11:30', '12:30', { districtUbigeo: '150106' }))).toEqual(rejected('INSUFFICIENT_TRAVEL_TIME'));
    expect(await run('dispatcher', 'visit.book', onsite('15:00', '16:00', { districtUbigeo: '150106' }))).toEqual(applied);
    // Back to back is fine: intervals are half-open, and a remote session needs no travel.
    expect(await run('dispatcher', 'visit.book', remote('11:00', '11:30'))).toEqual(applied);
    // Another technician is free at the same time.
    expect(await run('dispatcher', 'visit.book', onsite('10:00', '11:00', { technicianId: IDS.technician2 }))).toEqual(applied);
  });

  it('technicians book only their own remote sessions', async () => {
    expect(await run('technician', 'visit.book', remote('09:00', '09:30'))).toEqual(applied);
    expect(await run('technician', 'visit.book', onsite('10:00', '11:00'))).toEqual(rejected('FORBIDDEN'));
    expect(await run('technician', 'visit.book', remote('12:00', '12:30', { technicianId: IDS.technician2 }))).toEqual(rejected('FORBIDDEN'));
  });

  it('reschedule re-checks the rules; a technician cannot move an on-site visit; cancelling sends the ticket back to "por agendar"', async () => {
    const args = onsite('10:00', '11:00');
    await run('dispatcher', 'visit.book', args);
    await run('dispatcher', 'visit.book', remote('14:00', '15:00', { technicianId: IDS.technician2 }));
    expect(await run('dispatcher', 'visit.reschedule', { id: args.id, startsAt: lima(DAY, '20:00'), endsAt: lima(DAY, '22:00') })).toEqual(rejected('OUTSIDE_BUSINESS_HOURS'));
    expect(await run('dispatcher', 'visit.reschedule', { id: args.id, startsAt: lima(DAY, '14:30'), endsAt: lima(DAY, '15:30'), technicianId: IDS.technician2 })).toEqual(rejected('TECHNICIAN_BUSY'));
    expect(await run('technician', 'visit.reschedule', { id: args.id, startsAt: lima(DAY, '12:00'), endsAt: lima(DAY, '13:00') })).toEqual(rejected('FORBIDDEN'));
    expect(await run('dispatcher', 'visit.reschedule', { id: args.id, startsAt: lima(DAY, '12:00'), endsAt: lima(DAY, '13:00') })).toEqual(applied);
    expect(await visit(args.id)).toMatchObject({ startsAt: '2026-03-11T17:00:00.000Z', technicianId: IDS.technician });
    expect(await run('technician', 'visit.cancel', { id: args.id })).toEqual(rejected('FORBIDDEN'));
    expect(await run('dispatcher', 'visit.cancel', { id: args.id, reason: 'El cliente pidió otra fecha' })).toEqual(applied);
    expect((await visit(args.id)).status).toBe('cancelled');
    expect(await ticketStatus()).toBe('onsite_pending');
    expect(await run('dispatcher', 'visit.cancel', { id: args.id })).toEqual(rejected('INVALID_TRANSITION'));
    // The cancelled slot is free again.
    expect(await run('dispatcher', 'visit.book', onsite('12:00', '13:00'))).toEqual(applied);
  });

  it('check-in and check-out are the visit technician\'s; check-out logs the time on site', async () => {
    const args = onsite('10:00', '11:30');
    await run('dispatcher', 'visit.book', args);
    h.clock.set(lima(DAY, '10:05'));
    expect(await run('technician2', 'visit.checkIn', { id: args.id })).toEqual(rejected('FORBIDDEN'));
    expect(await run('dispatcher', 'visit.checkIn', { id: args.id })).toEqual(rejected('FORBIDDEN'));
    expect(await run('technician', 'visit.checkOut', { id: args.id })).toEqual(rejected('INVALID_TRANSITION'));
    expect(await run('technician', 'visit.checkIn', { id: args.id, at: lima(DAY, '11:00') })).toEqual(rejected('VALIDATION'));
    expect(await run('technician', 'visit.checkIn', { id: args.id })).toEqual(applied);
    expect(await ticketStatus()).toBe('in_progress');
    h.clock.set(lima(DAY, '11:20'));
    expect(await run('technician', 'visit.checkOut', { id: args.id })).toEqual(applied);
    expect(await visit(args.id)).toMatchObject({ status: 'done', checkInAt: '2026-03-11T15:05:00.000Z', checkOutAt: '2026-03-11T16:20:00.000Z' });
    const entries = await h.db.query('SELECT kind, minutes, work_date, technician_id::text AS t FROM time_entries WHERE ticket_id = $1', [ticketId]);
    expect(entries).toEqual([{ kind: 'onsite', minutes: 75, work_date: DAY, t: IDS.technician }]);
    const balance = await h.db.query('SELECT onsite_minutes_used FROM balances WHERE customer_id = $1 AND month = $2', [IDS.customer, '2026-03']);
    expect(balance).toEqual([{ onsite_minutes_used: 75 }]);
  });

  if (h.kind === 'postgres') {
    it('two concurrent bookings of one technician\'s slot: exactly one wins', async () => {
      for (let round = 0; round < 5; round += 1) {
        const slot = `${String(9 + round * 2).padStart(2, '0')}:00`;
        const end = `${String(10 + round * 2).padStart(2, '0')}:00`;
        const a = mutation(round + 1, 'visit.book', remote(slot, end));
        const b = mutation(round + 1, 'visit.book', remote(slot, end));
        const [ra, rb] = await Promise.all([h.push('dispatcher', [a], 'race-client-a1'), h.push('supervisor', [b], 'race-client-b1')]);
        const statuses = [ra.body.results[0], rb.body.results[0]].map((r) => `${r?.status}:${r?.code ?? ''}`).sort();
        expect(statuses).toEqual(['applied:', 'rejected:TECHNICIAN_BUSY']);
      }
      const count = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM visits');
      expect(count[0]?.n).toBe(5);
    });
  }
});
