/** Form controls shared by several screens: the date field and its calendar (English). */
import type { CatalogPart } from '../catalog.ts';
import type { formsEs } from './forms.es-PE.ts';

export const formsEn: CatalogPart<typeof formsEs> = {
  'date.help': 'Day, month and year: dd/mm/yyyy.',
  'date.today': 'Today, {date}.',
  'date.yesterday': 'Yesterday, {date}.',
  'date.other': '{date}.',
  'date.error.empty': 'Type the date as dd/mm/yyyy.',
  'date.error.format': 'That date is not clear. Type it as dd/mm/yyyy (day first), for example {example}.',
  'date.error.noSuchDay': 'That date does not exist. Check the day and the month (dd/mm/yyyy).',
  'date.error.afterToday': 'It cannot be a future date: today is {max}.',
  'date.error.afterMax': 'The date cannot be after {max}.',
  'date.error.beforeMin': 'The date cannot be before {min}.',
  'date.pick': 'Pick from the calendar',
  'date.picker': '{label}: pick from the calendar',
  'date.prevMonth': 'Previous month',
  'date.nextMonth': 'Next month',
  'date.keys': 'Arrows: day and week. Page Up and Page Down: month. Enter: pick. Escape: close.',
  'date.key.arrows': 'Arrows',
  'date.key.pageUp': 'PgUp',
  'date.key.pageDown': 'PgDn',
  'date.keys.move': 'day and week',
  'date.keys.month': 'month',
  'date.keys.pick': 'pick',
  'date.keys.close': 'close',
};
