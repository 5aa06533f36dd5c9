/**
 * Pull pages carry rows whose JSON PostgreSQL writes (entities/wire-json.ts).
 * That text must mean exactly what loadEntities returns — the rows as the
 * driver's column parsers read them — for every entity, on both backends:
 * instants with microseconds (truncated to milliseconds, as Date does),
 * nulls, JSON columns, text that needs escaping, composite and date ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_NAMES, type EntityName } from '../../src-shared/protocol/entities.ts';
import { PullResponseSchema } from '../../src-shared/protocol/sync.ts';
import type { Db } from '../../src-server/db/open.ts';
import type { DatabaseKind } from '../../src-server/db/types.ts';
import { seedDemoCompany } from '../../src-server/demo/seed.ts';
import { ENTITY_SPECS, loadEntities, recordChanges } from '../../src-server/entities/index.ts';
import { loadEntitiesJson } from '../../src-server/entities/wire-json.ts';
import { pageJson, parsePulledPage, pull } from '../../src-server/sync/pull.ts';
import { chosenBackends, openTestDb, registerClusterTeardown } from './support/backends.ts';
import { DEMO_TODAY } from './demo-fixture.ts';

registerClusterTeardown();

for (const backend of chosenBackends()) {
  if (backend.skipReason !== null) {
    console.warn(`[wire json] ${backend.skipReason}`);
    describe.skip(`wire JSON [${backend.kind}]`, () => suite(backend.kind));
  } else {
    describe(`wire JSON [${backend.kind}]`, () => suite(backend.kind));
  }
}

/** Every id of an entity, as the change log names them. */
async function idsOf(db: Db, entity: EntityName): Promise<string[]> {
  const rows = await db.query<{ entity_id: string }>("SELECT entity_id FROM change_log WHERE entity = $1 AND op = 'upsert'", [entity]);
  return rows.map((r) => r.entity_id);
}

function suite(kind: DatabaseKind): void {
  let db: Db;

  beforeAll(async () => {
    db = await openTestDb(kind);
    await seedDemoCompany(db, { seed: 7_310, scale: 0.05, today: DEMO_TODAY });
    // What the demo never writes: microseconds, every kind of character a JSON string must escape,
    // non-ASCII text, a null in each nullable column the demo fills.
    await db.exec(`
      UPDATE tickets SET created_at = '2026-03-02 13:00:00.987654+00', updated_at = '2026-03-02 13:00:01.000999+00',
                         subject = E'Comillas " barra \\\\ tab \\t salto \\n control \\x01 eñe ñandú — 😀', assignee_id = NULL, resolved_at = NULL
       WHERE number = (SELECT min(number) FROM tickets);
      UPDATE customers SET emails = '["a@b.pe", "c@d.pe"]'::jsonb, phone = NULL, created_at = '1999-12-31 23:59:59.999999+00'
       WHERE id = (SELECT id FROM customers ORDER BY id LIMIT 1);`);
  });

  afterAll(async () => {
    await db?.close();
  });

  it.each(ENTITY_NAMES.map((entity) => [entity]))('writes %s rows exactly as loadEntities reads them', async (entity) => {
    const ids = await idsOf(db, entity);
    expect(ids.length, `the demo has ${entity} rows`).toBeGreaterThan(0);
    const objects = await loadEntities(db, entity, ids);
    const texts = await loadEntitiesJson(db, entity, ids);
    expect(texts.size).toBe(objects.length);
    for (const object of objects) {
      const text = texts.get(String((object as { id: string }).id));
      expect(text, `${entity} ${String((object as { id: string }).id)}`).toBeDefined();
      expect(JSON.parse(text as string)).toEqual(object);
    }
  });

  it('truncates microseconds to milliseconds and escapes text as JSON', async () => {
    const [id] = (await db.query<{ id: string }>('SELECT id::text AS id FROM tickets ORDER BY number LIMIT 1')).map((r) => r.id);
    const text = (await loadEntitiesJson(db, 'ticket', [id as string])).get(id as string) as string;
    const ticket = JSON.parse(text) as { createdAt: string; updatedAt: string; subject: string; assigneeId: null };
    expect(ticket.createdAt).toBe('2026-03-02T13:00:00.987Z');
    expect(ticket.updatedAt).toBe('2026-03-02T13:00:01.000Z');
    expect(ticket.subject).toBe('Comillas " barra \\ tab \t salto \n control \u0001 eñe ñandú — 😀');
    expect(ticket.assigneeId).toBeNull();
  });

  it('leaves out ids that are not there, and answers nothing for none', async () => {
    expect((await loadEntitiesJson(db, 'ticket', ['00000000-0000-4000-8000-00000000dead'])).size).toBe(0);
    expect((await loadEntitiesJson(db, 'balance', [])).size).toBe(0);
    expect(ENTITY_SPECS.balance.computed).toContain('id');
  });

  it('sends pages that are valid protocol documents, with the same rows as a pull of objects would carry', async () => {
    let cursor: string | undefined;
    let rows = 0;
    for (let pages = 0; pages < 200; pages++) {
      const page = await pull(db, { clientId: 'wire-json', cursor, limit: 500 });
      const parsed = PullResponseSchema.parse(JSON.parse(pageJson(page)));
      expect(parsed).toEqual(parsePulledPage(page));
      expect(parsed.changes.length).toBe(page.count);
      rows += page.count;
      for (const change of parsed.changes.slice(0, 20)) {
        if (change.op !== 'upsert') continue;
        const [object] = await loadEntities(db, change.entity, [change.id]);
        expect(change.data).toEqual(object);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const logged = await db.query<{ n: number }>('SELECT count(*) AS n FROM change_log');
    expect(rows).toBeGreaterThanOrEqual(logged[0]?.n ?? 0);
  });

  it('leaves out an upsert whose row is gone (a write that bypassed the store) and carries deletes, moving past both', async () => {
    const [gone] = await db.query<{ id: string }>('SELECT date::text AS id FROM calendar_days ORDER BY date LIMIT 1');
    const removedId = '00000000-0000-4000-8000-0000000d0001';
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM calendar_days WHERE date = $1::date', [gone?.id]);
      await recordChanges(tx, 'plan', [removedId], 'delete');
    });
    const seen: { entity: string; id: string; op: string; data: unknown }[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 500; pages++) {
      const page = parsePulledPage(await pull(db, { clientId: 'wire-json-gone', cursor, limit: 7 }));
      seen.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.some((c) => c.entity === 'calendarDay' && c.id === gone?.id)).toBe(false);
    expect(seen.filter((c) => c.id === removedId)).toEqual([{ entity: 'plan', op: 'delete', id: removedId, rev: expect.any(String), data: null }]);
    const logged = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log');
    // Every other log row was delivered once (the stages may repeat rows between their ends; none here).
    expect(new Set(seen.map((c) => `${c.entity}:${c.id}`)).size).toBe((logged[0]?.n ?? 0) - 1);
  });
}
