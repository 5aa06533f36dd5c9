import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/core/cache/open.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { memoryLogger, mustOk, mustOpen, page, seedCompany, tempDir, ticket, upsert } from './helpers.ts';

let dir: string;
let cleanup: () => void;
let company: ReturnType<typeof seedCompany>;
let open: CacheStore | null = null;

const session = () => ({ id: company.tech.id, name: company.tech.name, email: company.tech.email, role: 'technician' as const });

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  company = seedCompany();
});
afterEach(() => {
  open?.close();
  open = null;
  cleanup();
});

/** A cache with a few hundred tickets (many pages) and two queued edits; closed, so everything is in the main files. */
function populatedCacheWithEdits(): void {
  const store = mustOpen(dir);
  const many = Array.from({ length: 300 }, (_, i) => upsert('ticket', ticket(company.customer.id, { number: 5000 + i, description: `Detalle ${i} `.repeat(40) })));
  mustOk(store.applyPulledPage(page([...company.changes, ...many], { cursor: 'seed' })));
  mustOk(store.beginSession('http://127.0.0.1:1', session()));
  mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'in_progress' }));
  mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'Impresora del 2.º piso' } }));
  store.close();
}

function overwrite(path: string, from: number, to: number): void {
  const bytes = readFileSync(path);
  for (let i = from; i < Math.min(to, bytes.length); i += 1) bytes[i] = (i * 131 + 7) % 251;
  writeFileSync(path, bytes);
}

describe('a corrupt cache.db', () => {
  for (const [name, damage] of [
    ['damaged pages', (path: string) => overwrite(path, 4096, readFileSync(path).length - 4096)],
    ['a damaged header', (path: string) => overwrite(path, 0, 100)],
  ] as const) {
    it(`with ${name} is moved aside and rebuilt, keeping the outbox, and the edits come back after re-sync`, () => {
      populatedCacheWithEdits();
      damage(join(dir, 'cache.db'));
      const logger = memoryLogger();
      const opened = openCache({ dir, logger, now: () => new Date('2025-03-10T15:00:00Z') });
      const store = mustOk(opened);
      open = store;
      expect(store.recovery?.movedTo).toMatch(/cache\.db\.corrupt-2025-03-10T15-00-00-000Z$/);
      expect(existsSync(store.recovery!.movedTo)).toBe(true);
      expect(readdirSync(dir)).toContain('cache.db');
      expect(logger.lines.some((l) => l.includes('se reconstruirá desde el servidor'))).toBe(true);
      // The rebuilt cache is empty and starts a full sync; the outbox is intact.
      expect(store.pullParams().cursor).toBeNull();
      expect(mustOk(store.queries.queuePage({ view: 'all' })).total).toBe(0);
      expect(store.syncInfo()).toMatchObject({ pendingEdits: 2, user: session() });
      expect(store.takePushBatch(10)?.mutations.map((m) => [m.seq, m.name])).toEqual([
        [1, 'ticket.setStatus'],
        [2, 'ticket.update'],
      ]);
      // Re-sync: the queued edits show on top of the downloaded rows.
      mustOk(store.applyPulledPage(page(company.changes, { cursor: 'again' })));
      expect(store.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { status: 'in_progress', subject: 'Impresora del 2.º piso' }, pendingSync: true });
    });
  }
});

describe('a corrupt outbox.db', () => {
  it('is reported and left byte for byte as it was', () => {
    populatedCacheWithEdits();
    const path = join(dir, 'outbox.db');
    overwrite(path, 0, 100);
    const before = readFileSync(path);
    const opened = openCache({ dir, logger: memoryLogger() });
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.error.code).toBe('OUTBOX_UNREADABLE');
    expect(!opened.ok && opened.error.message).toMatch(/No se modificó ni se borró/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a crash between the two files of one transaction', () => {
  it('outbox committed, cache not: the edit is replayed on open', () => {
    const store = mustOpen(dir);
    mustOk(store.applyPulledPage(page(company.changes, { cursor: 'seed' })));
    mustOk(store.beginSession('http://127.0.0.1:1', session()));
    store.close();
    copyFileSync(join(dir, 'cache.db'), join(dir, 'cache-before.db'));
    const again = mustOpen(dir);
    mustOk(again.applyLocalEdit('ticket.assign', { id: company.t1.id, assigneeId: company.dispatcher.id }));
    again.close();
    copyFileSync(join(dir, 'cache-before.db'), join(dir, 'cache.db'));

    const logger = memoryLogger();
    open = mustOk(openCache({ dir, logger, now: () => new Date('2025-03-10T15:00:00Z') }));
    expect(open.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { assigneeId: company.dispatcher.id }, pendingSync: true });
    expect(logger.lines.some((l) => l.includes('1 reaplicados'))).toBe(true);
  });

  it('cache committed, outbox not: the phantom edit is dropped on open', () => {
    const store = mustOpen(dir);
    mustOk(store.applyPulledPage(page(company.changes, { cursor: 'seed' })));
    mustOk(store.beginSession('http://127.0.0.1:1', session()));
    store.close();
    copyFileSync(join(dir, 'outbox.db'), join(dir, 'outbox-before.db'));
    const again = mustOpen(dir);
    mustOk(again.applyLocalEdit('ticket.assign', { id: company.t1.id, assigneeId: company.dispatcher.id }));
    again.close();
    copyFileSync(join(dir, 'outbox-before.db'), join(dir, 'outbox.db'));

    open = mustOpen(dir);
    expect(open.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { assigneeId: null }, pendingSync: false });
    expect(open.syncInfo().pendingEdits).toBe(0);
    // The seq the phantom used is free again and the next edit takes it.
    expect(mustOk(open.applyLocalEdit('ticket.assign', { id: company.t1.id, assigneeId: company.tech.id })).seq).toBe(1);
  });
});
