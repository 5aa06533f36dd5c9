/**
 * The current screen. The URL fragment (`#/settings/calendar`) mirrors it so
 * reloads and the browser's back/forward keep the place; the store is what
 * components read.
 */
import { create } from 'zustand';

export const ROUTES = ['queue', 'dispatch', 'hours', 'settings/general', 'settings/calendar'] as const;
export type RouteId = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteId = 'queue';

export function routeFromHash(hash: string): RouteId {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'settings') return 'settings/general';
  return (ROUTES as readonly string[]).includes(path) ? (path as RouteId) : DEFAULT_ROUTE;
}

export function hashOf(route: RouteId): string {
  return `#/${route}`;
}

interface RouteState {
  readonly route: RouteId;
}

const useRouteStore = create<RouteState>()(() => ({ route: DEFAULT_ROUTE }));

export const useRoute = (): RouteId => useRouteStore((s) => s.route);

export function navigate(route: RouteId): void {
  if (useRouteStore.getState().route === route && location.hash === hashOf(route)) return;
  useRouteStore.setState({ route });
  if (location.hash !== hashOf(route)) history.pushState(null, '', hashOf(route));
}

/** Reads the fragment once and follows back/forward. Returns the cleanup. */
export function startRouteSync(): () => void {
  const sync = (): void => useRouteStore.setState({ route: routeFromHash(location.hash) });
  sync();
  if (location.hash !== hashOf(useRouteStore.getState().route)) {
    history.replaceState(history.state, '', hashOf(useRouteStore.getState().route));
  }
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
