/**
 * The ticket's story, oldest first: replies to the customer, internal notes
 * (visually distinct: amber, with a lock-like label, never sent out), status
 * changes with who and when, and the time entries.
 */
import { useState, type ReactNode } from 'react';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import type { TicketEvent } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { formatLimaDateTime, formatDayMonth } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../../ui/icons.tsx';
import { formatMinutes } from './duration.ts';
import { FOLD_FIRST, foldTimeline, timelineOf } from './timeline.ts';

function PendingChip(): ReactNode {
  const { t } = useT();
  return (
    <span className="pending-chip pending-chip--small" data-testid="item-pending">
      <Icon name="upload" />
      {t('thread.pending')}
    </span>
  );
}

function EventItem({ event, who, pending }: { readonly event: TicketEvent; readonly who: string; readonly pending: boolean }): ReactNode {
  const { t, locale } = useT();
  const when = formatLimaDateTime(new Date(event.createdAt), locale);
  if (event.kind === 'reply' || event.kind === 'note') {
    const note = event.kind === 'note';
    // A reply nobody on the team wrote came in from the customer (portal or email).
    const inbound = !note && event.authorId === null;
    return (
      <li
        className={`msg ${note ? 'msg--note' : inbound ? 'msg--inbound' : 'msg--reply'}`}
        data-kind={inbound ? 'inbound' : event.kind}
        data-pending={pending ? 'true' : 'false'}
        data-testid="thread-message"
      >
        <div className="msg__head">
          <Icon name={note ? 'note' : inbound ? 'user' : 'reply'} />
          <span className="msg__who">{who}</span>
          <span className="msg__kind">{note ? t('thread.note') : inbound ? t('thread.fromCustomer') : t('thread.reply')}</span>
          {pending ? <PendingChip /> : null}
          <time className="msg__when" dateTime={event.createdAt}>
            {when}
          </time>
        </div>
        <p className="msg__body">{event.body}</p>
      </li>
    );
  }
  let text: string;
  switch (event.kind) {
    case 'status':
      text =
        event.fromStatus === null
          ? t('thread.statusNew', { who, to: event.toStatus ? labelOf('status', event.toStatus, locale) : '' })
          : t('thread.status', { who, from: labelOf('status', event.fromStatus, locale), to: event.toStatus ? labelOf('status', event.toStatus, locale) : '' });
      break;
    case 'assignment':
      text = event.body ? `${t('thread.assignment', { who })}: ${event.body}` : t('thread.assignment', { who });
      break;
    case 'visit':
      text = event.body ? `${t('thread.visit', { who })}: ${event.body}` : t('thread.visit', { who });
      break;
    default:
      text = event.body ?? t('thread.time', { who });
  }
  return (
    <li className="log" data-kind={event.kind} data-testid="thread-log">
      <span className="log__dot" aria-hidden="true" />
      <span className="log__text">{text}</span>
      {pending ? <PendingChip /> : null}
      <time className="log__when" dateTime={event.createdAt}>
        {when}
      </time>
    </li>
  );
}

export function Thread({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, tn, locale } = useT();
  const [unfolded, setUnfolded] = useState(false);
  // A long story opens folded (foldTimeline): how it began, then the latest entries.
  const { shown: timeline, hidden: folded } = foldTimeline(timelineOf(detail), unfolded);
  const pending = new Set(detail.pendingIds ?? []);
  const nameOf = (id: string | null): string => (id === null ? t('thread.system') : (detail.authors[id] ?? t('thread.someone')));
  const customerVoice = detail.ticket.requesterName ?? detail.customer?.name ?? t('thread.someone');
  return (
    <section className="card ticket-card" aria-labelledby="thread-title" data-testid="thread">
      <h3 id="thread-title" className="ticket-card__title">
        {t('thread.title')}
      </h3>
      {timeline.length === 0 ? <p className="muted">{t('thread.empty')}</p> : null}
      <ol className="thread">
        {timeline.map((item, index) => [
          folded > 0 && index === FOLD_FIRST ? (
            <li key="fold" className="thread__fold">
              <button type="button" className="button button--small button--ghost" onClick={() => setUnfolded(true)} data-testid="thread-unfold">
                {tn('thread.showEarlier', folded)}
              </button>
            </li>
          ) : null,
          item.kind === 'event' ? (
            <EventItem
              key={item.key}
              event={item.event}
              who={item.event.kind === 'reply' && item.event.authorId === null ? customerVoice : nameOf(item.event.authorId)}
              pending={pending.has(item.event.id)}
            />
          ) : (
            <li key={item.key} className="log log--time" data-kind="time" data-pending={pending.has(item.entry.id) ? 'true' : 'false'} data-testid="thread-time">
              <Icon name="timer" className="log__icon" />
              <span className="log__text">
                {t('thread.timeEntry', {
                  who: nameOf(item.entry.technicianId),
                  minutes: formatMinutes(item.entry.minutes),
                  kind: labelOf('workKind', item.entry.kind, locale).toLocaleLowerCase(locale),
                  date: formatDayMonth(item.entry.workDate, locale),
                })}
                {item.entry.note ? ` — ${item.entry.note}` : ''}
                {item.entry.billable ? '' : ` (${t('time.notBillable')})`}
              </span>
              {pending.has(item.entry.id) ? <PendingChip /> : null}
              <time className="log__when" dateTime={item.entry.createdAt}>
                {formatLimaDateTime(new Date(item.entry.createdAt), locale)}
              </time>
            </li>
          ),
        ])}
      </ol>
    </section>
  );
}
