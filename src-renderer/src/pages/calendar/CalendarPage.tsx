/**
 * Ajustes › Calendario: the company's business calendar month by month
 * (from the desk's `calendar.month`), with totals, legend, the month's
 * holidays and closures, and the service-area lookup.
 */
import { useEffect, type ReactNode } from 'react';
import { useDeskQuery } from '../../desk/desk-context.tsx';
import { formatMonthYear, limaDateOf } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { useNow } from '../../shell/use-now.ts';
import { hasModifier, isTypingTarget } from '../../shell/use-shortcuts.ts';
import { calendarActions, useShownMonth } from '../../state/calendar-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { DistrictLookup } from './DistrictLookup.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { Legend, MonthTotals, NotableDays } from './MonthSummary.tsx';

const MONTH_INPUT = /^(\d{4})-(\d{2})$/;

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

function MonthToolbar({ label, monthValue }: { readonly label: string; readonly monthValue: string }): ReactNode {
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
      <label className="toolbar__jump">
        <span className="sr-only">{t('calendar.monthNav')}</span>
        <input
          className="input input--month"
          type="month"
          value={monthValue}
          min="1990-01"
          max="2100-12"
          data-testid="month-input"
          onChange={(event) => {
            const match = MONTH_INPUT.exec(event.currentTarget.value);
            if (match) calendarActions.show({ year: Number(match[1]), month: Number(match[2]) });
          }}
        />
      </label>
      <p className="toolbar__hint muted">{t('calendar.keysHint')}</p>
    </div>
  );
}

export function CalendarPage(): ReactNode {
  const { t, locale } = useT();
  const shown = useShownMonth();
  const today = limaDateOf(useNow(60_000));
  const { state, reload } = useDeskQuery('calendar.month', { year: shown.year, month: shown.month });
  useMonthArrowKeys();

  const monthKey = `${shown.year}-${String(shown.month).padStart(2, '0')}`;
  // While the next month loads, the previous one stays on screen, dimmed and marked busy; `ready` means this month's answer is shown.
  const month = state.status === 'error' ? null : (state.value ?? null);
  const isCurrent = state.status === 'ready' && month !== null && month.year === shown.year && month.month === shown.month;
  const dataState = state.status === 'error' ? 'error' : isCurrent ? 'ready' : 'loading';

  return (
    <div className="page calendar-page" data-page="calendar" data-state={dataState} data-month={monthKey}>
      <p className="page__intro">{t('calendar.intro')}</p>
      <MonthToolbar label={formatMonthYear(shown.year, shown.month, locale)} monthValue={monthKey} />
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
          <Legend />
          <DistrictLookup />
        </div>
      </div>
    </div>
  );
}
