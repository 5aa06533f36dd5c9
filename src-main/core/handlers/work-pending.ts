/**
 * Placeholder answers for the technician's-work calls (work-calls.ts) while
 * their handlers are being wired to the cache and the sync engine. Each
 * answers NOT_IMPLEMENTED so the renderer can already code against the
 * contract. Removed as the real per-domain modules land.
 */
import { fail } from '../../../src-shared/result.ts';
import type { DomainModule } from './types.ts';

type PendingCall =
  | 'session.get' | 'session.login' | 'session.logout' | 'sync.now'
  | 'queue.page' | 'queue.counts' | 'views.list' | 'views.save' | 'views.delete'
  | 'ticket.get' | 'edit.apply' | 'edit.bulk' | 'customers.search' | 'users.list'
  | 'visits.range' | 'balances.month' | 'attention.list' | 'attention.retry' | 'attention.discard';

const notYet = async () => fail('NOT_IMPLEMENTED', 'Esta función del escritorio aún no está disponible.');

export function createPendingWorkModule(): DomainModule<PendingCall> {
  return {
    handlers: {
      'session.get': notYet, 'session.login': notYet, 'session.logout': notYet, 'sync.now': notYet,
      'queue.page': notYet, 'queue.counts': notYet, 'views.list': notYet, 'views.save': notYet, 'views.delete': notYet,
      'ticket.get': notYet, 'edit.apply': notYet, 'edit.bulk': notYet, 'customers.search': notYet, 'users.list': notYet,
      'visits.range': notYet, 'balances.month': notYet, 'attention.list': notYet, 'attention.retry': notYet, 'attention.discard': notYet,
    },
  };
}
