import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { CalendarResponseSchema } from '../../src-shared/protocol/sync.ts';
import { IDS, PLAN } from './support/fixtures.ts';
import { describeServer } from './support/harness.ts';

describeServer('calendar and admin routes', (h) => {
  beforeEach(() => h.reset());

  const calendar = async (from: string, to: string) => h.request('GET', '/api/v1/calendar', { as: 'technician', query: { from, to } });

  it('GET /calendar: national holidays, weekends and plain days, in Lima', async () => {
    const res = await calendar('2026-07-27', '2026-08-02');
    expect(res.status).toBe(200);
    const body = CalendarResponseSchema.parse(res.body);
    expect(body.timezone).toBe('America/Lima');
    expect(body.days.map((d) => [d.date, d.open, d.reason ?? null])).toEqual([
      ['2026-07-27', true, null],
      ['2026-07-28', false, 'holiday'],
      ['2026-07-29', false, 'holiday'],
      ['2026-07-30', true, null],
      ['2026-07-31', true, null],
      ['2026-08-01', false, 'weekend'],
      ['2026-08-02', false, 'weekend'],
    ]);
    expect(body.days[0]).toMatchObject({ opensAt: '08:00', closesAt: '21:00' });
    expect(body.days[1]?.name).toEqual(expect.any(String));
  });

  it('GET /calendar refuses more than 400 days, reversed or impossible ranges (422)', async () => {
    expect((await calendar('2026-01-01', '2027-02-04')).status).toBe(200);
    for (const [from, to] of [['2026-01-01', '2027-02-05'], ['2026-03-10', '2026-03-09'], ['2026-02-30', '2026-03-01'], ['0000-01-01', '0000-01-02'], ['x', 'y']] as const) {
      const res = await calendar(from, to);
      expect(res.status, `${from}..${to}`).toBe(422);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    expect((await h.request('GET', '/api/v1/calendar', { as: 'technician' })).status).toBe(422);
  });

  it('admins close and open days; the calendar and pulls follow; reset restores the default rule', async () => {
    expect((await h.request('PUT', '/api/v1/calendar/days/2026-03-20', { as: 'admin', body: { kind: 'closure', name: 'Inventario anual' } })).status).toBe(200);
    expect((await h.request('PUT', '/api/v1/calendar/days/2026-03-21', { as: 'admin', body: { kind: 'opening', name: 'Campaña de cierre', opensAt: '09:00', closesAt: '13:00' } })).status).toBe(200);
    // An opening on a national holiday (Jueves Santo).
    expect((await h.request('PUT', '/api/v1/calendar/days/2026-04-02', { as: 'admin', body: { kind: 'opening', name: 'Guardia' } })).status).toBe(200);
    const days = CalendarResponseSchema.parse((await calendar('2026-03-20', '2026-03-21')).body).days;
    expect(days).toEqual([
      { date: '2026-03-20', open: false, reason: 'closure', name: 'Inventario anual' },
      { date: '2026-03-21', open: true, opensAt: '09:00', closesAt: '13:00', name: 'Campaña de cierre' },
    ]);
    expect(CalendarResponseSchema.parse((await calendar('2026-04-02', '2026-04-02')).body).days[0]?.open).toBe(true);

    const before = await h.catchUp('admin');
    expect((await h.request('DELETE', '/api/v1/calendar/days/2026-03-20', { as: 'admin' })).status).toBe(200);
    expect((await h.request('DELETE', '/api/v1/calendar/days/2026-04-02', { as: 'admin' })).status).toBe(200);
    const after = await h.pull('admin', before.body.cursor);
    expect(after.body.changes.map((c) => [c.id, c.op, (c.data as { kind?: string } | null)?.kind ?? null]).sort()).toEqual([
      ['2026-03-20', 'delete', null],
      ['2026-04-02', 'upsert', 'holiday'],
    ]);
    expect(CalendarResponseSchema.parse((await calendar('2026-04-02', '2026-04-02')).body).days[0]).toMatchObject({ open: false, reason: 'holiday' });
  });

  it('calendar days must make sense', async () => {
    const bad = [
      { kind: 'closure', name: 'Con horario', opensAt: '09:00', closesAt: '12:00' },
      { kind: 'opening', name: 'Al revés', opensAt: '13:00', closesAt: '09:00' },
      { kind: 'holiday', name: 'Con horario', opensAt: '09:00' },
      { kind: 'opening', name: '', opensAt: '09:00' },
      { kind: 'vacation', name: 'x' },
      { kind: 'opening', name: 'Hora mala', opensAt: '25:00' },
    ];
    for (const body of bad) {
      const res = await h.request('PUT', '/api/v1/calendar/days/2026-03-20', { as: 'admin', body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await h.request('PUT', '/api/v1/calendar/days/2026-02-30', { as: 'admin', body: { kind: 'closure', name: 'x' } })).status).toBe(422);
  });

  it('users: admins create them (hashed password, can log in), emails are unique, admins cannot demote themselves', async () => {
    const user = { id: randomUUID(), name: 'Nuevo Técnico', email: 'nuevo@prueba.pe', role: 'technician', homeDistrictUbigeo: '150131', active: true, password: 'una-clave-larga' };
    const created = await h.request('POST', '/api/v1/users', { as: 'admin', body: user });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('password');
    const stored = await h.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$/);
    expect((await h.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
    const dup = await h.request('POST', '/api/v1/users', { as: 'admin', body: { ...user, id: randomUUID(), email: 'NUEVO@prueba.pe' } });
    expect(dup.status).toBe(422);
    expect(dup.body).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await h.request('POST', '/api/v1/users', { as: 'admin', body: { ...user, id: randomUUID(), email: 'corto@prueba.pe', password: 'corta' } })).status).toBe(422);
    const promoted = await h.request('PUT', `/api/v1/users/${user.id}`, { as: 'admin', body: { role: 'dispatcher' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'dispatcher', name: 'Nuevo Técnico' });
    expect((await h.request('PUT', `/api/v1/users/${IDS.admin}`, { as: 'admin', body: { role: 'technician' } })).status).toBe(422);
    expect((await h.request('PUT', `/api/v1/users/${randomUUID()}`, { as: 'admin', body: { name: 'x' } })).status).toBe(404);
  });

  it('plans and customers: supervisors create and replace them', async () => {
    const plan = { ...PLAN, id: randomUUID(), code: 'BAS-5', name: 'Básico 5 h', tier: 'basic' };
    expect((await h.request('POST', '/api/v1/plans', { as: 'supervisor', body: plan })).status).toBe(201);
    expect((await h.request('POST', '/api/v1/plans', { as: 'supervisor', body: { ...plan, id: randomUUID() } })).status).toBe(422);
    const put = await h.request('PUT', `/api/v1/plans/${plan.id}`, { as: 'supervisor', body: { ...plan, priceCents: 99_000 } });
    expect(put.status).toBe(200);
    expect((await h.request('PUT', `/api/v1/plans/${plan.id}`, { as: 'supervisor', body: { ...plan, id: randomUUID() } })).status).toBe(422);
    const customer = { id: randomUUID(), code: 'CLI-0002', name: 'Bodega El Sol', ruc: null, emails: ['ti@elsol.pe'], phone: null, districtUbigeo: '150132', address: 'Jr. Unión 12', active: true };
    const created = await h.request('POST', '/api/v1/customers', { as: 'supervisor', body: customer });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...customer, createdAt: h.clock.now().toISOString() });
    expect((await h.request('PUT', `/api/v1/customers/${customer.id}`, { as: 'supervisor', body: { ...customer, active: false } })).body).toMatchObject({ active: false });
  });
});
