/** Beside the grid: the month's totals, the legend, and the list of holidays and closures. */
import type { ReactNode } from 'react';
import type { CalendarMonth } from '../../../../src-shared/ipc/desk-api.ts';
import { formatDayMonth, formatHours, parseIsoDate, weekdayNames } from '../../i18n/format.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { closedWeekdays, dayKind, notableDays, type DayKind } from './month-layout.ts';

export function MonthTotals({ month }: { readonly month: CalendarMonth }): ReactNode {
  const { t, locale } = useT();
  const numbers = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE');
  const stats: ReadonlyArray<{ readonly id: string; readonly label: MessageKey; readonly value: string }> = [
    { id: 'business-days', label: 'calendar.totals.businessDays', value: numbers.format(month.businessDays) },
    { id: 'business-hours', label: 'calendar.totals.businessHours', value: t('calendar.hoursValue', { hours: formatHours(month.businessMinutes, locale) }) },
    { id: 'closed-weekdays', label: 'calendar.totals.closedWeekdays', value: numbers.format(closedWeekdays(month)) },
  ];
  return (
    <section className="card" aria-labelledby="totals-title" data-testid="month-totals">
      <h2 id="totals-title" className="card__title">
        {t('calendar.totals.title')}
      </h2>
      <dl className="stats">
        {stats.map((stat) => (
          <div className="stats__item" key={stat.id} data-stat={stat.id}>
            <dt>{t(stat.label)}</dt>
            <dd>{stat.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const LEGEND: ReadonlyArray<{ readonly kind: DayKind | 'today'; readonly label: MessageKey }> = [
  { kind: 'open', label: 'calendar.kind.open' },
  { kind: 'weekend', label: 'calendar.kind.weekend' },
  { kind: 'holiday', label: 'calendar.kind.holiday' },
  { kind: 'closure', label: 'calendar.kind.closure' },
  { kind: 'opening', label: 'calendar.kind.opening' },
  { kind: 'today', label: 'calendar.kind.today' },
];

export function Legend(): ReactNode {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="legend-title">
      <h2 id="legend-title" className="card__title">
        {t('calendar.legend.title')}
      </h2>
      <ul className="legend">
        {LEGEND.map((item) => (
          <li key={item.kind}>
            <span className={`swatch swatch--${item.kind}`} aria-hidden="true" />
            {t(item.label)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NotableDays({ month }: { readonly month: CalendarMonth }): ReactNode {
  const { t, locale } = useT();
  const days = notableDays(month);
  const weekdays = weekdayNames(locale);
  return (
    <section className="card" aria-labelledby="notable-title" data-testid="notable-days">
      <h2 id="notable-title" className="card__title">
        {t('calendar.events.title')}
      </h2>
      {days.length === 0 ? (
        <p className="muted">{t('calendar.events.empty')}</p>
      ) : (
        <ul className="events">
          {days.map((day) => {
            const kind = dayKind(day);
            const weekday = weekdays[day.weekday - 1];
            return (
              <li key={day.date} className="events__item" data-date={day.date} data-kind={kind}>
                <span className="events__date">
                  <span className="events__weekday">{weekday?.short}</span>
                  <span className="events__day">{parseIsoDate(day.date).day}</span>
                </span>
                <span className="events__text">
                  <span className="events__name">{day.name}</span>
                  <span className="events__meta">
                    <span className={`tag tag--${kind}`}>
                      {t(kind === 'holiday' ? 'calendar.kind.holiday' : kind === 'closure' ? 'calendar.kind.closure' : 'calendar.kind.opening')}
                    </span>
                    <span className="sr-only">, </span>
                    <span>{formatDayMonth(day.date, locale)}</span>
                    {day.weekday >= 6 && kind !== 'opening' ? <span className="muted"> · {t('calendar.events.onWeekend')}</span> : null}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
