/**
 * Escalating to on-site work: the ticket moves to «Por agendar en sitio» and
 * takes the visit's district (the customer's, unless the technician says
 * otherwise) and address. The district is checked against the service area
 * (Lima Metropolitana and Callao) as soon as the dialog opens; outside it the
 * escalation is refused with the reason, before anything is saved.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DistrictLookup } from '../../../../src-shared/ipc/desk-api.ts';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import { describeLookup } from '../../../../src-shared/geo/describe.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { useEdit } from '../../desk/use-edit.ts';
import { formatDayMonth, formatLimaTime, limaDateOf } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useCustomerArea } from './CustomerCard.tsx';
import { expectedRevOf } from './expected-rev.ts';

function useLookup(query: string): DistrictLookup | null {
  const desk = useDesk();
  const [result, setResult] = useState<{ readonly query: string; readonly value: DistrictLookup } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void desk.call('districts.lookup', { query }).then((answer) => {
        if (!current) return;
        if (answer.ok) setResult({ query, value: answer.value });
        else console.warn('[onsite] district lookup failed', answer.error);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, query]);
  return result !== null && result.query === query ? result.value : null;
}

function EscalateDialog({ detail, open, onClose }: { readonly detail: TicketDetail; readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const { t, locale } = useT();
  const edit = useEdit();
  const customerArea = useCustomerArea(detail.customer?.districtUbigeo ?? null);
  const [district, setDistrict] = useState('');
  const [address, setAddress] = useState('');
  useEffect(() => {
    if (!open) return;
    // The visit goes to the customer's district and address unless the technician says otherwise here.
    const ubigeo = detail.customer?.districtUbigeo ?? detail.ticket.onsiteDistrictUbigeo ?? '';
    setDistrict(customerArea?.inArea && ubigeo === detail.customer?.districtUbigeo ? customerArea.district.name : ubigeo);
    setAddress(detail.customer?.address ?? detail.ticket.onsiteAddress ?? '');
  }, [open, detail, customerArea]);
  const lookup = useLookup(district);
  const ready = lookup !== null;
  const inArea = lookup?.inArea === true;

  const confirm = async (): Promise<void> => {
    if (!lookup || !lookup.inArea) return;
    const updated = await edit.apply('ticket.update', {
      id: detail.ticket.id,
      ...expectedRevOf(detail),
      patch: { onsiteDistrictUbigeo: lookup.district.ubigeo, onsiteAddress: address.trim() === '' ? null : address.trim() },
    });
    if (updated === null) return;
    // No expectedRev: the update just queued changes the revision this move would be checked against.
    const moved = await edit.apply('ticket.setStatus', { id: detail.ticket.id, status: 'onsite_pending' });
    if (moved !== null) onClose();
  };

  return (
    <Dialog
      open={open}
      title={t('onsite.dialogTitle')}
      onClose={onClose}
      testId="escalate-dialog"
      intro={t('onsite.intro')}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!inArea || edit.state.status === 'saving'} onClick={() => void confirm()} data-testid="escalate-confirm">
            {t('onsite.confirm')}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor="onsite-district">
          {t('onsite.district')}
        </label>
        <input id="onsite-district" className="input" value={district} onChange={(event) => setDistrict(event.currentTarget.value)} aria-describedby="onsite-district-check" />
        <p id="onsite-district-check" className="field__help" data-testid="onsite-check" data-state={!ready ? 'checking' : inArea ? 'in' : 'out'} aria-live="polite">
          {/* Outside the area the alert below gives the reason; said once, not twice. */}
          {!ready ? t('onsite.checking') : inArea ? describeLookup(lookup, locale) : t('onsite.outsideShort')}
        </p>
      </div>
      {ready && !inArea ? (
        <div className="notice notice--error" role="alert" data-testid="onsite-blocked">
          <Icon name="alert" className="notice__icon" />
          <p>{t('onsite.outsideBlock', { reason: describeLookup(lookup, locale) })}</p>
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="onsite-address">
          {t('onsite.address')}
        </label>
        <input id="onsite-address" className="input" maxLength={300} value={address} onChange={(event) => setAddress(event.currentTarget.value)} />
      </div>
      {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
    </Dialog>
  );
}

export function OnsitePanel({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const canEscalate = detail.allowedStatuses.includes('onsite_pending');
  const { state: users } = useDeskQuery('users.list', {}, ['user'], { afterPaint: true });
  const nameOf = (id: string): string => users.value?.find((u) => u.id === id)?.name ?? t('thread.someone');
  const { state: onsiteDistrict } = useDeskQuery('districts.lookup', { query: detail.ticket.onsiteDistrictUbigeo ?? '' }, [], { afterPaint: true });
  const onsiteName = detail.ticket.onsiteDistrictUbigeo === null ? null : onsiteDistrict.value?.inArea ? onsiteDistrict.value.district.name : detail.ticket.onsiteDistrictUbigeo;
  return (
    <section className="card side-card" aria-labelledby="onsite-title" data-testid="onsite-panel">
      <h2 id="onsite-title" className="side-card__title">
        {t('onsite.title')}
      </h2>
      {onsiteName ? (
        <p data-testid="onsite-location">
          <Icon name="pin" /> {t('onsite.current', { district: onsiteName })}
          {detail.ticket.onsiteAddress ? ` · ${detail.ticket.onsiteAddress}` : ''}
        </p>
      ) : null}
      {canEscalate ? (
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="escalate">
          <Icon name="dispatch" />
          {t('onsite.escalate')}
        </button>
      ) : detail.ticket.status === 'onsite_pending' || detail.ticket.status === 'onsite_scheduled' ? null : (
        <p className="muted">{t('onsite.notAllowed')}</p>
      )}
      <h3 className="side-card__subtitle">{t('onsite.visits')}</h3>
      {detail.visits.length === 0 ? (
        <p className="muted">{t('onsite.noVisits')}</p>
      ) : (
        <ul className="visit-list">
          {detail.visits.map((visit) => (
            <li key={visit.id} data-status={visit.status}>
              {t('onsite.visit', {
                date: formatDayMonth(limaDateOf(new Date(visit.startsAt)), locale),
                from: formatLimaTime(new Date(visit.startsAt), locale),
                to: formatLimaTime(new Date(visit.endsAt), locale),
                technician: nameOf(visit.technicianId),
              })}{' '}
              <span className="muted">· {labelOf('visitStatus', visit.status, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <EscalateDialog detail={detail} open={open} onClose={() => setOpen(false)} />
    </section>
  );
}
