/**
 * The technician's-work handlers over a real SQLite cache filled with a
 * small company (no server: the desk is signed in as the technician in the
 * cache, with no token, so nothing is sent anywhere).
 */
import { randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskCore, type DeskCore } from '../../../src-main/core/desk-core.ts';
import { VIEWS_FILE } from '../../../src-main/core/handlers/views.ts';
import type { DeskEventName } from '../../../src-shared/ipc/names.ts';
import type { QueuePage, TicketDetail } from '../../../src-shared/ipc/work-calls.ts';
import { balance, calendarDay, customer, memoryLogger, mustOk, mustOpen, page, plan, planAssignment, ticket, ticketEvent, timeEntry, upsert, user, visit } from '../cache/helpers.ts';
import { recordingLogger, tempDataDir } from './core-test-helpers.ts';

/** Monday 10 March 2025, 10:00 in Lima. */
const NOW = new Date('2025-03-10T15:00:00.000Z');
/** Monday 3 March 2025, 10:00 in Lima: five business days (5 × 780 min) before NOW. */
const WEEK_AGO = '2025-03-03T15:00:00.000Z';

function company() {
  const business = plan({ tier: 'business' });
  const rimac = customer({ name: 'Inversiones Rímac S.A.C.', code: 'CLI-0042', ruc: '20999888777', emails: ['mesa@rimac-inv.pe'] });
  const ferre = customer({ name: 'Ferretería San Martín SAC', code: 'CLI-0001' });
  const tech = user({ name: 'Rosa Quispe' });
  const dispatcher = user({ name: 'Carlos Huamán', role: 'dispatcher' });
  const portalNew = ticket(rimac.id, { number: 1001, createdAt: WEEK_AGO, updatedAt: WEEK_AGO });
  const mine = ticket(rimac.id, { number: 1002, subject: 'Correo caído', urgency: 'high', status: 'in_progress', assigneeId: tech.id, createdAt: WEEK_AGO, updatedAt: WEEK_AGO });
  const email = ticket(ferre.id, { number: 1003, subject: 'Consulta por correo', channel: 'email', createdAt: WEEK_AGO, updatedAt: WEEK_AGO });
  const waiting = ticket(ferre.id, {
    number: 1004,
    subject: 'Esperando datos del cliente',
    status: 'waiting_customer',
    assigneeId: tech.id,
    createdAt: '2025-03-10T13:30:00.000Z',
    updatedAt: '2025-03-10T14:00:00.000Z',
    waitingSince: '2025-03-10T14:00:00.000Z',
  });
  const note = ticketEvent(mine.id, { kind: 'note', authorId: dispatcher.id, body: 'Revisar el DNS', createdAt: '2025-03-04T15:00:00.000Z' });
  const work = timeEntry(mine.id, rimac.id, tech.id, { workDate: '2025-03-04' });
  const booked = visit(mine.id, tech.id, { startsAt: '2025-03-11T14:00:00.000Z', endsAt: '2025-03-11T16:00:00.000Z' });
  const march = balance(rimac.id, '2025-03', { planId: business.id, tier: 'business' });
  const closure = calendarDay('2025-03-05', { name: 'Inventario anual' });
  const changes = [
    upsert('plan', business),
    upsert('customer', rimac),
    upsert('customer', ferre),
    upsert('planAssignment', planAssignment(rimac.id, business.id)),
    upsert('user', tech),
    upsert('user', dispatcher),
    ...[portalNew, mine, email, waiting].map((t) => upsert('ticket', t)),
    upsert('ticketEvent', note),
    upsert('timeEntry', work),
    upsert('visit', booked),
    upsert('balance', march),
    upsert('calendarDay', closure),
  ];
  return { business, rimac, ferre, tech, dispatcher, portalNew, mine, email, waiting, note, work, booked, changes };
}

let data: Awaited<ReturnType<typeof tempDataDir>>;
let co: ReturnType<typeof company>;
let core: DeskCore;
let events: Array<{ event: DeskEventName; payload: unknown }>;

function openCore(): DeskCore {
  const desk = createDeskCore({ dataDir: data.dir, mode: 'web', appVersion: '9.9.9-test', validateOutputs: true, log: recordingLogger(), now: () => NOW });
  desk.onEvent((event, payload) => events.push({ event, payload }));
  return desk;
}

async function call<T>(name: string, input: unknown): Promise<T> {
  return mustOk(await core.handle(name, input)) as T;
}

beforeEach(async () => {
  data = await tempDataDir();
  events = [];
  co = company();
  const store = mustOpen(data.dir, { now: () => NOW });
  mustOk(store.beginSession('http://127.0.0.1:9', { id: co.tech.id, name: co.tech.name, email: co.tech.email, role: 'technician' }));
  mustOk(store.applyPulledPage(page(co.changes)));
  store.close();
  core = openCore();
});

afterEach(async () => {
  await core.close();
  await data.remove();
});

describe('queue.page and queue.counts', () => {
  it('adds rank and SLA clock to every row, in business time from the synced company calendar', async () => {
    const { rows, total } = await call<QueuePage>('queue.page', { view: 'all', sort: { key: 'number', dir: 'asc' } });
    expect(total).toBe(4);
    const [portalNew, mine, email, waiting] = rows;
    // Five business days minus the synced closure on Wednesday 5 March: 4 × 780 = 3120 minutes.
    expect(portalNew).toMatchObject({ number: 1001, tier: 'business', sla: { state: 'breached', minutesLeft: 240 - 3120, target: 'response' } });
    // Medium urgency (index 2) × 4 + Empresarial (index 1) + 1: P10. The wait explains, in business time; it does not order.
    expect(portalNew?.rank.score).toBe(10);
    expect(portalNew?.rank.explanation.es).toBe('P10: urgencia media, cliente Empresarial · entre los de igual prioridad se atiende por orden de llegada (esperando 52\u00a0h hábiles)');
    expect(mine).toMatchObject({ number: 1002, assigneeName: 'Rosa Quispe', sla: { state: 'breached', minutesLeft: 480 - 3120, target: 'resolution' } });
    expect(email).toMatchObject({ channel: 'email', sla: { state: 'none', dueAt: null, minutesLeft: null } });
    // Taken up, created 08:30 and waiting on the customer since 09:00: 30 of the 2 business days to resolve a medium case.
    expect(waiting).toMatchObject({ sla: { state: 'paused', dueAt: null, minutesLeft: 2 * 780 - 30, target: 'resolution' }, tier: null });
  });

  it('serves the views, paging and counts the cache computes', async () => {
    const mine = await call<QueuePage>('queue.page', { view: 'mine' });
    expect(mine.rows.map((r) => r.number).sort()).toEqual([1002, 1004]);
    const first = await call<QueuePage>('queue.page', { view: 'all', sort: { key: 'number', dir: 'asc' }, limit: 3 });
    expect(first.rows.map((r) => r.number)).toEqual([1001, 1002, 1003]);
    const rest = await call<QueuePage>('queue.page', { view: 'all', sort: { key: 'number', dir: 'asc' }, limit: 3, after: first.nextCursor });
    expect(rest.rows.map((r) => r.number)).toEqual([1004]);
    const bad = await core.handle('queue.page', { view: 'all', after: 'no-es-un-cursor' });
    expect(bad.ok === false && bad.error.code).toBe('INVALID_CURSOR');
    expect(await call('queue.counts', {})).toEqual({ mine: 2, unassigned: 2, onsite_pending: 0, waiting_customer: 1, all: 4 });
  });
});

describe('calendar.month', () => {
  it('uses the synced calendarDay rows and ignores the local stand-in file once they exist', async () => {
    await writeFile(join(data.dir, 'calendar-overrides.json'), JSON.stringify([{ date: '2025-03-07', kind: 'closure', name: 'Solo local' }]));
    const month = await call<{ days: Array<{ date: string; open: boolean; reason?: string; name?: string }> }>('calendar.month', { year: 2025, month: 3 });
    expect(month.days.find((d) => d.date === '2025-03-05')).toMatchObject({ open: false, reason: 'closure', name: 'Inventario anual' });
    expect(month.days.find((d) => d.date === '2025-03-07')).toMatchObject({ open: true });
  });
});

describe('calendar from synced holidays', () => {
  it('takes the national holidays of a year the server published from the server, and the built-in ones for other years', async () => {
    await core.close();
    const store = mustOpen(data.dir, { now: () => NOW });
    // The server's list for 2025 (trimmed to one day for the test) replaces the built-in one for that year only.
    mustOk(store.applyPulledPage(page([upsert('calendarDay', calendarDay('2025-03-14', { kind: 'holiday', name: 'Feriado publicado por el servidor' }))])));
    store.close();
    core = openCore();
    type Month = { days: Array<{ date: string; open: boolean; reason?: string; name?: string }> };
    const march = await call<Month>('calendar.month', { year: 2025, month: 3 });
    expect(march.days.find((d) => d.date === '2025-03-14')).toMatchObject({ open: false, reason: 'holiday', name: 'Feriado publicado por el servidor' });
    const may2025 = await call<Month>('calendar.month', { year: 2025, month: 5 });
    expect(may2025.days.find((d) => d.date === '2025-05-01')).toMatchObject({ open: true });
    const may2026 = await call<Month>('calendar.month', { year: 2026, month: 5 });
    expect(may2026.days.find((d) => d.date === '2026-05-01')).toMatchObject({ open: false, reason: 'holiday' });
  });
});

describe('ticket.get', () => {
  it('returns the workspace with author names, the allowed moves and the clock', async () => {
    const detail = await call<TicketDetail>('ticket.get', { id: co.mine.id });
    expect(detail.ticket).toMatchObject({ id: co.mine.id, status: 'in_progress' });
    expect(detail.authors).toEqual({ [co.dispatcher.id]: 'Carlos Huamán', [co.tech.id]: 'Rosa Quispe' });
    expect(detail.allowedStatuses).toEqual(['waiting_customer', 'onsite_pending', 'resolved', 'cancelled']);
    expect(detail).toMatchObject({ tier: 'business', plan: { id: co.business.id }, pendingSync: false, pendingIds: [], sla: { target: 'resolution', state: 'breached' } });
    expect(detail.events.map((e) => e.body)).toEqual(['Revisar el DNS']);
    expect(detail.visits.map((v) => v.id)).toEqual([co.booked.id]);
    expect(detail.timeEntries.map((t) => t.id)).toEqual([co.work.id]);
    expect(await call('ticket.get', { id: randomUUID() })).toBeNull();
  });
});

describe('edit.apply and edit.bulk', () => {
  it('makes the id of a created thing, answers after commit, and shows the edit as pending', async () => {
    const saved = await call<{ status: string; seq: number; entityId: string }>('edit.apply', { name: 'ticket.addNote', args: { ticketId: co.mine.id, kind: 'note', body: 'Llamé al cliente' } });
    expect(saved).toMatchObject({ status: 'saved', seq: 1, entityId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const detail = await call<TicketDetail>('ticket.get', { id: co.mine.id });
    expect(detail.events.find((e) => e.id === saved.entityId)).toMatchObject({ body: 'Llamé al cliente', kind: 'note', authorId: co.tech.id });
    // The note waits for the server; the ticket row itself was not edited.
    expect(detail).toMatchObject({ pendingIds: [saved.entityId], pendingSync: false });
    expect(await call('sync.status', {})).toMatchObject({ state: 'signedOut', pendingEdits: 1 });
    expect(events.filter((e) => e.event === 'rows.changed').map((e) => e.payload)).toContainEqual({ entities: expect.arrayContaining(['ticketEvent']) });
  });

  it('refuses arguments the protocol refuses, naming the field, and queues nothing', async () => {
    const result = await core.handle('edit.apply', { name: 'ticket.addNote', args: { ticketId: co.mine.id, kind: 'note', body: '   ' } });
    expect(result.ok === false && result.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('body') });
    expect(await call('sync.status', {})).toMatchObject({ pendingEdits: 0 });
  });

  it('applies a bulk action ticket by ticket, refusing unknown tickets and moves the state machine forbids', async () => {
    const unknown = randomUUID();
    const resolved = await call<{ saved: number; refused: Array<{ id: string; code: string }> }>('edit.bulk', { ids: [co.portalNew.id, co.mine.id, unknown], action: { kind: 'setStatus', status: 'resolved' } });
    expect(resolved).toEqual({ saved: 2, refused: [{ id: unknown, code: 'NOT_FOUND', message: expect.any(String) }] });
    const closeNew = await call<{ saved: number; refused: Array<{ id: string; code: string; message: string }> }>('edit.bulk', { ids: [co.email.id], action: { kind: 'setStatus', status: 'closed' } });
    expect(closeNew).toEqual({ saved: 0, refused: [{ id: co.email.id, code: 'INVALID_TRANSITION', message: expect.stringContaining('Nuevo') }] });
    // The signed-in technician may not assign (the server's rule): refused here, nothing queued.
    const assigned = await call<{ saved: number; refused: Array<{ id: string; code: string }> }>('edit.bulk', { ids: [co.email.id], action: { kind: 'assign', assigneeId: co.tech.id } });
    expect(assigned).toEqual({ saved: 0, refused: [{ id: co.email.id, code: 'FORBIDDEN', message: expect.stringContaining('despacho') }] });
    // 1002 is resolved now (out of the open queues).
    expect((await call<QueuePage>('queue.page', { view: 'mine' })).rows.map((r) => r.number).sort()).toEqual([1004]);
    expect(await call('sync.status', {})).toMatchObject({ pendingEdits: 2 });
  });
});

describe('who may assign (src-shared/tickets/permissions.ts)', () => {
  async function signInAs(who: { id: string; name: string; email: string }, role: 'technician' | 'dispatcher'): Promise<void> {
    await core.close();
    const store = mustOpen(data.dir, { now: () => NOW });
    mustOk(store.beginSession('http://127.0.0.1:9', { id: who.id, name: who.name, email: who.email, role }));
    store.close();
    core = openCore();
  }

  it('refuses a technician\'s assignment, even of an unassigned ticket to themselves, before anything is queued', async () => {
    const result = await core.handle('edit.apply', { name: 'ticket.assign', args: { id: co.portalNew.id, assigneeId: co.tech.id } });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('despacho') } });
    const forOther = await core.handle('edit.apply', { name: 'ticket.create', args: { type: 'incidencia', channel: 'phone', urgency: 'low', subject: 'Llamada', description: 'x', customerId: co.rimac.id, assigneeId: co.dispatcher.id } });
    expect(forOther).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('sync.status', {})).toMatchObject({ pendingEdits: 0 });
    // A ticket the technician writes up for themselves is theirs to keep.
    const own = await call<{ entityId: string }>('edit.apply', { name: 'ticket.create', args: { type: 'incidencia', channel: 'phone', urgency: 'low', subject: 'Llamada', description: 'x', customerId: co.rimac.id, assigneeId: co.tech.id } });
    expect((await call<TicketDetail>('ticket.get', { id: own.entityId })).ticket.assigneeId).toBe(co.tech.id);
  });

  it('lets a dispatcher assign a ticket to a technician and take one themselves', async () => {
    await signInAs(co.dispatcher, 'dispatcher');
    const result = await call<{ saved: number; refused: unknown[] }>('edit.bulk', { ids: [co.portalNew.id], action: { kind: 'assign', assigneeId: co.tech.id } });
    expect(result).toEqual({ saved: 1, refused: [] });
    await call('edit.apply', { name: 'ticket.assign', args: { id: co.email.id, assigneeId: co.dispatcher.id } });
    expect((await call<QueuePage>('queue.page', { view: 'mine' })).rows.map((r) => r.number)).toEqual([1003]);
    expect(await call('sync.status', {})).toMatchObject({ pendingEdits: 2 });
  });
});

describe('SLA of finished tickets', () => {
  it('stops at resolution in the queue and the workspace, whenever it is read, and a reopen resumes where it stopped', async () => {
    // 1002 (high: 8 business hours to resolve) came in a week ago; resolve it now, 52 business hours late.
    await call('edit.apply', { name: 'ticket.setStatus', args: { id: co.mine.id, status: 'resolved' } });
    const late = { state: 'breached', minutesLeft: 480 - 3120, target: 'resolution' };
    const row = async () => (await call<QueuePage>('queue.page', { view: 'all', sort: { key: 'number', dir: 'asc' } })).rows.find((r) => r.number === 1002);
    expect((await row())?.sla).toMatchObject(late);
    expect((await call<TicketDetail>('ticket.get', { id: co.mine.id })).sla).toMatchObject(late);

    // A month later the verdict and the overrun are the same: the clock does not run after resolution.
    await core.close();
    const later = createDeskCore({ dataDir: data.dir, mode: 'web', appVersion: '9.9.9-test', validateOutputs: true, log: recordingLogger(), now: () => new Date('2025-04-10T15:00:00.000Z') });
    const laterRow = async () => (mustOk(await later.handle('queue.page', { view: 'all', sort: { key: 'number', dir: 'asc' } })) as QueuePage).rows.find((r) => r.number === 1002);
    try {
      expect((await laterRow())?.sla).toMatchObject(late);
      expect((mustOk(await later.handle('ticket.get', { id: co.mine.id })) as TicketDetail).sla).toMatchObject(late);
      // Reopened that month later (the customer says it is not fixed): the clock goes on from where it
      // stopped; the month the ticket spent resolved is not counted against the team.
      mustOk(await later.handle('edit.apply', { name: 'ticket.setStatus', args: { id: co.mine.id, status: 'in_progress' } }));
      expect((await laterRow())?.sla).toMatchObject({ state: 'breached', minutesLeft: 480 - 3120, target: 'resolution' });
      const reopened = mustOk(await later.handle('ticket.get', { id: co.mine.id })) as TicketDetail;
      expect(reopened.ticket).toMatchObject({ status: 'in_progress', resolvedAt: null });
      expect(reopened.ticket.slaPausedMinutes).toBeGreaterThan(20 * 780);
    } finally {
      await later.close();
    }
    core = openCore();
  });
});

describe('lookups', () => {
  it('finds customers by name without caring for accents or case, by code, RUC or email', async () => {
    const names = async (query: string) => (await call<Array<{ name: string }>>('customers.search', { query })).map((c) => c.name);
    expect(await names('rimac')).toEqual(['Inversiones Rímac S.A.C.']);
    expect(await names('FERRETERÍA')).toEqual(['Ferretería San Martín SAC']);
    expect(await names('cli-0042')).toEqual(['Inversiones Rímac S.A.C.']);
    expect(await names('20999888777')).toEqual(['Inversiones Rímac S.A.C.']);
    expect(await names('mesa@rimac')).toEqual(['Inversiones Rímac S.A.C.']);
    expect(await names('')).toEqual(['Ferretería San Martín SAC', 'Inversiones Rímac S.A.C.']);
    expect(await call('customers.search', { query: 'rimac' })).toEqual([
      { id: co.rimac.id, code: 'CLI-0042', name: 'Inversiones Rímac S.A.C.', districtUbigeo: co.rimac.districtUbigeo, tier: 'business', emails: ['mesa@rimac-inv.pe'] },
    ]);
  });

  it('lists users by role, visits of a day or week, and balances of a month', async () => {
    expect((await call<Array<{ id: string }>>('users.list', { role: 'dispatcher' })).map((u) => u.id)).toEqual([co.dispatcher.id]);
    expect(await call<unknown[]>('users.list', {})).toHaveLength(2);
    expect((await call<Array<{ id: string; ticketNumber: number }>>('visits.range', { date: '2025-03-11', span: 'day' })).map((v) => [v.id, v.ticketNumber])).toEqual([[co.booked.id, 1002]]);
    expect(await call<unknown[]>('visits.range', { date: '2025-03-12', span: 'day' })).toEqual([]);
    expect(await call<unknown[]>('visits.range', { date: '2025-03-14', span: 'week' })).toHaveLength(1);
    expect(await call('balances.month', { month: '2025-03' })).toEqual([expect.objectContaining({ customerId: co.rimac.id, customerName: 'Inversiones Rímac S.A.C.', remoteMinutesUsed: 90 })]);
    expect(await call('balances.month', { month: '2025-02' })).toEqual([]);
  });
});

describe('saved views', () => {
  const critical = { id: 'criticos', name: 'Críticos', query: { view: 'all', filters: { urgency: ['critical'] }, sort: { key: 'priority', dir: 'asc' } } };
  const waiting = { id: 'espera', name: 'En espera', query: { view: 'waiting_customer', filters: {}, sort: { key: 'updatedAt', dir: 'desc' } } };

  it('saves, renames, deletes and keeps them across restarts in views.json', async () => {
    expect(await call('views.list', {})).toEqual([]);
    await call('views.save', critical);
    expect(await call('views.save', waiting)).toEqual([critical, waiting]);
    expect(await call('views.save', { ...critical, name: 'Urgentes' })).toEqual([{ ...critical, name: 'Urgentes' }, waiting]);
    expect(await call('views.delete', { id: 'espera' })).toEqual([{ ...critical, name: 'Urgentes' }]);
    await core.close();
    core = openCore();
    expect(await call('views.list', {})).toEqual([{ ...critical, name: 'Urgentes' }]);
  });

  it('starts empty from a broken views.json and keeps the old file aside', async () => {
    await core.close();
    await writeFile(join(data.dir, VIEWS_FILE), '[{"id": ');
    const log = memoryLogger();
    core = createDeskCore({ dataDir: data.dir, mode: 'web', appVersion: '9.9.9-test', validateOutputs: true, log, now: () => NOW });
    expect(await call('views.list', {})).toEqual([]);
    expect((await readdir(data.dir)).filter((n) => n.startsWith(`${VIEWS_FILE}.corrupt-`))).toHaveLength(1);
    expect(log.lines.join('\n')).toMatch(/no saved views/);
  });
});
