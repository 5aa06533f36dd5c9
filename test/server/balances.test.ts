import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import type { Balance } from '../../src-shared/protocol/entities.ts';
import { loadEntity } from '../../src-server/entities/index.ts';
import { IDS, PLAN, PLAN2 } from './support/fixtures.ts';
import { describeServer } from './support/harness.ts';
import { applied, mutation, mutator, ticketArgs } from './support/mutations.ts';

describeServer('monthly balances', (h) => {
  let run: ReturnType<typeof mutator>;
  let ticketId: string;
  beforeEach(async () => {
    await h.reset();
    run = mutator(h);
    const args = ticketArgs();
    ticketId = args.id;
    expect(await run('technician', 'ticket.create', args)).toEqual(applied);
  });

  const balance = (month: string): Promise<Balance | null> => loadEntity(h.db, 'balance', `${IDS.customer}:${month}`);
  const logTime = (minutes: number, workDate: string, extra: Record<string, unknown> = {}) =>
    run('technician', 'time.log', { id: randomUUID(), ticketId, kind: 'remote', minutes, workDate, ...extra });

  it('the month\'s balance carries the plan in force, what was used and the tickets opened', async () => {
    expect(await balance('2026-03')).toEqual({
      id: `${IDS.customer}:2026-03`,
      customerId: IDS.customer,
      month: '2026-03',
      planId: PLAN.id,
      tier: 'business',
      remoteMinutesIncluded: 600,
      onsiteMinutesIncluded: 240,
      ticketQuota: 0,
      remoteMinutesPurchased: 0,
      onsiteMinutesPurchased: 0,
      ticketsPurchased: 0,
      remoteMinutesUsed: 0,
      onsiteMinutesUsed: 0,
      ticketsOpened: 1,
    });
  });

  it('time counts in the Lima month of its work date; non-billable time does not count', async () => {
    expect(await logTime(45, '2026-03-10')).toEqual(applied);
    expect(await logTime(30, '2026-03-01', { kind: 'onsite' })).toEqual(applied);
    expect(await logTime(20, '2026-03-02', { billable: false })).toEqual(applied);
    expect(await logTime(15, '2026-02-28')).toEqual(applied);
    expect(await balance('2026-03')).toMatchObject({ remoteMinutesUsed: 45, onsiteMinutesUsed: 30 });
    // Each month stands alone: February has its own row, same plan, nothing carried over.
    expect(await balance('2026-02')).toMatchObject({ planId: PLAN.id, remoteMinutesUsed: 15, onsiteMinutesUsed: 0, remoteMinutesIncluded: 600 });
  });

  it('tickets count in the Lima month they were opened; cancelled ones do not count', async () => {
    // 22:30 Lima on 31 March is already April in UTC.
    h.clock.set('2026-04-01T03:30:00.000Z');
    await run('technician', 'ticket.create', ticketArgs());
    expect((await balance('2026-03'))?.ticketsOpened).toBe(2);
    expect(await balance('2026-04')).toBeNull();
    await run('technician', 'ticket.setStatus', { id: ticketId, status: 'cancelled' });
    expect((await balance('2026-03'))?.ticketsOpened).toBe(1);
  });

  it('plan changes are never retroactive, and the new plan rules from its month on', async () => {
    const past = await h.request('POST', '/api/v1/plan-assignments', { as: 'supervisor', body: { id: randomUUID(), customerId: IDS.customer, planId: PLAN2.id, effectiveMonth: '2026-02' } });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ error: { code: 'RETROACTIVE' } });
    await logTime(10, '2026-02-27');
    const april = await h.request('POST', '/api/v1/plan-assignments', { as: 'supervisor', body: { id: randomUUID(), customerId: IDS.customer, planId: PLAN2.id, effectiveMonth: '2026-04' } });
    expect(april.status).toBe(201);
    expect(await balance('2026-04')).toMatchObject({ planId: PLAN2.id, tier: 'premium', remoteMinutesIncluded: 1200 });
    expect(await balance('2026-03')).toMatchObject({ planId: PLAN.id });
    expect(await balance('2026-02')).toMatchObject({ planId: PLAN.id });
    const current = await h.request('POST', '/api/v1/plan-assignments', { as: 'supervisor', body: { id: randomUUID(), customerId: IDS.customer, planId: PLAN2.id, effectiveMonth: '2026-03' } });
    expect(current.status).toBe(201);
    expect(await balance('2026-03')).toMatchObject({ planId: PLAN2.id, ticketsOpened: 1 });
    const twice = await h.request('POST', '/api/v1/plan-assignments', { as: 'supervisor', body: { id: randomUUID(), customerId: IDS.customer, planId: PLAN.id, effectiveMonth: '2026-03' } });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ error: { code: 'CONFLICT' } });
    // Changing a future assignment's plan is allowed; a past one's is not.
    const change = await h.request('PUT', `/api/v1/plan-assignments/${(april.body as { id: string }).id}`, { as: 'supervisor', body: { planId: PLAN.id } });
    expect(change.status).toBe(200);
    expect((await balance('2026-04'))?.planId).toBe(PLAN.id);
    const old = await h.request('PUT', `/api/v1/plan-assignments/${IDS.assignment}`, { as: 'supervisor', body: { planId: PLAN2.id } });
    expect(old.status).toBe(422);
  });

  it('extra support is purchased for the current month and adds to it only', async () => {
    const body = { id: randomUUID(), customerId: IDS.customer, month: '2026-03', remoteMinutes: 120, onsiteMinutes: 60, tickets: 0, priceCents: 30_000 };
    expect((await h.request('POST', '/api/v1/purchases', { as: 'dispatcher', body })).status).toBe(403);
    expect((await h.request('POST', '/api/v1/purchases', { as: 'supervisor', body: { ...body, month: '2026-04' } })).status).toBe(422);
    expect((await h.request('POST', '/api/v1/purchases', { as: 'supervisor', body: { ...body, remoteMinutes: 0, onsiteMinutes: 0 } })).status).toBe(422);
    expect((await h.request('POST', '/api/v1/purchases', { as: 'supervisor', body })).status).toBe(201);
    expect(await balance('2026-03')).toMatchObject({ remoteMinutesPurchased: 120, onsiteMinutesPurchased: 60, remoteMinutesIncluded: 600 });
  });

  it('balance changes reach clients through pull, keyed customer:month', async () => {
    const first = await h.catchUp('technician');
    await logTime(25, '2026-03-09');
    const next = await h.pull('technician', first.body.cursor);
    const change = next.body.changes.find((c) => c.entity === 'balance');
    expect(change).toMatchObject({ op: 'upsert', id: `${IDS.customer}:2026-03`, data: { remoteMinutesUsed: 25 } });
  });

  if (h.kind === 'postgres') {
    it('concurrent time entries for one customer all count', async () => {
      const pushes = Array.from({ length: 16 }, (_, i) =>
        h.push('technician', [mutation(1, 'time.log', { id: randomUUID(), ticketId, kind: 'remote', minutes: 10, workDate: '2026-03-10' })], `parallel-client-${String(i).padStart(2, '0')}`),
      );
      const answers = await Promise.all(pushes);
      expect(answers.map((a) => a.body.results[0]?.status)).toEqual(Array(16).fill('applied'));
      expect((await balance('2026-03'))?.remoteMinutesUsed).toBe(160);
    });
  }
});
