/**
 * The cells of a queue row. Each is a small component so it can use the
 * translator and the shared clock; none does more than a label lookup or a
 * little arithmetic, because only the visible rows render but they render
 * often (scrolling, the clock).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { TicketStatus, Urgency } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { rankBand } from '../../../../src-shared/tickets/rank.ts';
import { useT, type Translator } from '../../i18n/index.ts';
import { useClock } from '../../state/clock-store.ts';
import { Icon } from '../../ui/icons.tsx';
import { hideTip, showTip } from '../../ui/Tooltip.tsx';
import type { QueueItem } from './queue-pager.ts';
import { describeSla, type Sla } from './sla.ts';

export function ticketLabel(item: Pick<QueueItem, 'number' | 'subject'>, t: Translator['t']): string {
  return item.number === null ? t('queue.ticketLabelNew', { subject: item.subject }) : t('queue.ticketLabel', { number: item.number });
}

/**
 * The priority level the queue is sorted by: "P1" (crítica + Premium) to
 * "P16" (baja sin plan) for work that waits on our team; the same level,
 * outlined and with a pause mark, for tickets that wait on the customer or a
 * booked visit (they go after all the work that waits on us, whatever their
 * level); "—" for finished tickets, which are out of the active queue. The
 * tooltip says why the row is in its place.
 */
export function RankBadge({ item }: { readonly item: QueueItem }): ReactNode {
  const { t, locale } = useT();
  const explanation = locale === 'en' ? item.rank.explanation.en : item.rank.explanation.es;
  const band = rankBand(item.status);
  const level = item.rank.score;
  return (
    <span
      className={band === 2 ? 'rank rank--finished' : band === 1 ? 'rank rank--waiting' : 'rank'}
      data-testid="rank-badge"
      data-band={band}
      onMouseEnter={(event) => showTip(event.currentTarget, `${t('queue.rank.why')}: ${explanation}`)}
      onMouseLeave={hideTip}
    >
      {band === 1 ? <Icon name="pause" className="rank__pause" /> : null}
      <span aria-hidden="true">{band === 2 ? '—' : `P${level}`}</span>
      <span className="sr-only">
        {band === 2 ? t('queue.rank.finished') : band === 1 ? t('queue.rank.waiting', { level }) : t('queue.rank.badge', { level })}. {explanation}
      </span>
    </span>
  );
}

/** "23 h 33 min" may wrap between "23 h" and "33 min", never between a number and its unit ("2 días hábiles" wraps as it likes). */
function keepWithUnit(text: string): string {
  return text.replace(/(\d) (?=(?:h|min)(?!\p{L}))/gu, '$1\u00a0');
}

export function SlaCell({ sla, readAt, status }: { readonly sla: Sla; readonly readAt: number; readonly status: TicketStatus }): ReactNode {
  const translator = useT();
  const now = useClock();
  const view = describeSla(sla, readAt, Math.max(now, readAt), translator, rankBand(status) === 2);
  return (
    <span className={`sla sla--${view.tone}`} data-sla={view.tone}>
      {view.tone === 'breached' ? <Icon name="alert" className="sla__icon" /> : null}
      {view.tone === 'met' ? <Icon name="check" className="sla__icon" /> : null}
      {keepWithUnit(view.text)}
    </span>
  );
}

export function UrgencyText({ urgency }: { readonly urgency: Urgency }): ReactNode {
  const { locale } = useT();
  return <span className={`urgency urgency--${urgency}`}>{labelOf('urgency', urgency, locale)}</span>;
}

export function StatusText({ status }: { readonly status: TicketStatus }): ReactNode {
  const { locale } = useT();
  return (
    <span className={`status status--${status}`} data-status={status}>
      <span className="status__dot" aria-hidden="true" />
      {labelOf('status', status, locale)}
    </span>
  );
}

export function SyncMarker({ pending }: { readonly pending: boolean }): ReactNode {
  const { t } = useT();
  if (!pending) return null;
  return (
    <span className="sync-marker" data-testid="pending-sync" onMouseEnter={(event) => showTip(event.currentTarget, t('queue.pendingSync'))} onMouseLeave={hideTip}>
      <Icon name="upload" />
      <span className="sr-only">{t('queue.pendingSync')}</span>
    </span>
  );
}

/** A checkbox that can show "some selected" (the indeterminate state has no HTML attribute). */
export function Checkbox(props: {
  readonly checked: boolean;
  readonly indeterminate?: boolean;
  readonly label: string;
  readonly onChange: (event: unknown) => void;
  readonly focusable?: boolean;
}): ReactNode {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.indeterminate === true && !props.checked;
  }, [props.indeterminate, props.checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="checkbox"
      checked={props.checked}
      aria-label={props.label}
      tabIndex={props.focusable === false ? -1 : 0}
      onChange={props.onChange}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
