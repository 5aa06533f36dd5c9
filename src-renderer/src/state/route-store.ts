/**
 * The current screen. The URL fragment (`#/settings/calendar`,
 * `#/ticket/<id>`) mirrors it so reloads and the browser's back/forward keep
 * the place; the store is what components read.
 */
import { create } from 'zustand';
import { DEFAULT_ROUTE, hashOf, locationFromHash, type Location, type RouteId } from './routes.ts';

export { DEFAULT_ROUTE, ROUTES, hashOf, locationFromHash, routeFromHash, showsSignIn, type Location, type RouteId } from './routes.ts';

const useRouteStore = create<Location>()(() => ({ route: DEFAULT_ROUTE, ticketId: null }));

export const useRoute = (): RouteId => useRouteStore((s) => s.route);
export const useOpenTicketId = (): string | null => useRouteStore((s) => s.ticketId);
export const currentLocation = (): Location => useRouteStore.getState();

/** Calls `listener` on every change of screen, inside the navigation itself (before React renders it). */
export function subscribeRoute(listener: (location: Location) => void): () => void {
  return useRouteStore.subscribe((location) => listener(location));
}

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
