/** The month the Calendario screen shows. Starts at the current Lima month; kept while moving between screens. */
import { create } from 'zustand';
import { addMonths, limaDateOf, parseIsoDate } from '../i18n/format.ts';

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export function currentLimaMonth(now: Date = new Date()): YearMonth {
  const { year, month } = parseIsoDate(limaDateOf(now));
  return { year, month };
}

interface CalendarState {
  readonly shown: YearMonth;
}

const useCalendarStore = create<CalendarState>()(() => ({ shown: currentLimaMonth() }));

export const useShownMonth = (): YearMonth => useCalendarStore((s) => s.shown);

export const calendarActions = {
  previous: (): void => useCalendarStore.setState((s) => ({ shown: addMonths(s.shown.year, s.shown.month, -1) })),
  next: (): void => useCalendarStore.setState((s) => ({ shown: addMonths(s.shown.year, s.shown.month, 1) })),
  today: (): void => useCalendarStore.setState({ shown: currentLimaMonth() }),
  show: (shown: YearMonth): void => useCalendarStore.setState({ shown }),
};
