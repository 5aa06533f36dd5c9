/**
 * Route × role: who may call what (DESIGN.md §1), table-driven. Each row
 * builds a fresh, valid request, so a refusal can only be the role's doing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/protocol/entities.ts';
import { IDS, PLAN } from './support/fixtures.ts';
import { describeServer, type ServerHarness } from './support/harness.ts';
import { lima, mutator, ticketArgs } from './support/mutations.ts';

type Who = Role;
const ROLES: readonly Who[] = ['technician', 'dispatcher', 'supervisor', 'admin'];

interface RouteCase {
  readonly name: string;
  readonly allowed: readonly Who[];
  /** Success status for allowed roles. */
  readonly ok: number;
  request(h: ServerHarness, who: Who | null): Promise<{ status: number; body: unknown }>;
}

const everyone = ROLES;
const supervisors: readonly Who[] = ['supervisor', 'admin'];
const admins: readonly Who[] = ['admin'];
let dayCounter = 0;
const nextWeekday = () => {
  // Distinct future Mondays–Fridays so calendar writes never collide.
  const base = Date.UTC(2027, 0, 4) + dayCounter * 7 * 86_400_000;
  dayCounter += 1;
  return new Date(base).toISOString().slice(0, 10);
};

const ROUTES: readonly RouteCase[] = [
  { name: 'GET /auth/me', allowed: everyone, ok: 200, request: (h, who) => h.request('GET', '/api/v1/auth/me', { as: who }) },
  { name: 'GET /sync/pull', allowed: everyone, ok: 200, request: (h, who) => h.request('GET', '/api/v1/sync/pull', { as: who, query: { clientId: 'perm-client-01', limit: '5' } }) },
  { name: 'GET /calendar', allowed: everyone, ok: 200, request: (h, who) => h.request('GET', '/api/v1/calendar', { as: who, query: { from: '2026-03-01', to: '2026-03-31' } }) },
  { name: 'POST /sync/push', allowed: everyone, ok: 200, request: (h, who) => h.request('POST', '/api/v1/sync/push', { as: who, body: { clientId: `perm-${randomUUID().slice(0, 8)}`, schemaVersion: 1, mutations: [] } }) },
  { name: 'POST /plans', allowed: supervisors, ok: 201, request: (h, who) => h.request('POST', '/api/v1/plans', { as: who, body: { ...PLAN, id: randomUUID(), code: `P-${randomUUID().slice(0, 8)}` } }) },
  { name: 'PUT /plans/:id', allowed: supervisors, ok: 200, request: (h, who) => h.request('PUT', `/api/v1/plans/${PLAN.id}`, { as: who, body: PLAN }) },
  {
    name: 'POST /customers',
    allowed: supervisors,
    ok: 201,
    request: (h, who) => h.request('POST', '/api/v1/customers', { as: who, body: { id: randomUUID(), code: `C-${randomUUID().slice(0, 8)}`, name: 'Cliente', ruc: null, emails: [], phone: null, districtUbigeo: '150101', address: '', active: true } }),
  },
  {
    name: 'POST /plan-assignments',
    allowed: supervisors,
    ok: 201,
    request: async (h, who) => {
      const customerId = randomUUID();
      await h.db.query("INSERT INTO customers (id, code, name, district_ubigeo) VALUES ($1, $2, 'Otro', '150101')", [customerId, `C-${customerId.slice(0, 8)}`]);
      return h.request('POST', '/api/v1/plan-assignments', { as: who, body: { id: randomUUID(), customerId, planId: PLAN.id, effectiveMonth: '2026-05' } });
    },
  },
  {
    name: 'POST /purchases',
    allowed: supervisors,
    ok: 201,
    request: (h, who) => h.request('POST', '/api/v1/purchases', { as: who, body: { id: randomUUID(), customerId: IDS.customer, month: '2026-03', remoteMinutes: 60, onsiteMinutes: 0, tickets: 0, priceCents: 100 } }),
  },
  {
    name: 'POST /users',
    allowed: admins,
    ok: 201,
    request: (h, who) => h.request('POST', '/api/v1/users', { as: who, body: { id: randomUUID(), name: 'Persona', email: `p-${randomUUID().slice(0, 8)}@prueba.pe`, role: 'technician', homeDistrictUbigeo: null, active: true, password: 'clave-larga-1' } }),
  },
  { name: 'PUT /users/:id', allowed: admins, ok: 200, request: (h, who) => h.request('PUT', `/api/v1/users/${IDS.technician2}`, { as: who, body: { name: 'Tania T.' } }) },
  { name: 'PUT /calendar/days/:date', allowed: admins, ok: 200, request: (h, who) => h.request('PUT', `/api/v1/calendar/days/${nextWeekday()}`, { as: who, body: { kind: 'closure', name: 'Cierre' } }) },
  { name: 'DELETE /calendar/days/:date', allowed: admins, ok: 200, request: (h, who) => h.request('DELETE', `/api/v1/calendar/days/${nextWeekday()}`, { as: who }) },
  { name: 'POST /auth/logout', allowed: everyone, ok: 200, request: (h, who) => h.request('POST', '/api/v1/auth/logout', { as: who }) },
];

describeServer('permissions', (h) => {
  beforeAll(() => h.reset());

  describe('routes', () => {
    for (const route of ROUTES) {
      it(`${route.name}: no token → 401`, async () => {
        const res = await route.request(h, null);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      });
      for (const role of ROLES) {
        const allowed = route.allowed.includes(role);
        it(`${route.name} as ${role} → ${allowed ? route.ok : 403}`, async () => {
          const res = await route.request(h, role);
          if (allowed) expect(res.status, JSON.stringify(res.body)).toBe(route.ok);
          else expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
          if (!allowed) expect(res.status).toBe(403);
          // Logging out ends the cached session; get a fresh one for the next case.
          if (route.name === 'POST /auth/logout') await h.reset();
        });
      }
    }
  });

  describe('mutations', () => {
    let run: ReturnType<typeof mutator>;
    let ticketId: string;
    let slot = 0;
    beforeAll(async () => {
      await h.reset();
      run = mutator(h);
      const args = ticketArgs();
      ticketId = args.id;
      await run('dispatcher', 'ticket.create', args);
    });
    /** A fresh free hour on a business day for each booking. */
    const nextSlot = () => {
      const day = 16 + Math.floor(slot / 6);
      const hour = 9 + (slot % 6) * 2;
      slot += 1;
      const date = `2026-03-${String(day).padStart(2, '0')}`;
      return { startsAt: lima(date, `${String(hour).padStart(2, '0')}:00`), endsAt: lima(date, `${String(hour).padStart(2, '0')}:45`) };
    };
    const bookCase = (kind: 'remote' | 'onsite', forSelf: boolean) => (who: Who) => ({
      id: randomUUID(),
      ticketId,
      technicianId: forSelf ? (who === 'technician' ? IDS.technician : IDS[who]) : IDS.technician2,
      kind,
      ...nextSlot(),
    });

    const MUTATIONS: ReadonlyArray<{ name: string; allowed: readonly Who[]; mutation: 'ticket.assign' | 'visit.book' | 'ticket.addNote' | 'time.log'; args: (who: Who) => Record<string, unknown> }> = [
      { name: 'ticket.assign', allowed: ['dispatcher', 'supervisor', 'admin'], mutation: 'ticket.assign', args: () => ({ id: ticketId, assigneeId: IDS.technician2 }) },
      { name: 'ticket.addNote', allowed: everyone, mutation: 'ticket.addNote', args: () => ({ id: randomUUID(), ticketId, kind: 'note', body: 'nota' }) },
      { name: 'time.log', allowed: everyone, mutation: 'time.log', args: () => ({ id: randomUUID(), ticketId, kind: 'remote', minutes: 5, workDate: '2026-03-10' }) },
      { name: 'visit.book remote for oneself', allowed: everyone, mutation: 'visit.book', args: bookCase('remote', true) },
      { name: 'visit.book remote for another', allowed: ['dispatcher', 'supervisor', 'admin'], mutation: 'visit.book', args: bookCase('remote', false) },
      { name: 'visit.book on-site', allowed: ['dispatcher', 'supervisor', 'admin'], mutation: 'visit.book', args: bookCase('onsite', false) },
    ];

    for (const m of MUTATIONS) {
      for (const role of ROLES) {
        const allowed = m.allowed.includes(role);
        it(`${m.name} as ${role} → ${allowed ? 'applied' : 'FORBIDDEN'}`, async () => {
          const result = await run(role, m.mutation, m.args(role));
          if (allowed) expect(result).toEqual({ status: 'applied' });
          else expect(result).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
        });
      }
    }
  });
});
