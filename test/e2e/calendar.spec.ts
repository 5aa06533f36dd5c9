/**
 * Ajustes › Calendario end to end: the month grid from the desk's business
 * calendar (holidays from the reference list, the fixture's company closure),
 * month totals counted here from the reference data, today in Lima, keyboard
 * month changes, the service-area lookup, and the English UI.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { COMPANY_CLOSURE, expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { CalendarScreen } from './pages/calendar-screen.ts';
import { ConsoleShell } from './pages/console-shell.ts';
import { linesOf } from './pages/layout.ts';

interface ReferenceHolidays {
  readonly dates: Readonly<Record<string, ReadonlyArray<{ readonly date: string; readonly name: string }>>>;
}
interface ReferenceDistrict {
  readonly ubigeo: string;
  readonly name: string;
  readonly zone: string;
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const HOLIDAYS = readJson<ReferenceHolidays>('../fixtures/peru-holidays.json');
const DISTRICTS = readJson<ReferenceDistrict[]>('../fixtures/lima-callao-districts.json');

function zoneOf(ubigeo: string): string {
  const district = DISTRICTS.find((d) => d.ubigeo === ubigeo);
  if (!district) throw new Error(`UBIGEO ${ubigeo} is not in the reference list`);
  return district.zone;
}

/** Business days and hours of a month, counted from the reference holidays and the given closures: Mon–Fri, 08:00–21:00. */
function expectedTotals(year: number, month: number, closures: readonly string[] = []): { days: number; hours: number } {
  const closed = new Set([...(HOLIDAYS.dates[String(year)] ?? []).map((h) => h.date), ...closures]);
  let days = 0;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = 1; day <= length; day++) {
    const date = new Date(Date.UTC(year, month - 1, day));
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (closed.has(date.toISOString().slice(0, 10))) continue;
    days += 1;
  }
  return { days, hours: days * 13 };
}

/** A day's name shown on two lines at most, with the whole name in its title. */
async function expectCutToTwoLines(name: Locator, fullName: string): Promise<void> {
  await expect(name).toHaveAttribute('title', fullName);
  expect(await linesOf(name)).toBeLessThanOrEqual(2);
}

/** Today's date in Lima, whatever the machine's zone. */
function limaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

test.beforeEach(async ({ page }) => {
  await new ConsoleShell(page).ensureLanguage('es-PE');
});

test('July 2026: Fiestas Patrias on the 28th and 29th, Día de la Fuerza Aérea on the 23rd, and the month totals', async ({ page }) => {
  const calendar = new CalendarScreen(new ConsoleShell(page));
  await calendar.open();
  await calendar.showMonth(2026, 7);

  await expect(calendar.monthTitle).toHaveText('Julio de 2026');
  await expect(calendar.grid.locator('caption')).toHaveText('Calendario de atención de Julio de 2026');
  for (const date of ['2026-07-23', '2026-07-28', '2026-07-29']) await expect(calendar.day(date)).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2026-07-28')).toHaveAccessibleName(/^martes 28 de julio de 2026, feriado: Fiestas Patrias/);
  await expect(calendar.day('2026-07-29')).toHaveAccessibleName(/^miércoles 29 de julio de 2026, feriado: Fiestas Patrias/);
  await expect(calendar.day('2026-07-23')).toHaveAccessibleName(/^jueves 23 de julio de 2026, feriado: Día de la Fuerza Aérea/);
  await expect(calendar.day('2026-07-24')).toHaveAccessibleName(/^viernes 24 de julio de 2026, día hábil, de 08:00 a 21:00/);
  await expect(calendar.day('2026-07-24')).toContainText('08:00–21:00');
  await expect(calendar.day('2026-07-25')).toHaveAttribute('data-kind', 'weekend');
  await expect(calendar.day('2026-07-25')).toHaveAccessibleName(/^sábado 25 de julio de 2026, fin de semana/);

  const totals = expectedTotals(2026, 7);
  await expect(calendar.stat('business-days')).toHaveText(String(totals.days));
  await expect(calendar.stat('business-hours')).toHaveText(`${totals.hours} h`);
  await expect(calendar.stat('closed-weekdays')).toHaveText('3');

  await expect(calendar.notableDays).toHaveCount(3);
  await expect(calendar.notableDay('2026-07-23')).toContainText('Día de la Fuerza Aérea');
  await expect(calendar.notableDay('2026-07-28')).toContainText('Fiestas Patrias');
  await expect(calendar.notableDay('2026-07-29')).toContainText('Feriado');
  await expectNoSeriousA11yViolations(page);
  await snap(page, 'calendar-es-PE-2026-07');
});

test('December 2026: the company closure on the 24th, Navidad on the 25th, and the totals without them', async ({ page }) => {
  const calendar = new CalendarScreen(new ConsoleShell(page));
  await calendar.open();
  await calendar.showMonth(2026, 12);

  await expect(calendar.day('2026-12-24')).toHaveAttribute('data-kind', 'closure');
  await expect(calendar.day('2026-12-24')).toHaveAccessibleName(`jueves 24 de diciembre de 2026, cierre de la empresa: ${COMPANY_CLOSURE.name}`);
  await expect(calendar.day('2026-12-25')).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2026-12-25')).toHaveAccessibleName(/^viernes 25 de diciembre de 2026, feriado: Navidad/);
  await expect(calendar.day('2026-12-08')).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2026-12-09')).toHaveAttribute('data-kind', 'holiday');

  const totals = expectedTotals(2026, 12, [COMPANY_CLOSURE.date]);
  await expect(calendar.stat('business-days')).toHaveText(String(totals.days));
  await expect(calendar.stat('business-hours')).toHaveText(`${totals.hours} h`);
  await expect(calendar.stat('closed-weekdays')).toHaveText('4');
  await expect(calendar.notableDay('2026-12-24')).toContainText('Cierre de la empresa');
  await expect(calendar.notableDay('2026-12-24')).toContainText(COMPANY_CLOSURE.name);
  await expect(calendar.notableDay('2026-12-25')).toContainText('Navidad');
  // The closure's long name is cut to two lines in its cell, whole in the title: every week keeps the same height.
  await expectCutToTwoLines(calendar.day('2026-12-24').locator('.day__name'), COMPANY_CLOSURE.name);
  expect(new Set(await calendar.weekHeights()).size).toBe(1);
  await expectNoSeriousA11yViolations(page);
  await snap(page, 'calendar-es-PE-2026-12');
});

test('"Hoy" shows the current Lima month with today marked; ← and → change the month', async ({ page }) => {
  const calendar = new CalendarScreen(new ConsoleShell(page));
  await calendar.open();
  await calendar.showMonth(2026, 7);

  await calendar.todayButton.click();
  const today = limaToday();
  await calendar.expectMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  await expect(calendar.grid.locator('td[aria-current="date"]')).toHaveAttribute('data-date', today);
  await expect(calendar.day(today)).toHaveAccessibleName(/, hoy$/);

  await calendar.showMonth(2026, 7);
  await calendar.monthTitle.click();
  await page.keyboard.press('ArrowRight');
  await calendar.expectMonth(2026, 8);
  await expect(calendar.monthTitle).toHaveText('Agosto de 2026');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await calendar.expectMonth(2026, 6);
  await calendar.nextButton.click();
  await calendar.expectMonth(2026, 7);
});

test('district lookup: Surco and SJL inside, Huaral outside, 150122 is Miraflores', async ({ page }) => {
  const calendar = new CalendarScreen(new ConsoleShell(page));
  await calendar.open();

  let result = await calendar.lookUp('Surco');
  await expect(result).toContainText(`Santiago de Surco — dentro del área de servicio · ${zoneOf('150140')}`);
  await expect(result.locator('[data-in-area]')).toHaveAttribute('data-in-area', 'true');
  await expect(result).toContainText('UBIGEO 150140 · Provincia de Lima');

  result = await calendar.lookUp('SJL');
  await expect(result).toContainText(`San Juan de Lurigancho — dentro del área de servicio · ${zoneOf('150132')}`);
  await expect(result.locator('[data-in-area]')).toHaveAttribute('data-in-area', 'true');

  result = await calendar.lookUp('Huaral');
  await expect(result).toContainText('Huaral — fuera del área de servicio: Provincia de Huaral');
  await expect(result.locator('[data-in-area]')).toHaveAttribute('data-in-area', 'false');
  await snap(page, 'calendar-es-PE-lookup-outside');

  result = await calendar.lookUp('150122');
  await expect(result).toContainText(`Miraflores — dentro del área de servicio · ${zoneOf('150122')}`);
  await expect(result).toHaveAttribute('aria-live', 'polite');
  await expectNoSeriousA11yViolations(page);
});

test('in English the calendar, totals and lookup speak English', async ({ page }) => {
  const shell = new ConsoleShell(page);
  const calendar = new CalendarScreen(shell);
  await shell.chooseLanguage('en');
  try {
    await calendar.open();
    await calendar.showMonth(2026, 7);
    await expect(calendar.monthTitle).toHaveText('July 2026');
    await expect(calendar.day('2026-07-28')).toHaveAccessibleName(/^Tuesday, July 28, 2026, holiday: Fiestas Patrias/);
    await expect(page.getByTestId('month-totals')).toContainText('Business days');
    await expect(calendar.stat('business-hours')).toHaveText(`${expectedTotals(2026, 7).hours} h`);
    const result = await calendar.lookUp('Miraflores');
    await expect(result).toContainText(`Miraflores — inside the service area · ${zoneOf('150122')}`);
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'calendar-en-2026-07');

    await calendar.showMonth(2026, 12);
    await expect(calendar.day('2026-12-24')).toHaveAccessibleName(`Thursday, December 24, 2026, company closure: ${COMPANY_CLOSURE.name}`);
    await expectCutToTwoLines(calendar.day('2026-12-24').locator('.day__name'), COMPANY_CLOSURE.name);
    expect(new Set(await calendar.weekHeights()).size).toBe(1);
    await snap(page, 'calendar-en-2026-12');
  } finally {
    await shell.chooseLanguage('es-PE');
  }
});
