/**
 * A calendar date typed the Peruvian way, dd/mm/aaaa, whatever the
 * browser's or the operating system's locale (a native <input type="date">
 * follows those, and showed 11/23/2026 to a technician working in Spanish).
 *
 * A text input with the format as placeholder; under it, the date spelled
 * out in the UI language ("Hoy, lunes 23 de noviembre de 2026.") or what is
 * wrong with it. Arrow up/down move the date by a day; Alt+Arrow down or the
 * calendar button opens a month grid (MonthPicker) below the field, under
 * the help line so an error stays in view. The value in and out is
 * ISO `YYYY-MM-DD`, or null while the text is not a usable date, so the form
 * can hold its submit. Parsing rules: i18n/date-entry.ts.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { addDays, clampDate, DATE_ENTRY_PATTERN, formatDateEntry, parseDateEntry, type DateEntry, type DateEntryRules } from '../i18n/date-entry.ts';
import { formatLongDate, limaDateOf } from '../i18n/format.ts';
import { useT, type Translator } from '../i18n/index.ts';
import { useClock } from '../state/clock-store.ts';
import { Icon } from './icons.tsx';
import { MonthPicker } from './MonthPicker.tsx';

export interface DateFieldProps {
  readonly id: string;
  readonly label: string;
  /** ISO date, or null when the field holds no usable date. */
  readonly value: string | null;
  readonly onChange: (iso: string | null) => void;
  readonly min?: string;
  readonly max?: string;
  readonly testId?: string;
}

type Message = { readonly kind: 'help' | 'error'; readonly text: string };

/** Problems that only mean "not finished yet" while the person is still typing. */
const UNFINISHED: ReadonlySet<string> = new Set(['empty', 'format']);

function messageFor(entry: DateEntry, rules: DateEntryRules, t: Translator['t'], locale: Locale): Message {
  if (entry.ok) {
    const date = formatLongDate(entry.iso, locale);
    const key = entry.iso === rules.today ? 'date.today' : entry.iso === addDays(rules.today, -1) ? 'date.yesterday' : 'date.other';
    return { kind: 'help', text: t(key, { date }) };
  }
  switch (entry.problem) {
    case 'empty':
      return { kind: 'error', text: t('date.error.empty') };
    case 'format':
      return { kind: 'error', text: t('date.error.format', { example: formatDateEntry(rules.max ?? rules.today) }) };
    case 'noSuchDay':
      return { kind: 'error', text: t('date.error.noSuchDay') };
    case 'afterMax': {
      const max = formatDateEntry(rules.max ?? rules.today);
      return { kind: 'error', text: rules.max === rules.today ? t('date.error.afterToday', { max }) : t('date.error.afterMax', { max }) };
    }
    case 'beforeMin':
      return { kind: 'error', text: t('date.error.beforeMin', { min: formatDateEntry(rules.min ?? rules.today) }) };
  }
}

export function DateField({ id, label, value, onChange, min, max, testId }: DateFieldProps): ReactNode {
  const { t, locale } = useT();
  const today = limaDateOf(new Date(useClock()));
  const rules: DateEntryRules = { today, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  const [text, setText] = useState(() => (value === null ? '' : formatDateEntry(value)));
  /** Set once the person leaves the field: from then on an unfinished date is an error, not a draft. */
  const [committed, setCommitted] = useState(false);
  const [open, setOpen] = useState(false);
  const [shownValue, setShownValue] = useState(value);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const helpId = useId();
  const pickerId = useId();

  const entry = parseDateEntry(text, rules);
  // The form set another date (not one typed here): show it.
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== null && !(entry.ok && entry.iso === value)) setText(formatDateEntry(value));
  }

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const type = (next: string): void => {
    setText(next);
    const parsed = parseDateEntry(next, rules);
    const iso = parsed.ok ? parsed.iso : null;
    setShownValue(iso);
    onChange(iso);
  };
  const choose = (iso: string): void => type(formatDateEntry(iso));

  const message: Message =
    !entry.ok && UNFINISHED.has(entry.problem) && !committed
      ? { kind: 'help', text: t('date.help') }
      : messageFor(entry, rules, t, locale);
  const invalid = message.kind === 'error';

  return (
    <div ref={rootRef} className="field date-field" data-testid={testId} data-value={entry.ok ? entry.iso : ''}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="date-field__row">
        <input
          ref={inputRef}
          id={id}
          className="input date-field__input"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={DATE_ENTRY_PATTERN[locale]}
          value={text}
          aria-invalid={invalid}
          aria-describedby={helpId}
          aria-keyshortcuts="ArrowUp ArrowDown Alt+ArrowDown"
          onChange={(event) => type(event.currentTarget.value)}
          onBlur={() => {
            setCommitted(true);
            // "3/4" becomes "03/04/2026" once the person moves on: what was understood is what is shown.
            if (entry.ok && text !== formatDateEntry(entry.iso)) setText(formatDateEntry(entry.iso));
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
              return;
            }
            if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              const from = entry.ok ? entry.iso : (value ?? today);
              choose(clampDate(addDays(from, event.key === 'ArrowUp' ? 1 : -1), rules));
            }
          }}
        />
        <button
          ref={buttonRef}
          type="button"
          className="button button--small date-field__pick"
          aria-label={t('date.pick')}
          title={t('date.pick')}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? pickerId : undefined}
          onClick={() => setOpen((was) => !was)}
        >
          <Icon name="calendar" />
        </button>
      </div>
      <p id={helpId} className={`field__help${invalid ? ' field__help--error' : ''}`} aria-live="polite" data-testid={testId === undefined ? undefined : `${testId}-help`}>
        {message.text}
      </p>
      {/* After the help line, not over it: the month grid opens below the field, so what is wrong with the date stays in view. */}
      {open ? (
        <div id={pickerId} className="date-field__popup">
          <MonthPicker
            label={t('date.picker', { label })}
            selected={entry.ok ? entry.iso : null}
            today={today}
            {...(min === undefined ? {} : { min })}
            {...(max === undefined ? {} : { max })}
            {...(testId === undefined ? {} : { testId: `${testId}-picker` })}
            onPick={(iso) => {
              choose(iso);
              setCommitted(true);
              setOpen(false);
              inputRef.current?.focus();
            }}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
