/**
 * The demo company generator: deterministic, every record in its wire
 * shape, and the company the design describes (DESIGN.md §1, §4).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { entitySchemas } from '../../src-shared/protocol/entities.ts';
import { isInServiceArea, listDistricts } from '../../src-shared/geo/districts.ts';
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import { DEMO_ENTITY_OF, demoSize, generateDemoCompany, type DemoCompany } from '../../src-server/demo/generate.ts';
import { rucCheckDigit } from '../../src-server/demo/customers.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src-server/demo/staff.ts';
import { DEMO_SEED, DEMO_TODAY, groupBy, makeDemo, type DemoFixture } from './demo-fixture.ts';

const ENTITY_OF = DEMO_ENTITY_OF;

let demo: DemoFixture;
let company: DemoCompany;
beforeAll(() => {
  demo = makeDemo();
  company = demo.company;
});

describe('determinism', () => {
  it('gives identical records, ids included, for the same seed and day', () => {
    const again = generateDemoCompany({ seed: DEMO_SEED, today: DEMO_TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(company));
  });

  it('gives a different company for a different seed', () => {
    const other = generateDemoCompany({ seed: DEMO_SEED + 1, today: DEMO_TODAY });
    expect(other.customers.map((c) => c.name)).not.toEqual(company.customers.map((c) => c.name));
    const ids = new Set(company.tickets.map((t) => t.id));
    expect(other.tickets.some((t) => ids.has(t.id))).toBe(false);
  });

  it('leaves new unassigned tickets for dispatch whatever the day: early on the 1st, on a Sunday, at a tiny scale', () => {
    for (const [today, scale] of [[new Date('2026-12-01T00:20:00-05:00'), 1], [new Date('2026-03-08T11:00:00-05:00'), 0.05]] as const) {
      const other = generateDemoCompany({ seed: DEMO_SEED, today, scale });
      const waiting = other.tickets.filter((t) => t.assigneeId === null && t.status === 'new');
      expect(waiting.length, today.toISOString()).toBeGreaterThanOrEqual(demoSize(scale).dispatchBacklog);
      for (const t of waiting) expect(Date.parse(t.createdAt)).toBeLessThanOrEqual(today.getTime());
      // Ticket numbers still follow arrival order.
      const byNumber = [...other.tickets].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
      for (let i = 1; i < byNumber.length; i++) expect(Date.parse(byNumber[i]?.createdAt ?? '')).toBeGreaterThanOrEqual(Date.parse(byNumber[i - 1]?.createdAt ?? ''));
    }
  });

  it('rejects a scale that is not a positive number', () => {
    expect(() => demoSize(0)).toThrow(RangeError);
    expect(() => demoSize(Number.NaN)).toThrow(RangeError);
  });
});

describe('wire shapes', () => {
  it('every record passes its entity schema and carries exactly the wire fields', () => {
    for (const key of Object.keys(ENTITY_OF) as Array<keyof DemoCompany>) {
      const schema = entitySchemas[ENTITY_OF[key]];
      const fields = Object.keys(schema.shape).sort();
      for (const record of company[key]) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) throw new Error(`${key} ${JSON.stringify(record)}: ${parsed.error.message}`);
        const own = Object.keys(record).filter((k) => !(key === 'users' && k === 'password')).sort();
        expect(own, key).toEqual(fields);
      }
    }
  });

  it('ids are unique UUIDs across the whole company', () => {
    const ids = new Set<string>();
    let count = 0;
    for (const key of Object.keys(ENTITY_OF) as Array<keyof DemoCompany>) {
      if (key === 'calendarDays') continue;
      for (const record of company[key]) {
        ids.add(record.id);
        count++;
      }
    }
    expect(ids.size).toBe(count);
  });

  it('references point at records that exist, with the right roles', () => {
    const users = new Map(company.users.map((u) => [u.id, u]));
    const customers = new Set(company.customers.map((c) => c.id));
    const tickets = new Map(company.tickets.map((t) => [t.id, t]));
    const plans = new Set(company.plans.map((p) => p.id));
    for (const t of company.tickets) {
      expect(customers.has(t.customerId)).toBe(true);
      if (t.assigneeId !== null) expect(users.get(t.assigneeId)?.role).toBe('technician');
    }
    for (const e of company.ticketEvents) {
      expect(tickets.has(e.ticketId)).toBe(true);
      if (e.authorId !== null) expect(users.has(e.authorId)).toBe(true);
    }
    for (const v of company.visits) {
      expect(tickets.has(v.ticketId)).toBe(true);
      expect(users.get(v.technicianId)?.role).toBe('technician');
    }
    for (const te of company.timeEntries) {
      expect(tickets.get(te.ticketId)?.customerId).toBe(te.customerId);
      expect(users.get(te.technicianId)?.role).toBe('technician');
    }
    for (const a of company.planAssignments) {
      expect(customers.has(a.customerId)).toBe(true);
      expect(plans.has(a.planId)).toBe(true);
    }
    for (const p of company.purchases) expect(customers.has(p.customerId)).toBe(true);
  });
});

describe('the company', () => {
  it('has the expected size', () => {
    expect(company.plans.length).toBeGreaterThanOrEqual(3);
    expect(company.plans.length).toBeLessThanOrEqual(4);
    expect(company.customers.length).toBeGreaterThanOrEqual(110);
    expect(company.customers.length).toBeLessThanOrEqual(140);
    expect(company.tickets.length).toBeGreaterThanOrEqual(700);
    expect(company.tickets.length).toBeLessThanOrEqual(1_400);
    expect(company.visits.length).toBeGreaterThan(company.tickets.length);
    expect(company.ticketEvents.length).toBeGreaterThan(5 * company.tickets.length);
    expect(company.timeEntries.length).toBeGreaterThan(company.tickets.length);
    expect(demo.stats.unplacedVisits).toBe(0);
    const roles = groupBy(company.users, (u) => u.role);
    expect(roles.get('technician')?.length).toBe(8);
    expect(roles.get('dispatcher')?.length).toBe(2);
    expect(roles.get('supervisor')?.length).toBe(1);
    expect(roles.get('admin')?.length).toBe(1);
  });

  it('has the four demo logins with their roles and the demo password, and no other password', () => {
    for (const [role, email] of Object.entries(DEMO_LOGINS)) {
      const user = company.users.find((u) => u.email === email);
      expect(user?.role).toBe(role);
      expect(user?.password).toBe(DEMO_PASSWORD);
    }
    expect(company.users.filter((u) => u.password !== null)).toHaveLength(4);
    expect(new Set(company.users.map((u) => u.email.toLowerCase())).size).toBe(company.users.length);
  });

  it('gives every technician a home district in the service area', () => {
    for (const u of company.users.filter((x) => x.role === 'technician')) expect(isInServiceArea(u.homeDistrictUbigeo ?? '')).toBe(true);
  });

  it('has customers in every one of the 50 districts, and some outside the service area', () => {
    const districts = new Set(company.customers.map((c) => c.districtUbigeo));
    for (const d of listDistricts()) expect(districts.has(d.ubigeo), d.name).toBe(true);
    const outside = company.customers.filter((c) => !isInServiceArea(c.districtUbigeo));
    expect(outside.length).toBeGreaterThanOrEqual(4);
    // Huaral, Chancay (Huaral), San Vicente de Cañete, Huacho (Huaura): INEI UBIGEOs of the Lima department.
    for (const c of outside) expect(['150601', '150605', '150501', '150801']).toContain(c.districtUbigeo);
  });

  it('gives customers a valid RUC, mailboxes on one own domain and a unique code and name', () => {
    for (const c of company.customers) {
      expect(c.ruc).toMatch(/^20\d{9}$/);
      const ruc = c.ruc ?? '';
      expect(Number(ruc[10])).toBe(rucCheckDigit(ruc.slice(0, 10)));
      expect(c.emails.length).toBeGreaterThan(0);
      expect(new Set(c.emails.map((e) => e.split('@')[1])).size).toBe(1);
      expect(c.name).toMatch(/\S/);
    }
    expect(new Set(company.customers.map((c) => c.code)).size).toBe(company.customers.length);
    expect(new Set(company.customers.map((c) => c.name)).size).toBe(company.customers.length);
    expect(new Set(company.customers.map((c) => c.ruc)).size).toBe(company.customers.length);
  });

  it('takes email tickets only from registered addresses, and mostly by portal and email', () => {
    const customers = new Map(company.customers.map((c) => [c.id, c]));
    for (const t of company.tickets.filter((x) => x.channel === 'email')) {
      expect(customers.get(t.customerId)?.emails).toContain(t.requesterEmail);
    }
    const channels = groupBy(company.tickets, (t) => t.channel);
    const phone = channels.get('phone')?.length ?? 0;
    expect(phone).toBeGreaterThan(0);
    expect(phone).toBeLessThan((channels.get('portal')?.length ?? 0) / 3);
    expect(phone).toBeLessThan((channels.get('email')?.length ?? 0) / 3);
  });

  it('records exact error messages and affected equipment on incidencias', () => {
    const incidencias = company.tickets.filter((t) => t.type === 'incidencia');
    expect(incidencias.filter((t) => t.errorMessage !== null).length).toBeGreaterThan(incidencias.length / 2);
    expect(incidencias.some((t) => t.errorMessage?.includes('0x80070005'))).toBe(true);
    expect(company.tickets.some((t) => /^(PC|LAP|IMP)-[A-Z]+-\d\d$/.test(t.affectedEquipment ?? ''))).toBe(true);
    expect(company.tickets.some((t) => t.type === 'requerimiento')).toBe(true);
  });

  it('has national holidays and company closures as calendar rows', () => {
    expect(company.calendarDays.some((d) => d.kind === 'holiday' && d.date === '2026-07-28')).toBe(true);
    expect(company.calendarDays.some((d) => d.kind === 'closure')).toBe(true);
  });
});

describe('plans and hours', () => {
  it('changes plan for some customers, always from a later month than the decision', () => {
    const byCustomer = groupBy(company.planAssignments, (a) => a.customerId);
    const changed = [...byCustomer.values()].filter((list) => list.length > 1);
    expect(changed.length).toBeGreaterThanOrEqual(2);
    for (const a of company.planAssignments) {
      // Never retroactive: decided (Lima time) no later than the month it takes effect.
      expect(limaDateOf(Date.parse(a.createdAt)).slice(0, 7) <= a.effectiveMonth).toBe(true);
      expect(Date.parse(a.createdAt)).toBeLessThanOrEqual(DEMO_TODAY.getTime());
    }
    for (const list of changed) expect(new Set(list.map((a) => a.effectiveMonth)).size).toBe(list.length);
  });

  it('sells extra support only to customers who ran past their plan that month', () => {
    expect(company.purchases.length).toBeGreaterThanOrEqual(1);
    const plans = new Map(company.plans.map((p) => [p.id, p]));
    const assignments = groupBy(company.planAssignments, (a) => a.customerId);
    const planOf = (customerId: string, month: string) => {
      const list = (assignments.get(customerId) ?? []).filter((a) => a.effectiveMonth <= month).sort((a, b) => (a.effectiveMonth < b.effectiveMonth ? -1 : 1));
      return plans.get(list[list.length - 1]?.planId ?? '');
    };
    for (const p of company.purchases) {
      const plan = planOf(p.customerId, p.month);
      expect(plan).toBeDefined();
      const entries = company.timeEntries.filter((e) => e.customerId === p.customerId && e.billable && e.workDate.startsWith(p.month));
      const bought = company.purchases.filter((q) => q.customerId === p.customerId && q.month === p.month);
      if (p.remoteMinutes > 0) expect(entries.filter((e) => e.kind === 'remote').reduce((s, e) => s + e.minutes, 0)).toBeGreaterThan(plan?.remoteMinutes ?? 0);
      if (p.onsiteMinutes > 0) expect(entries.filter((e) => e.kind === 'onsite').reduce((s, e) => s + e.minutes, 0)).toBeGreaterThan(plan?.onsiteMinutes ?? 0);
      if (p.tickets > 0) {
        const opened = company.tickets.filter((t) => t.customerId === p.customerId && t.createdAt.startsWith(p.month)).length;
        expect(opened).toBeGreaterThan(plan?.ticketQuota ?? 0);
      }
      expect(p.priceCents).toBeGreaterThan(0);
      expect(bought.length).toBeGreaterThanOrEqual(1);
      expect(Date.parse(p.createdAt)).toBeLessThanOrEqual(DEMO_TODAY.getTime());
    }
  });

  it('logs time only for work that happened: one entry per finished visit, at its check-out', () => {
    const entriesByTicket = groupBy(company.timeEntries, (e) => e.ticketId);
    for (const v of company.visits) {
      if (v.status !== 'done') continue;
      const checkIn = Date.parse(v.checkInAt ?? '');
      const checkOut = Date.parse(v.checkOutAt ?? '');
      expect(checkIn).toBeGreaterThanOrEqual(Date.parse(v.startsAt));
      expect(checkOut).toBeLessThanOrEqual(Date.parse(v.endsAt));
      // Check-out logs the time on site, rounded up, billed, on the day of the check-in (the server's rule).
      const minutes = Math.ceil((checkOut - checkIn) / 60_000);
      const entry = (entriesByTicket.get(v.ticketId) ?? []).find((e) => e.technicianId === v.technicianId && e.kind === v.kind && e.createdAt === v.checkOutAt);
      expect(entry, v.id).toBeDefined();
      expect(entry?.minutes).toBe(minutes);
      expect(entry?.billable).toBe(true);
      expect(entry?.workDate).toBe(limaDateOf(checkIn));
    }
    for (const e of company.timeEntries) expect(Date.parse(e.createdAt)).toBeLessThanOrEqual(DEMO_TODAY.getTime());
  });
});
