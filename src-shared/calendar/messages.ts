/**
 * The Spanish sentences checkInterval hands back. Dispatchers read them in the
 * booking dialog and the server puts them in rejected mutations, so they name
 * the date and the rule in plain words.
 */
import { spanishDate, spanishWeekday } from './lima-time.ts';
import { STANDARD_CLOSES_AT, STANDARD_OPENS_AT } from './types.ts';

export const INVALID_INSTANT_MESSAGE = 'La fecha u hora indicada no es válida.';
export const END_NOT_AFTER_START_MESSAGE = 'La hora de fin debe ser posterior a la hora de inicio.';

export function holidayMessage(dayNumber: number, holidayName: string): string {
  return `El ${spanishDate(dayNumber)} es feriado (${holidayName}): no se atiende.`;
}

export function closureMessage(dayNumber: number, closureName: string): string {
  return `El ${spanishDate(dayNumber)} la empresa no atiende (${closureName}).`;
}

export function weekendMessage(dayNumber: number): string {
  return `El ${spanishWeekday(dayNumber)} ${spanishDate(dayNumber)} no es día hábil: se atiende de lunes a viernes, de ${STANDARD_OPENS_AT} a ${STANDARD_CLOSES_AT}.`;
}

export function outsideHoursMessage(opensAt: string, closesAt: string): string {
  return `La visita debe empezar desde las ${opensAt} y terminar a más tardar a las ${closesAt} del mismo día hábil.`;
}
