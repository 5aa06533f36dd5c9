import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_CALL_NAMES } from '../../../src-shared/ipc/names.ts';
import { deskCalls } from '../../../src-shared/ipc/desk-api.ts';
import type { DeskCore } from '../../../src-main/core/desk-core.ts';
import { NO_SERVER_MESSAGE } from '../../../src-main/core/handlers/session-controller.ts';
import { coreFor, tempDataDir } from './core-test-helpers.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let core: DeskCore;

beforeEach(async () => {
  data = await tempDataDir();
  core = coreFor(data.dir);
});

afterEach(async () => {
  await core.close();
  await data.remove();
});

describe('desk core dispatch', () => {
  it('refuses names that are not DeskApi calls with UNKNOWN_CALL', async () => {
    for (const name of ['', 'app', 'app.info.extra', 'tickets.delete', '__proto__', 'constructor', 'toString']) {
      const result = await core.handle(name, {});
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_CALL');
    }
  });

  it('validates input against the call schema before any handler runs', async () => {
    const cases: Array<[string, unknown]> = [
      ['app.info', { extra: true }],
      ['settings.update', { locale: 'fr' }],
      ['settings.update', { theme: 'dark' }],
      ['calendar.month', { year: 2026, month: 13 }],
      ['calendar.month', { year: '2026', month: 1 }],
      ['calendar.month', {}],
      ['districts.lookup', { query: 'x'.repeat(201) }],
      ['districts.lookup', 'Miraflores'],
    ];
    for (const [name, input] of cases) {
      const result = await core.handle(name, input);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toContain(name);
      }
    }
  });

  it('treats a missing input as an empty object for calls without parameters', async () => {
    const result = await core.handle('app.info', undefined);
    expect(result).toEqual({ ok: true, value: { version: '9.9.9-test', mode: 'web', platform: process.platform } });
  });

  it('answers every call with a value that matches its output schema, or a typed refusal', async () => {
    const ticketId = '7d6f8c1e-3b1a-4c55-9a43-1f6e2a9b0c01';
    const inputs: Record<(typeof DESK_CALL_NAMES)[number], unknown> = {
      'app.info': {},
      'settings.get': {},
      'settings.update': { locale: 'en' },
      'calendar.month': { year: 2026, month: 7 },
      'districts.list': {},
      'districts.lookup': { query: 'Miraflores' },
      'sync.status': {},
      'session.get': {},
      'session.login': { email: 'tecnico@demo.ayni.pe', password: 'ayni-demo' },
      'session.logout': {},
      'sync.now': {},
      'queue.page': { view: 'all' },
      'queue.counts': {},
      'views.list': {},
      'views.save': { id: 'v1', name: 'Críticos', query: { view: 'all', filters: { urgency: ['critical'] } } },
      'views.delete': { id: 'v1' },
      'ticket.get': { id: ticketId },
      'edit.apply': { name: 'ticket.addNote', args: { ticketId, kind: 'note', body: 'Llamé al cliente' } },
      'edit.bulk': { ids: [ticketId], action: { kind: 'setStatus', status: 'in_progress' } },
      'customers.search': { query: 'rimac' },
      'users.list': {},
      'visits.range': { date: '2026-03-10', span: 'week' },
      'balances.month': { month: '2026-03' },
      'attention.list': {},
      'attention.retry': { id: 1 },
      'attention.discard': { id: 1 },
    };
    // Refusals an empty desk with no server must give, and nothing else.
    const refusals: Partial<Record<(typeof DESK_CALL_NAMES)[number], string>> = {
      'session.login': 'NO_SERVER',
      'edit.apply': 'NOT_FOUND',
      'attention.retry': 'NOT_FOUND',
    };
    for (const name of DESK_CALL_NAMES) {
      const result = await core.handle(name, inputs[name]);
      const refusal = refusals[name];
      if (refusal !== undefined) {
        expect(result.ok === false && result.error.code, name).toBe(refusal);
        continue;
      }
      expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
      if (result.ok) expect(deskCalls[name].output.safeParse(result.value).success, name).toBe(true);
    }
  });

  it('without a server, reports signed out with nothing pending and says why', async () => {
    expect(await core.handle('sync.status', {})).toEqual({ ok: true, value: { state: 'signedOut', pendingEdits: 0, lastSyncAt: null, message: NO_SERVER_MESSAGE } });
    expect(await core.handle('session.get', {})).toEqual({ ok: true, value: { signedIn: false, user: null, serverUrl: null } });
    expect(await core.handle('session.login', { email: 'tecnico@demo.ayni.pe', password: 'ayni-demo' })).toMatchObject({ ok: false, error: { code: 'NO_SERVER' } });
  });

  it('serves the 50 service-area districts and looks places up', async () => {
    const list = await core.handle('districts.list', {});
    expect(list.ok && Array.isArray(list.value) && list.value.length).toBe(50);
    const inArea = await core.handle('districts.lookup', { query: 'Callao' });
    expect(inArea.ok && (inArea.value as { inArea: boolean }).inArea).toBe(true);
    const outside = await core.handle('districts.lookup', { query: 'Huaral' });
    expect(outside.ok && (outside.value as { inArea: boolean }).inArea).toBe(false);
  });

  it('never throws, whatever name and input it is given', async () => {
    const names = fc.oneof(fc.constantFrom(...DESK_CALL_NAMES), fc.string());
    await fc.assert(
      fc.asyncProperty(names, fc.anything(), async (name, input) => {
        const result = await core.handle(name, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(['UNKNOWN_CALL', 'VALIDATION', 'NO_SERVER', 'NOT_FOUND']).toContain(result.error.code);
      }),
      { numRuns: 200 },
    );
  });

  it('answers CORE_UNAVAILABLE once closed', async () => {
    await core.close();
    const result = await core.handle('app.info', {});
    expect(result.ok === false && result.error.code).toBe('CORE_UNAVAILABLE');
  });
});
