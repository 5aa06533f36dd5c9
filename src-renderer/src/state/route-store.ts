/**
 * The current screen. The URL fragment (`#/settings/calendar`,
 * `#/ticket/<id>`) mirrors it so reloads and the browser's back/forward keep
 * the place; the store is what components read.
 */
import { create } from 'zustand';
import { afterNextPaint } from '../ui/after-paint.ts';
import { navigationTurns } from './navigation-turns.ts';
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

/** How long opening a ticket waits for its first read before showing the workspace still loading. */
export const OPEN_WAIT_MS = 100;

/** Sends a ticket's first read (the workspace's ticket.get) and resolves with its answer. */
export type TicketReader = (ticketId: string) => Promise<unknown>;
let ticketReader: TicketReader | null = null;

/** Lets openTicket send the ticket's read and wait for it (useEarlyTicketReads). Returns the cleanup. */
export function setTicketReader(reader: TicketReader): () => void {
  ticketReader = reader;
  return () => {
    if (ticketReader === reader) ticketReader = null;
  };
}

/**
 * The fragment a navigation still has to write. History is written once the
 * new screen has been painted: a same-document navigation costs Chromium a
 * few milliseconds (session history, soft-navigation bookkeeping) that would
 * otherwise come before the screen's first frame. Navigations within one
 * frame leave one history entry, the last; back/forward meanwhile wins.
 */
let pendingFragment: string | null = null;
let cancelFragmentWrite: (() => void) | null = null;

function writeFragmentAfterPaint(target: string): void {
  pendingFragment = target;
  cancelFragmentWrite ??= afterNextPaint(() => {
    const fragment = pendingFragment;
    pendingFragment = null;
    cancelFragmentWrite = null;
    if (fragment !== null && location.hash !== fragment) history.pushState(null, '', fragment);
  });
}

function dropFragmentWrite(): void {
  pendingFragment = null;
  cancelFragmentWrite?.();
  cancelFragmentWrite = null;
}

/**
 * Focus inside the screen about to be replaced moves to the content region
 * (#main) first, where the next screen appears: a keyboard or screen-reader
 * user continues there instead of on the page's body, and Chromium does not
 * have to repair the focus (blur, then a forced style and layout) while the
 * old screen is being taken down. Focus elsewhere (the side bar, a dialog)
 * stays where it is.
 */
function moveFocusOffOldScreen(): void {
  const main = document.getElementById('main');
  const focused = document.activeElement;
  if (main !== null && focused !== null && focused !== main && main.contains(focused)) main.focus({ preventScroll: true });
}

function go(next: Location): void {
  const state = useRouteStore.getState();
  const target = hashOf(next.route, next.ticketId);
  const fragment = pendingFragment ?? location.hash;
  if (state.route === next.route && state.ticketId === next.ticketId && fragment === target) return;
  moveFocusOffOldScreen();
  useRouteStore.setState(next);
  if (fragment !== target) writeFragmentAfterPaint(target);
}

const turns = navigationTurns(go, OPEN_WAIT_MS);

export function navigate(route: Exclude<RouteId, 'ticket'>): void {
  turns.now({ route, ticketId: null });
}

/**
 * Opens a ticket: every way in (a click or Enter in the Cola, the palette,
 * a notice, Needs attention, the timer) comes here. The ticket's read is
 * sent at once and the screen changes when its answer is in, so the
 * workspace is drawn once, with its data, instead of a "loading" page that
 * is thrown away a frame later; a desk slower than OPEN_WAIT_MS gets the
 * loading state after that wait. A later navigation (another ticket, a
 * screen, back/forward) while the read is on its way wins.
 */
export function openTicket(ticketId: string): void {
  const next: Location = { route: 'ticket', ticketId };
  const { route, ticketId: openId } = useRouteStore.getState();
  const read = route === 'ticket' && openId === ticketId ? null : ticketReader?.(ticketId);
  if (read) turns.after(read, next);
  else turns.now(next);
}

/**
 * Starts a ticket's read before it is opened: a press on its row in the Cola.
 * A person's click ends ~100 ms after the press, and openTicket then finds
 * the answer in (callEarly hands the one read to both), so the workspace is
 * drawn at once. A press that does not end in a click costs one cached read.
 */
export function readTicketAhead(ticketId: string): void {
  const { route, ticketId: openId } = useRouteStore.getState();
  if (route === 'ticket' && openId === ticketId) return;
  void ticketReader?.(ticketId);
}

/** Reads the fragment once and follows back/forward. Returns the cleanup. */
export function startRouteSync(): () => void {
  const sync = (): void => {
    dropFragmentWrite();
    turns.moved();
    useRouteStore.setState(locationFromHash(location.hash));
  };
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
    dropFragmentWrite();
  };
}
