/**
 * Ajustes › Calendario: the company's business calendar month by month
 * (from the desk's `calendar.month`), with totals, legend, the month's
 * holidays and closures, and the service-area lookup.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useDeskQuery } from '../../desk/desk-context.tsx';
import { formatMonthYear, limaDateOf, monthNames } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { useNow } from '../../shell/use-now.ts';
import { hasModifier, isTypingTarget } from '../../shell/use-shortcuts.ts';
import { calendarActions, useShownMonth } from '../../state/calendar-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { DistrictLookup } from './DistrictLookup.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { Legend, MonthTotals, NotableDays } from './MonthSummary.tsx';

/** Synced rows that change what the month shows (holidays and company closures arrive as `calendarDay`). */
const CALENDAR_ENTITIES = ['calendarDay'] as const;

/** The years `calendar.month` accepts. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function useMonthArrowKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || hasModifier(event) || event.shiftKey || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'ArrowLeft') {
        event.preventDefault();
        calendarActions.previous();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        calendarActions.next();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Jump straight to a month: a month list in the UI language and a year field (the native month input speaks the browser's language, not ours). */
function MonthJump(): ReactNode {
  const { t, locale } = useT();
  const shown = useShownMonth();
  const [yearText, setYearText] = useState(String(shown.year));
  useEffect(() => setYearText(String(shown.year)), [shown.year]);
  return (
    <div className="toolbar__jump">
      <label className="sr-only" htmlFor="jump-month">
        {t('calendar.jump.month')}
      </label>
      <select
        id="jump-month"
        className="input select"
        value={shown.month}
        data-testid="month-select"
        onChange={(event) => calendarActions.show({ year: shown.year, month: Number(event.currentTarget.value) })}
      >
        {monthNames(locale).map((name, i) => (
          <option key={name} value={i + 1}>
            {name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="jump-year">
        {t('calendar.jump.year')}
      </label>
      <input
        id="jump-year"
        className="input input--year"
        type="number"
        inputMode="numeric"
        min={MIN_YEAR}
        max={MAX_YEAR}
        value={yearText}
        data-testid="year-input"
        onChange={(event) => {
          const text = event.currentTarget.value;
          setYearText(text);
          const year = Number(text);
          if (/^\d{4}$/.test(text) && year >= MIN_YEAR && year <= MAX_YEAR) calendarActions.show({ year, month: shown.month });
        }}
      />
    </div>
  );
}

function MonthToolbar({ label }: { readonly label: string }): ReactNode {
  const { t } = useT();
  return (
    <div className="toolbar" role="group" aria-label={t('calendar.monthNav')}>
      <div className="button-group">
        <button type="button" className="button button--icon" onClick={calendarActions.previous} aria-label={t('calendar.prevMonth')} aria-keyshortcuts="ArrowLeft">
          <Icon name="chevronLeft" />
        </button>
        <button type="button" className="button" onClick={calendarActions.today}>
          {t('calendar.today')}
        </button>
        <button type="button" className="button button--icon" onClick={calendarActions.next} aria-label={t('calendar.nextMonth')} aria-keyshortcuts="ArrowRight">
          <Icon name="chevronRight" />
        </button>
      </div>
      <h2 className="toolbar__title" aria-live="polite" data-testid="month-title">
        {label}
      </h2>
      <MonthJump />
      <p className="toolbar__hint muted">{t('calendar.keysHint')}</p>
    </div>
  );
}

export function CalendarPage(): ReactNode {
  const { t, locale } = useT();
  const shown = useShownMonth();
  const today = limaDateOf(useNow(60_000));
  const { state, reload } = useDeskQuery('calendar.month', { year: shown.year, month: shown.month }, CALENDAR_ENTITIES);
  useMonthArrowKeys();

  const monthKey = `${shown.year}-${String(shown.month).padStart(2, '0')}`;
  // While the next month loads, the previous one stays on screen, dimmed and marked busy; `ready` means this month's answer is shown.
  const month = state.status === 'error' ? null : (state.value ?? null);
  const isCurrent = state.status === 'ready' && month !== null && month.year === shown.year && month.month === shown.month;
  const dataState = state.status === 'error' ? 'error' : isCurrent ? 'ready' : 'loading';

  return (
    <div className="page calendar-page" data-page="calendar" data-state={dataState} data-month={monthKey}>
      <p className="page__intro">{t('calendar.intro')}</p>
      <MonthToolbar label={formatMonthYear(shown.year, shown.month, locale)} />
      <div className="calendar-layout">
        <div className="calendar-layout__main stack">
          {state.status === 'error' ? <ErrorNotice title={t('calendar.errorTitle')} error={state.error} onRetry={reload} /> : null}
          {month ? (
            <div className={isCurrent ? 'month-wrap' : 'month-wrap is-stale'} aria-busy={!isCurrent}>
              <MonthGrid month={month} today={today} />
            </div>
          ) : state.status === 'loading' ? (
            <p className="month-loading muted" role="status">
              {t('calendar.loading')}
            </p>
          ) : null}
          {month ? <NotableDays month={month} /> : null}
        </div>
        <div className="calendar-layout__side stack">
          {month ? <MonthTotals month={month} /> : null}
          <DistrictLookup />
          <Legend />
        </div>
      </div>
    </div>
  );
}
