/**
 * The current screen. The URL fragment (`#/settings/calendar`,
 * `#/ticket/<id>`) mirrors it so reloads and the browser's back/forward keep
 * the place; the store is what components read.
 */
import { create } from 'zustand';

export const ROUTES = ['queue', 'ticket', 'attention', 'dispatch', 'hours', 'settings/general', 'settings/calendar'] as const;
export type RouteId = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteId = 'queue';

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

const useRouteStore = create<Location>()(() => ({ route: DEFAULT_ROUTE, ticketId: null }));

export const useRoute = (): RouteId => useRouteStore((s) => s.route);
export const useOpenTicketId = (): string | null => useRouteStore((s) => s.ticketId);
export const currentLocation = (): Location => useRouteStore.getState();

function go(next: Location): void {
  const state = useRouteStore.getState();
  const target = hashOf(next.route, next.ticketId);
  if (state.route === next.route && state.ticketId === next.ticketId && location.hash === target) return;
  useRouteStore.setState(next);
  if (location.hash !== target) history.pushState(null, '', target);
}

export function navigate(route: Exclude<RouteId, 'ticket'>): void {
  go({ route, ticketId: null });
}

export function openTicket(ticketId: string): void {
  go({ route: 'ticket', ticketId });
}

/** Reads the fragment once and follows back/forward. Returns the cleanup. */
export function startRouteSync(): () => void {
  const sync = (): void => useRouteStore.setState(locationFromHash(location.hash));
  sync();
  const { route, ticketId } = useRouteStore.getState();
  if (location.hash !== hashOf(route, ticketId)) {
    history.replaceState(history.state, '', hashOf(route, ticketId));
  }
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
