import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_CALL_NAMES } from '../../../src-shared/ipc/names.ts';
import { deskCalls } from '../../../src-shared/ipc/desk-api.ts';
import type { DeskCore } from '../../../src-main/core/desk-core.ts';
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

  it('answers every call with a value that matches its output schema', async () => {
    const inputs: Partial<Record<(typeof DESK_CALL_NAMES)[number], unknown>> = {
      'app.info': {},
      'settings.get': {},
      'settings.update': { locale: 'en' },
      'calendar.month': { year: 2026, month: 7 },
      'districts.list': {},
      'districts.lookup': { query: 'Miraflores' },
      'sync.status': {},
    };
    for (const name of DESK_CALL_NAMES.filter((n) => n in inputs)) {
      const result = await core.handle(name, inputs[name]);
      expect(result.ok, name).toBe(true);
      if (result.ok) expect(deskCalls[name].output.safeParse(result.value).success, name).toBe(true);
    }
  });

  it('reports signed out with nothing pending until the sync engine exists', async () => {
    expect(await core.handle('sync.status', {})).toEqual({ ok: true, value: { state: 'signedOut', pendingEdits: 0, lastSyncAt: null } });
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
        if (!result.ok) expect(['UNKNOWN_CALL', 'VALIDATION', 'NOT_IMPLEMENTED']).toContain(result.error.code);
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
