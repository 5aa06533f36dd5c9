/**
 * Seeding the demo company into a real server database (PGlite, and
 * PostgreSQL when its binaries are installed: see support/backends.ts):
 * every row lands in its table and in the change log, balances are
 * derived, the demo logins can sign in, and a second seed is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '../../src-server/db/types.ts';
import { chosenBackends, openTestDb, registerClusterTeardown } from './support/backends.ts';
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import { verifyPassword } from '../../src-server/auth/password.ts';
import type { Db } from '../../src-server/db/open.ts';
import { loadEntities } from '../../src-server/entities/index.ts';
import { generateDemoCompany, type DemoCompany } from '../../src-server/demo/generate.ts';
import { DemoSeedRefusedError, seedDemoCompany, type SeedResult } from '../../src-server/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src-server/demo/staff.ts';
import { DEMO_TODAY } from './demo-fixture.ts';

// A small company keeps the test quick; the full-size seed is exercised by `npm run bench`.
const SEED = 424_242;
const SCALE = 0.3;

let company: DemoCompany;
beforeAll(() => {
  company = generateDemoCompany({ seed: SEED, today: DEMO_TODAY, scale: SCALE });
});

const TABLES: ReadonlyArray<[keyof DemoCompany, EntityName, string]> = [
  ['plans', 'plan', 'plans'],
  ['customers', 'customer', 'customers'],
  ['planAssignments', 'planAssignment', 'plan_assignments'],
  ['users', 'user', 'users'],
  ['tickets', 'ticket', 'tickets'],
  ['ticketEvents', 'ticketEvent', 'ticket_events'],
  ['visits', 'visit', 'visits'],
  ['timeEntries', 'timeEntry', 'time_entries'],
  ['purchases', 'purchase', 'purchases'],
];

registerClusterTeardown();
for (const backend of chosenBackends()) {
  if (backend.skipReason !== null) {
    console.warn(`[demo seed] ${backend.skipReason}`);
    describe.skip(`seedDemoCompany [${backend.kind}]`, () => seedSuite(backend.kind));
  } else {
    describe(`seedDemoCompany [${backend.kind}]`, () => seedSuite(backend.kind));
  }
}

function seedSuite(kind: DatabaseKind): void {
  let db: Db;
  let result: SeedResult;
  const progress: string[] = [];

  beforeAll(async () => {
    db = await openTestDb(kind);
    result = await seedDemoCompany(db, { seed: SEED, scale: SCALE, today: DEMO_TODAY, onProgress: (p) => progress.push(p.phase) });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('writes every generated row, and each one reads back exactly as generated', async () => {
    for (const [key, entity, table] of TABLES) {
      const rows = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      expect(rows[0]?.n, table).toBe(company[key].length);
      expect(result.counts[key], key).toBe(company[key].length);
      const sample = company[key].filter((_, i) => i % 7 === 0);
      const stored = new Map((await loadEntities(db, entity, sample.map((r) => r.id))).map((r) => [r.id, r]));
      for (const record of sample) {
        const expected = key === 'users' ? (({ password: _password, ...user }) => user)(record as DemoCompany['users'][number]) : record;
        expect(stored.get(record.id), `${entity} ${record.id}`).toEqual(expected);
      }
    }
    expect(progress[0]).toBe('reference');
    expect(progress[progress.length - 1]).toBe('balances');
  });

  it('records every row in the change log, so a desk pulls the whole company', async () => {
    const logged = new Map((await db.query<{ entity: string; n: number }>('SELECT entity, count(*) AS n FROM change_log GROUP BY entity')).map((r) => [r.entity, r.n]));
    for (const [key, entity] of TABLES) expect(logged.get(entity), entity).toBe(company[key].length);
    const days = await db.query<{ n: number }>('SELECT count(*) AS n FROM calendar_days');
    expect(logged.get('calendarDay')).toBe(days[0]?.n);
    expect(logged.get('balance')).toBe(result.counts.balances);
  });

  it('keeps the server\'s ticket numbering ahead of the seeded tickets', async () => {
    const rows = await db.query<{ next: number; max: number }>("SELECT nextval('ticket_number_seq') AS next, (SELECT max(number) FROM tickets) AS max");
    expect(rows[0]?.next).toBeGreaterThan(rows[0]?.max ?? Number.POSITIVE_INFINITY);
  });

  it('derives monthly balances that add up the seeded time entries', async () => {
    expect(result.counts.balances).toBeGreaterThan(0);
    const entry = company.timeEntries.find((e) => e.billable);
    expect(entry).toBeDefined();
    const month = entry?.workDate.slice(0, 7) ?? '';
    const used = company.timeEntries
      .filter((e) => e.billable && e.customerId === entry?.customerId && e.workDate.startsWith(month))
      .reduce((sum, e) => ({ remote: sum.remote + (e.kind === 'remote' ? e.minutes : 0), onsite: sum.onsite + (e.kind === 'onsite' ? e.minutes : 0) }), { remote: 0, onsite: 0 });
    const balance = (await loadEntities(db, 'balance', [`${entry?.customerId}:${month}`]))[0];
    expect(balance?.remoteMinutesUsed).toBe(used.remote);
    expect(balance?.onsiteMinutesUsed).toBe(used.onsite);
  });

  it('stores a scrypt hash for the four demo logins only', async () => {
    const rows = await db.query<{ email: string; role: string; password_hash: string | null }>('SELECT email, role, password_hash FROM users');
    for (const [role, email] of Object.entries(DEMO_LOGINS)) {
      const user = rows.find((r) => r.email === email);
      expect(user?.role).toBe(role);
      expect(await verifyPassword(DEMO_PASSWORD, user?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword('otra-clave', user?.password_hash ?? '')).toBe(false);
    }
    expect(rows.filter((r) => r.password_hash !== null)).toHaveLength(4);
  });

  it('refuses to seed a database that already has data, and changes nothing', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*) AS n FROM change_log');
    const attempt = seedDemoCompany(db, { seed: SEED + 1, scale: SCALE, today: DEMO_TODAY });
    await expect(attempt).rejects.toBeInstanceOf(DemoSeedRefusedError);
    await expect(attempt).rejects.toThrow(/ya tiene datos/);
    const after = await db.query<{ n: number }>('SELECT count(*) AS n FROM change_log');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('seeds a database that only has the national holidays the server publishes at start', async () => {
    const fresh = await openTestDb(kind);
    try {
      await fresh.exec("INSERT INTO calendar_days (date, kind, name) VALUES ('2026-12-25', 'holiday', 'Navidad del Señor')");
      const seeded = await seedDemoCompany(fresh, { seed: SEED, scale: 0.05, today: DEMO_TODAY });
      expect(seeded.counts.tickets).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it('lets exactly one of two racing seeds through', async () => {
    const fresh = await openTestDb(kind);
    try {
      const outcomes = await Promise.allSettled([
        seedDemoCompany(fresh, { seed: 1, scale: 0.05, today: DEMO_TODAY }),
        seedDemoCompany(fresh, { seed: 2, scale: 0.05, today: DEMO_TODAY }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(DemoSeedRefusedError);
      const users = await fresh.query<{ n: number }>('SELECT count(*) AS n FROM users');
      expect(users[0]?.n).toBe(won[0]?.status === 'fulfilled' ? won[0].value.counts.users : -1);
    } finally {
      await fresh.close();
    }
  });
}
