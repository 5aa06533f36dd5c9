import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarMonth } from '../../../src-shared/ipc/desk-api.ts';
import type { DeskCore } from '../../../src-main/core/desk-core.ts';
import { coreFor, recordingLogger, tempDataDir, type RecordingLogger } from './core-test-helpers.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let core: DeskCore;
let log: RecordingLogger;
let overridesPath: string;

beforeEach(async () => {
  data = await tempDataDir();
  log = recordingLogger();
  core = coreFor(data.dir, log);
  overridesPath = join(data.dir, 'calendar-overrides.json');
});

afterEach(async () => {
  await core.close();
  await data.remove();
});

async function december(): Promise<CalendarMonth> {
  const result = await core.handle('calendar.month', { year: 2026, month: 12 });
  if (!result.ok) throw new Error(`calendar.month failed: ${result.error.code} ${result.error.message}`);
  return result.value as CalendarMonth;
}

function day(month: CalendarMonth, date: string) {
  const found = month.days.find((d) => d.date === date);
  if (found === undefined) throw new Error(`${date} not in the month`);
  return found;
}

async function expectInvalid(content: string, detail: RegExp): Promise<void> {
  await writeFile(overridesPath, content, 'utf8');
  const result = await core.handle('calendar.month', { year: 2026, month: 12 });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('CALENDAR_DATA_INVALID');
  expect(result.error.message).toContain('calendar-overrides.json');
  expect(result.error.message).toMatch(detail);
}

describe('calendar.month with company overrides', () => {
  it('without an overrides file shows national holidays only', async () => {
    const month = await december();
    expect(day(month, '2026-12-25')).toMatchObject({ open: false, reason: 'holiday' });
    expect(day(month, '2026-12-24')).toMatchObject({ open: true, opensAt: '08:00', closesAt: '21:00' });
  });

  it('applies a company closure from calendar-overrides.json', async () => {
    const before = await december();
    await writeFile(overridesPath, JSON.stringify([{ date: '2026-12-24', kind: 'closure', name: 'Día no laborable (adoptado por la empresa)' }]), 'utf8');
    const after = await december();
    expect(day(after, '2026-12-24')).toMatchObject({ open: false, reason: 'closure', name: 'Día no laborable (adoptado por la empresa)' });
    expect(after.businessDays).toBe(before.businessDays - 1);
  });

  it('reports a file that is not JSON as CALENDAR_DATA_INVALID, in Spanish', async () => {
    await expectInvalid('[{"date": "2026-12-24",', /JSON inválido/);
    expect(log.lines.some((line) => line.startsWith('warn:'))).toBe(true);
  });

  it('reports content that is not a list', async () => {
    await expectInvalid(JSON.stringify({ date: '2026-12-24' }), /se esperaba arreglo/);
  });

  it('reports an override on a date that does not exist', async () => {
    await expectInvalid(JSON.stringify([{ date: '2026-02-30', kind: 'closure', name: 'Cierre' }]), /elemento 1, date: debe ser una fecha real/);
  });

  it('reports an unknown kind, a missing name and stray keys', async () => {
    await expectInvalid(JSON.stringify([{ date: '2026-12-24', kind: 'holiday', name: 'X' }]), /kind: debe ser "closure"/);
    await expectInvalid(JSON.stringify([{ date: '2026-12-24', kind: 'closure', name: '  ' }]), /name: necesita un nombre legible/);
    await expectInvalid(JSON.stringify([{ date: '2026-12-24', kind: 'closure', name: 'X', reason: 'y' }]), /Llave desconocida/);
  });

  it('reports two decisions for one day and a closure with hours', async () => {
    await expectInvalid(
      JSON.stringify([
        { date: '2026-12-24', kind: 'closure', name: 'A' },
        { date: '2026-12-24', kind: 'opening', name: 'B' },
      ]),
      /elemento 2, date: la fecha 2026-12-24 se repite/,
    );
    await expectInvalid(JSON.stringify([{ date: '2026-12-24', kind: 'closure', name: 'A', opensAt: '08:00' }]), /un cierre dura todo el día/);
    await expectInvalid(JSON.stringify([{ date: '2026-12-26', kind: 'opening', name: 'A', opensAt: '12:00', closesAt: '09:00' }]), /hora de cierre/);
  });

  it('recovers as soon as the file is fixed, without a restart', async () => {
    await expectInvalid('not json', /JSON inválido/);
    await writeFile(overridesPath, JSON.stringify([{ date: '2026-12-26', kind: 'opening', name: 'Inventario', opensAt: '09:00', closesAt: '13:00' }]), 'utf8');
    const month = await december();
    expect(day(month, '2026-12-26')).toMatchObject({ open: true, opensAt: '09:00', closesAt: '13:00', companyOpening: true });
  });
});
