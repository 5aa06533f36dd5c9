/**
 * Logging work on the ticket: remote or on-site, with a start/stop timer
 * that survives navigation (timer-store.ts) or a typed duration ("1 h",
 * "45 min", "1:30"). The rounding rule of the chosen kind is stated next to
 * the field, and the minutes sent are the rounded ones.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import { WORK_KINDS, type WorkKind } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useEdit } from '../../desk/use-edit.ts';
import { limaDateOf } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { openTicket } from '../../state/route-store.ts';
import { timerActions, useRunningTimer } from '../../state/timer-store.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { elapsedMinutes, formatClock, formatMinutes, parseDuration, roundWork } from './duration.ts';

/** A second-by-second clock, only while a timer is on screen. */
function useSecondTicks(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function TimerControl({ detail, kind, onStopped }: { readonly detail: TicketDetail; readonly kind: WorkKind; readonly onStopped: (minutes: number, kind: WorkKind) => void }): ReactNode {
  const { t, locale } = useT();
  const running = useRunningTimer();
  const here = running !== null && running.ticketId === detail.ticket.id;
  const now = useSecondTicks(here);
  if (running !== null && !here) {
    const ticket = running.ticketNumber === null ? '…' : `#${running.ticketNumber}`;
    return (
      <div className="timer timer--elsewhere" data-testid="timer" data-state="elsewhere">
        <p>{t('time.runningElsewhere', { ticket })}</p>
        <button type="button" className="button button--small" onClick={() => openTicket(running.ticketId)}>
          {t('time.openRunning')}
        </button>
      </div>
    );
  }
  if (here) {
    const elapsed = formatClock(Math.max(0, now - running.startedAt));
    return (
      <div className="timer timer--running" data-testid="timer" data-state="running" data-started-at={running.startedAt}>
        <span className="timer__pulse" aria-hidden="true" />
        <span className="timer__clock" role="timer" aria-label={t('time.running', { elapsed })}>
          {elapsed}
        </span>
        <span className="timer__kind">{labelOf('workKind', running.kind, locale)}</span>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const stopped = timerActions.stop();
            if (stopped) onStopped(elapsedMinutes(stopped.startedAt, Date.now()), stopped.kind);
          }}
        >
          <Icon name="stop" />
          {t('time.stop')}
        </button>
      </div>
    );
  }
  return (
    <div className="timer" data-testid="timer" data-state="idle">
      <span className="timer__label">{t('time.timer')}</span>
      <button type="button" className="button button--small" onClick={() => timerActions.start(detail.ticket.id, detail.ticket.number, kind)}>
        <Icon name="play" />
        {t('time.start')}
      </button>
    </div>
  );
}

export function TimePanel({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, locale } = useT();
  const edit = useEdit();
  const [kind, setKind] = useState<WorkKind>('remote');
  const [typed, setTyped] = useState('');
  const [workDate, setWorkDate] = useState<string | null>(() => limaDateOf(new Date()));
  const [note, setNote] = useState('');
  const [billable, setBillable] = useState(true);
  const [fromTimer, setFromTimer] = useState<string | null>(null);

  const parsed = parseDuration(typed);
  const rounded = parsed.ok ? roundWork(parsed.minutes, kind) : null;
  const kindLabel = labelOf('workKind', kind, locale).toLocaleLowerCase(locale);
  const totals = detail.timeEntries.reduce((sum, e) => ({ ...sum, [e.kind]: sum[e.kind] + e.minutes }), { remote: 0, onsite: 0 } as Record<WorkKind, number>);

  return (
    <section className="card side-card" aria-labelledby="time-title" data-testid="time-panel">
      <h2 id="time-title" className="side-card__title">
        {t('time.title')}
      </h2>
      <fieldset className="fieldset segmented" aria-describedby="time-rule">
        <legend className="field__label">{t('time.kind')}</legend>
        {WORK_KINDS.map((k) => (
          <label key={k} className={`segmented__option${kind === k ? ' is-on' : ''}`}>
            <input type="radio" name="work-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {labelOf('workKind', k, locale)}
          </label>
        ))}
      </fieldset>
      <p id="time-rule" className="field__help" data-testid="rounding-rule">
        {kind === 'remote' ? t('time.rule.remote') : t('time.rule.onsite')}
      </p>

      <TimerControl
        detail={detail}
        kind={kind}
        onStopped={(minutes, timerKind) => {
          setKind(timerKind);
          setTyped(formatMinutes(minutes));
          setFromTimer(formatMinutes(minutes));
        }}
      />

      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (rounded === null || workDate === null) return;
          void edit
            .apply('time.log', { ticketId: detail.ticket.id, kind, minutes: rounded, workDate, billable, ...(note.trim() === '' ? {} : { note: note.trim() }) })
            .then((id) => {
              if (id === null) return;
              setTyped('');
              setNote('');
              setFromTimer(null);
            });
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="time-duration">
            {t('time.manual')}
          </label>
          <input
            id="time-duration"
            className="input"
            inputMode="text"
            autoComplete="off"
            placeholder="1 h · 45 min · 1:30"
            value={typed}
            aria-describedby="time-duration-help"
            aria-invalid={typed.trim() !== '' && !parsed.ok}
            data-testid="time-duration"
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setFromTimer(null);
            }}
          />
          <p id="time-duration-help" className="field__help" data-testid="time-preview" aria-live="polite">
            {fromTimer ? `${t('time.fromTimer', { elapsed: fromTimer })} ` : ''}
            {typed.trim() === ''
              ? t('time.manualHelp')
              : !parsed.ok
                ? parsed.reason === 'tooLong'
                  ? t('time.tooLong')
                  : t('time.invalid')
                : rounded === parsed.minutes
                  ? t('time.parsed', { rounded: formatMinutes(rounded), kind: kindLabel })
                  : t('time.parsedRounded', { typed: formatMinutes(parsed.minutes), rounded: formatMinutes(rounded ?? 0), kind: kindLabel })}
          </p>
        </div>
        {/* Work is logged for today or earlier: the server refuses future dates. */}
        <DateField id="time-date" label={t('time.date')} value={workDate} max={limaDateOf(new Date())} onChange={setWorkDate} testId="time-date" />
        <div className="field">
          <label className="field__label" htmlFor="time-note">
            {t('time.note')}
          </label>
          <input id="time-note" className="input" maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={billable} onChange={(event) => setBillable(event.currentTarget.checked)} />
          {t('time.billable')}
        </label>
        <button type="submit" className="button button--primary" disabled={rounded === null || workDate === null || edit.state.status === 'saving'} data-testid="log-time">
          <Icon name="timer" />
          {t('time.log')}
        </button>
        {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
      </form>

      <p className="muted time-total" data-testid="time-total">
        {t('time.total', { remote: formatMinutes(totals.remote), onsite: formatMinutes(totals.onsite) })}
      </p>
    </section>
  );
}
