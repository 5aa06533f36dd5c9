/**
 * The names of DeskApi calls and events, without their schemas, so that the
 * sandboxed preload can refuse unknown names without bundling zod.
 * `desk-api.ts` checks at compile time that these lists match the schemas.
 */
export const DESK_CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'calendar.month',
  'districts.list',
  'districts.lookup',
  'sync.status',
  // The technician's work (work-calls.ts): session, queues, ticket workspace, edits, visits, balances, Needs attention.
  'session.get',
  'session.login',
  'session.logout',
  'sync.now',
  'queue.page',
  'queue.counts',
  'views.list',
  'views.save',
  'views.delete',
  'ticket.get',
  'edit.apply',
  'edit.bulk',
  'customers.search',
  'users.list',
  'visits.range',
  'balances.month',
  'attention.list',
  'attention.retry',
  'attention.discard',
] as const;

export const DESK_EVENT_NAMES = [
  'sync.status',
  'rows.changed',
  'settings.changed',
  'session.changed',
  'ticket.assigned',
  'attention.changed',
] as const;

export type DeskCallName = (typeof DESK_CALL_NAMES)[number];
export type DeskEventName = (typeof DESK_EVENT_NAMES)[number];

/** IPC channels used by the preload and the main process, and nowhere else. */
export const DESK_CALL_CHANNEL = 'desk:call';
export const DESK_EVENT_CHANNEL = 'desk:event';

export function isDeskCallName(name: unknown): name is DeskCallName {
  return typeof name === 'string' && (DESK_CALL_NAMES as readonly string[]).includes(name);
}

export function isDeskEventName(name: unknown): name is DeskEventName {
  return typeof name === 'string' && (DESK_EVENT_NAMES as readonly string[]).includes(name);
}
