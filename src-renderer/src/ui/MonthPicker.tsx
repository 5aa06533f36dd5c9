/**
 * The small month grid a DateField opens (the WAI-ARIA "date picker dialog"
 * pattern): a non-modal dialog with the month's name, previous/next month
 * buttons and a grid of days, Monday first. Arrows move by day and week,
 * Home/End to the start/end of the week, Page Up/Page Down by month (with
 * Shift by year), Enter or Space picks, Escape closes. Days outside
 * [min, max] cannot be picked, and the keyboard never lands on them.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatLongDate, formatMonthYear, parseIsoDate, weekdayNames } from '../i18n/format.ts';
import { addDays, addMonthsToDate, clampDate, isoWeekday, monthWeeks } from '../i18n/date-entry.ts';
import { useT } from '../i18n/index.ts';
import { Icon } from './icons.tsx';

export interface MonthPickerProps {
  /** Accessible name of the dialog. */
  readonly label: string;
  /** The date in the field, when it holds a valid one. */
  readonly selected: string | null;
  readonly today: string;
  readonly min?: string;
  readonly max?: string;
  readonly onPick: (iso: string) => void;
  /** Escape: close and give focus back to whoever opened the grid. */
  readonly onClose: () => void;
  readonly testId?: string;
}

/** Where a key moves the focused day, or null when the key is not the grid's. */
function moveFor(event: KeyboardEvent, from: string): string | null {
  switch (event.key) {
    case 'ArrowLeft':
      return addDays(from, -1);
    case 'ArrowRight':
      return addDays(from, 1);
    case 'ArrowUp':
      return addDays(from, -7);
    case 'ArrowDown':
      return addDays(from, 7);
    case 'Home':
      return addDays(from, 1 - isoWeekday(from));
    case 'End':
      return addDays(from, 7 - isoWeekday(from));
    case 'PageUp':
      return addMonthsToDate(from, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonthsToDate(from, event.shiftKey ? 12 : 1);
    default:
      return null;
  }
}

export function MonthPicker({ label, selected, today, min, max, onPick, onClose, testId }: MonthPickerProps): ReactNode {
  const { t, locale } = useT();
  const range = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  const [focused, setFocused] = useState(() => clampDate(selected ?? today, range));
  /** Set when the keyboard (or opening) moved the focused day, so the effect below moves DOM focus to it. */
  const focusGrid = useRef(true);
  const gridRef = useRef<HTMLTableElement>(null);
  const headingId = useId();
  const keysId = useId();
  const { year, month } = parseIsoDate(focused);
  const firstOfMonth = `${focused.slice(0, 7)}-01`;
  const lastOfMonth = addDays(addMonthsToDate(firstOfMonth, 1), -1);

  useEffect(() => {
    if (!focusGrid.current) return;
    focusGrid.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const moveTo = (iso: string, takeFocus: boolean): void => {
    focusGrid.current = takeFocus;
    setFocused(clampDate(iso, range));
  };

  return (
    <div
      className="month-picker"
      role="dialog"
      aria-modal="false"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Escape closes the grid only; the ticket page must not read it as "back to the queue".
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="month-picker__head">
        <button
          type="button"
          className="button button--ghost button--small month-picker__step"
          aria-label={t('date.prevMonth')}
          title={t('date.prevMonth')}
          disabled={min !== undefined && firstOfMonth <= min}
          onClick={() => moveTo(addMonthsToDate(focused, -1), false)}
        >
          <Icon name="chevronLeft" />
        </button>
        <h3 id={headingId} className="month-picker__title" aria-live="polite">
          {formatMonthYear(year, month, locale)}
        </h3>
        <button
          type="button"
          className="button button--ghost button--small month-picker__step"
          aria-label={t('date.nextMonth')}
          title={t('date.nextMonth')}
          disabled={max !== undefined && lastOfMonth >= max}
          onClick={() => moveTo(addMonthsToDate(focused, 1), false)}
        >
          <Icon name="chevronRight" />
        </button>
      </div>
      <table
        ref={gridRef}
        className="month-picker__grid"
        role="grid"
        aria-labelledby={headingId}
        aria-describedby={keysId}
        onKeyDown={(event) => {
          const target = moveFor(event, focused);
          if (target === null) return;
          event.preventDefault();
          event.stopPropagation();
          moveTo(target, true);
        }}
      >
        <thead>
          <tr>
            {weekdayNames(locale).map((w) => (
              <th key={w.isoWeekday} scope="col" abbr={w.long}>
                {w.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, row) => (
            <tr key={row}>
              {week.map((iso, column) => {
                if (iso === null) return <td key={column} className="month-picker__pad" />;
                const outside = (min !== undefined && iso < min) || (max !== undefined && iso > max);
                return (
                  <td key={iso} aria-selected={iso === selected}>
                    <button
                      type="button"
                      className={`month-picker__day${iso === selected ? ' is-selected' : ''}${iso === today ? ' is-today' : ''}`}
                      data-date={iso}
                      tabIndex={iso === focused ? 0 : -1}
                      disabled={outside}
                      aria-label={formatLongDate(iso, locale)}
                      aria-current={iso === today ? 'date' : undefined}
                      onClick={() => onPick(iso)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {/* The keys as a list, one per line, key → what it does (a sentence with separators wrapped with a "·" left at
          the line end); screen readers get the same as the grid's description, one sentence. */}
      <p id={keysId} className="sr-only">
        {t('date.keys')}
      </p>
      <dl className="month-picker__keys" aria-hidden="true" data-testid={testId === undefined ? undefined : `${testId}-keys`}>
        <dt>
          <kbd>{t('date.key.arrows')}</kbd>
        </dt>
        <dd>{t('date.keys.move')}</dd>
        <dt>
          <kbd>{t('date.key.pageUp')}</kbd> <kbd>{t('date.key.pageDown')}</kbd>
        </dt>
        <dd>{t('date.keys.month')}</dd>
        <dt>
          <kbd>Enter</kbd>
        </dt>
        <dd>{t('date.keys.pick')}</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t('date.keys.close')}</dd>
      </dl>
    </div>
  );
}
