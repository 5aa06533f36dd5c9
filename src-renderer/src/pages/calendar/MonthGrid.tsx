/**
 * The month as a real table: a caption, weekday column headers, weeks as rows.
 * Each day cell carries its full spoken label (date, status, holiday name) for
 * screen readers, while the visible content stays compact: a long holiday or
 * closure name is cut to two lines (its full text in a title), so a name never
 * makes one week taller than the others.
 */
import type { ReactNode } from 'react';
import type { CalendarDay, CalendarMonth } from '../../../../src-shared/ipc/desk-api.ts';
import { formatMonthYear, weekdayNames } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { dayKind, dayLabel, hoursOf, weeksOf } from './month-layout.ts';

function DayCell({ day, today }: { readonly day: CalendarDay; readonly today: string }): ReactNode {
  const translator = useT();
  const { t } = translator;
  const kind = dayKind(day);
  const isToday = day.date === today;
  const dayNumber = Number(day.date.slice(8));
  const showHours = kind === 'open' || kind === 'opening';
  return (
    <td
      className={`day day--${kind}${isToday ? ' day--today' : ''}`}
      data-date={day.date}
      data-kind={kind}
      aria-current={isToday ? 'date' : undefined}
    >
      <span className="sr-only">{dayLabel(day, translator, today)}</span>
      <div className="day__inner" aria-hidden="true">
        <div className="day__top">
          <span className="day__number">{dayNumber}</span>
          {isToday ? <span className="day__today">{t('calendar.kind.today')}</span> : null}
        </div>
        {showHours ? (
          <span className="day__hours">{t('calendar.hoursRange', hoursOf(day))}</span>
        ) : null}
        {/* Two lines at most, so every week row has the same height; the whole name is in the title (mouse) and in the cell's label above (screen readers). */}
        {day.name ? (
          <span className="day__name" title={day.name}>
            {day.name}
          </span>
        ) : null}
      </div>
    </td>
  );
}

export function MonthGrid({ month, today }: { readonly month: CalendarMonth; readonly today: string }): ReactNode {
  const { t, locale } = useT();
  const weeks = weeksOf(month);
  return (
    <table className="month" data-testid="month-grid">
      <caption className="sr-only">{t('calendar.caption', { month: formatMonthYear(month.year, month.month, locale) })}</caption>
      <thead>
        <tr>
          {weekdayNames(locale).map((weekday) => (
            <th key={weekday.isoWeekday} scope="col" className={weekday.isoWeekday >= 6 ? 'month__weekend' : undefined}>
              <span aria-hidden="true">{weekday.short}</span>
              <span className="sr-only">{weekday.long}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find((d) => d)?.date}>
            {week.map((day, i) => (day ? <DayCell key={day.date} day={day} today={today} /> : <td key={`pad-${i}`} className="day day--pad" />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
