/**
 * This month's remaining support for the customer card: remote and on-site
 * hours, or tickets for ticket plans; low under 20 % left, exhausted at 0.
 * Included + purchased is what the month offers; used comes from the server.
 */
import type { Balance, Plan } from '../../../../src-shared/protocol/entities.ts';

export type BucketLevel = 'ok' | 'low' | 'exhausted';

export interface Bucket {
  readonly kind: 'remote' | 'onsite' | 'tickets';
  /** Minutes for hour buckets, tickets for the ticket bucket. */
  readonly total: number;
  readonly used: number;
  readonly left: number;
  readonly level: BucketLevel;
  /** Share left, 0..1 (0 when the bucket is empty). */
  readonly share: number;
}

export const LOW_SHARE = 0.2;

export function bucket(kind: Bucket['kind'], total: number, used: number): Bucket {
  const left = Math.max(0, total - used);
  const share = total > 0 ? left / total : 0;
  const level: BucketLevel = left <= 0 ? 'exhausted' : share < LOW_SHARE ? 'low' : 'ok';
  return { kind, total, used, left, level, share };
}

/** The buckets the plan sells: hours plans show remote and on-site, ticket plans show tickets. */
export function bucketsOf(balance: Balance, plan: Plan | null): Bucket[] {
  const ticketPlan = plan?.kind === 'tickets' || (plan === null && balance.ticketQuota > 0 && balance.remoteMinutesIncluded === 0 && balance.onsiteMinutesIncluded === 0);
  if (ticketPlan) return [bucket('tickets', balance.ticketQuota + balance.ticketsPurchased, balance.ticketsOpened)];
  return [
    bucket('remote', balance.remoteMinutesIncluded + balance.remoteMinutesPurchased, balance.remoteMinutesUsed),
    bucket('onsite', balance.onsiteMinutesIncluded + balance.onsiteMinutesPurchased, balance.onsiteMinutesUsed),
  ];
}
