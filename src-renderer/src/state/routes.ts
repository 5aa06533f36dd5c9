/** The console's screens and how they are written in the URL fragment. Pure, so the unit tests (Node, no DOM) can load it. */
import type { Session } from '../../../src-shared/ipc/work-calls.ts';

export const ROUTES = ['queue', 'ticket', 'attention', 'dispatch', 'hours', 'settings/general', 'settings/calendar'] as const;
export type RouteId = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteId = 'queue';

/** Screens that read or change the company's data, and so need a session. Ajustes and the calendar work without one. */
const NEEDS_SESSION: ReadonlySet<RouteId> = new Set(['queue', 'ticket', 'attention']);

/**
 * Whether `route` shows the sign-in form instead of its screen: it needs a
 * session and the desk says there is none. The top bar and the window title
 * then name the form, not the screen it stands in for. While the desk has not
 * answered yet (null) the screen stays.
 */
export function showsSignIn(route: RouteId, session: Session | null): boolean {
  return NEEDS_SESSION.has(route) && session !== null && !session.signedIn;
}

export interface Location {
  readonly route: RouteId;
  /** The open ticket on the `ticket` route. */
  readonly ticketId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function locationFromHash(hash: string): Location {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'settings') return { route: 'settings/general', ticketId: null };
  const ticket = /^ticket\/([^/]+)$/.exec(path);
  if (ticket && UUID.test(ticket[1] ?? '')) return { route: 'ticket', ticketId: (ticket[1] ?? '').toLowerCase() };
  if (path !== 'ticket' && (ROUTES as readonly string[]).includes(path)) return { route: path as RouteId, ticketId: null };
  return { route: DEFAULT_ROUTE, ticketId: null };
}

/** Kept for callers that only need the screen. */
export function routeFromHash(hash: string): RouteId {
  return locationFromHash(hash).route;
}

export function hashOf(route: RouteId, ticketId: string | null = null): string {
  return route === 'ticket' && ticketId !== null ? `#/ticket/${ticketId}` : `#/${route === 'ticket' ? DEFAULT_ROUTE : route}`;
}
