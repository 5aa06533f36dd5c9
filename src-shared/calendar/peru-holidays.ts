/**
 * Peru's national holidays (feriados nacionales), from the `date-holidays` package.
 *
 * date-holidays >= 3.35 has the right dates (older versions miss 7 Jun, 23 Jul,
 * 6 Aug and 9 Dec); the reference file /work/shared/reference/peru-holidays.json
 * is the yardstick and test/unit/shared/calendar-holidays.test.ts holds it to it.
 * Decreed "días no laborables" are NOT here: they bind private employers only by
 * agreement, so the company adopts them as closures (CalendarOverride).
 */
import Holidays from 'date-holidays';
import { assertYear } from './lima-time.ts';
import type { NationalHoliday } from './types.ts';

/**
 * The names the laws use, keyed by the date-holidays rule (without its "since YYYY" part).
 * The library's own Spanish names drift from the legal ones ("Día del Trabajador",
 * "La inmaculada concepción"); a holiday whose rule is not listed keeps the library's
 * name, so a new law picked up by a date-holidays update still shows, just less polished.
 */
const LEGAL_NAMES: Readonly<Record<string, string>> = {
  '01-01': 'Año Nuevo',
  'easter -3': 'Jueves Santo',
  'easter -2': 'Viernes Santo',
  '05-01': 'Día del Trabajo',
  '06-07': 'Batalla de Arica y Día de la Bandera',
  '06-29': 'San Pedro y San Pablo',
  '07-23': 'Día de la Fuerza Aérea del Perú',
  '07-28': 'Fiestas Patrias',
  '07-29': 'Fiestas Patrias',
  '08-06': 'Batalla de Junín',
  '08-30': 'Santa Rosa de Lima',
  '10-08': 'Combate de Angamos',
  '11-01': 'Todos los Santos',
  '12-08': 'Inmaculada Concepción',
  '12-09': 'Batalla de Ayacucho',
  '12-25': 'Navidad del Señor',
};

/** date-holidays lists Easter Sunday ("Pascua"); it is not a feriado by law (and a Sunday anyway). */
const EASTER_SUNDAY_RULE = 'easter';

// Building a Holidays instance parses the country rules, which is slow next to a
// calendar lookup: create it on first use, once per process, and cache each year.
let peru: Holidays | null = null;
const byYear = new Map<number, ReadonlyArray<NationalHoliday>>();

function peruHolidays(): Holidays {
  peru ??= new Holidays('PE', { languages: 'es', timezone: 'America/Lima', types: ['public'] });
  return peru;
}

/** Peru's national holidays in a year, in date order, Easter Sunday dropped, legal Spanish names. */
export function peruNationalHolidays(year: number): ReadonlyArray<NationalHoliday> {
  assertYear(year);
  const cached = byYear.get(year);
  if (cached !== undefined) return cached;
  const list = peruHolidays()
    .getHolidays(year, 'es')
    .filter((h) => h.type === 'public' && h.rule !== EASTER_SUNDAY_RULE)
    .map((h): NationalHoliday => {
      const ruleKey = h.rule.split(' since ')[0] ?? h.rule;
      return { date: h.date.slice(0, 10), name: LEGAL_NAMES[ruleKey] ?? h.name };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
  byYear.set(year, frozen);
  return frozen;
}
