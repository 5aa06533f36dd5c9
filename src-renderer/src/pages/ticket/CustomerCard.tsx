/**
 * Who the ticket is for, at a glance: the customer, this month's plan and
 * tier, and what is left of the month's remote and on-site hours (or
 * tickets), with a warning when little (< 20 %) or nothing is left. A
 * customer outside Lima/Callao is flagged here at once, with the reason.
 */
import type { ReactNode } from 'react';
import type { DistrictLookup } from '../../../../src-shared/ipc/desk-api.ts';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import { describeLookup } from '../../../../src-shared/geo/describe.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useDeskQuery } from '../../desk/desk-context.tsx';
import { formatMonthYear } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../../ui/icons.tsx';
import { bucketsOf, type Bucket } from './balance.ts';
import { formatMinutes } from './duration.ts';

/** The service-area answer for the customer's district (UBIGEO), shared by the card and the escalation dialog. */
export function useCustomerArea(ubigeo: string | null): DistrictLookup | null {
  const { state } = useDeskQuery('districts.lookup', { query: ubigeo ?? '' }, [], { afterPaint: true });
  return ubigeo === null || state.status !== 'ready' ? null : state.value;
}

function BucketMeter({ bucket }: { readonly bucket: Bucket }): ReactNode {
  const { t } = useT();
  const title = bucket.kind === 'remote' ? t('customer.remote') : bucket.kind === 'onsite' ? t('customer.onsite') : t('customer.tickets');
  const fmt = (n: number): string => (bucket.kind === 'tickets' ? String(n) : formatMinutes(n));
  const left = bucket.kind === 'tickets' ? t('customer.leftTickets', { left: fmt(bucket.left), total: fmt(bucket.total) }) : t('customer.left', { left: fmt(bucket.left), total: fmt(bucket.total) });
  return (
    <div className={`meter meter--${bucket.level}`} data-testid={`balance-${bucket.kind}`} data-level={bucket.level}>
      <div className="meter__head">
        <span className="meter__title">{title}</span>
        <span className="meter__value">{left}</span>
      </div>
      <div className="meter__bar" aria-hidden="true">
        <span className="meter__fill" style={{ width: `${Math.round(bucket.share * 100)}%` }} />
      </div>
      {bucket.level === 'low' ? <p className="meter__note">{t('customer.low')}</p> : null}
      {bucket.level === 'exhausted' ? (
        <p className="meter__note">
          <Icon name="alert" />
          {t('customer.exhausted')}
        </p>
      ) : null}
    </div>
  );
}

export function CustomerCard({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, locale } = useT();
  const { customer, plan, tier, balance } = detail;
  const area = useCustomerArea(customer?.districtUbigeo ?? null);
  if (!customer) return null;
  const [year, month] = detail.month.split('-').map(Number);
  const monthName = year && month ? formatMonthYear(year, month, locale) : detail.month;
  return (
    <section className="card side-card" aria-labelledby="customer-title" data-testid="customer-card">
      <h2 id="customer-title" className="side-card__title">
        {t('customer.title')}
      </h2>
      <p className="customer__name">{customer.name}</p>
      <p className="customer__meta">
        <span>
          {t('customer.code')} {customer.code}
        </span>
        {tier ? <span className={`pill tier-pill tier-pill--${tier}`}>{labelOf('tier', tier, locale)}</span> : null}
      </p>
      <p className="customer__plan">{plan ? t('customer.plan', { plan: plan.name }) : t('customer.noPlan')}</p>

      <div className="customer__balance">
        <p className="side-card__subtitle">{t('customer.month', { month: monthName })}</p>
        {balance ? bucketsOf(balance, plan).map((b) => <BucketMeter key={b.kind} bucket={b} />) : <p className="muted">{t('customer.noBalance')}</p>}
      </div>

      <dl className="mini-facts">
        <div>
          <dt>{t('customer.district')}</dt>
          <dd>{area?.inArea ? area.district.name : customer.districtUbigeo}</dd>
        </div>
        {customer.phone ? (
          <div>
            <dt>{t('customer.phone')}</dt>
            <dd>{customer.phone}</dd>
          </div>
        ) : null}
        {customer.emails.length > 0 ? (
          <div className="mini-facts__stack">
            <dt>{t('customer.emails')}</dt>
            <dd className="mini-facts__list">
              {customer.emails.map((email) => (
                <span key={email} title={email}>
                  {email}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {area && !area.inArea ? (
        <div className="notice notice--warn" role="note" data-testid="outside-area">
          <Icon name="alert" className="notice__icon" />
          <div className="notice__body">
            <p className="notice__title">{t('customer.outside')}</p>
            <p>{describeLookup(area, locale)}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
