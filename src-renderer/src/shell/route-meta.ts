/** What the shell needs to know about each screen: its title, where it sits, its icon and shortcut. */
import type { MessageKey } from '../i18n/index.ts';
import type { RouteId } from '../state/route-store.ts';
import type { IconName } from '../ui/icons.tsx';

export interface RouteMeta {
  readonly title: MessageKey;
  /** The nav label (may be longer or shorter than the page title). */
  readonly navLabel: MessageKey;
  /** Parent section shown in the breadcrumb. */
  readonly section?: MessageKey;
  readonly icon: IconName;
  /** Second key of the "g then …" shortcut. */
  readonly shortcut?: string;
  /** Screens that only describe what is coming. */
  readonly comingSoon?: boolean;
}

export const ROUTE_META: Readonly<Record<RouteId, RouteMeta>> = {
  queue: { title: 'page.queue.title', navLabel: 'nav.queue', icon: 'queue', shortcut: 'c' },
  ticket: { title: 'page.ticket.title', navLabel: 'nav.queue', section: 'page.queue.title', icon: 'queue' },
  attention: { title: 'page.attention.title', navLabel: 'nav.attention', icon: 'bell', shortcut: 'r' },
  dispatch: { title: 'page.dispatch.title', navLabel: 'nav.dispatch', icon: 'dispatch', shortcut: 'd', comingSoon: true },
  hours: { title: 'page.hours.title', navLabel: 'nav.hours', icon: 'hours', shortcut: 'h', comingSoon: true },
  'settings/general': { title: 'page.settingsGeneral.title', navLabel: 'nav.settings.general', section: 'page.settings.title', icon: 'language', shortcut: 'a' },
  'settings/calendar': { title: 'page.calendar.title', navLabel: 'nav.settings.calendar', section: 'page.settings.title', icon: 'calendar', shortcut: 'k' },
};

/** `g` + key → route, derived from ROUTE_META so the dialog and the handler cannot disagree. */
export const SHORTCUT_ROUTES: ReadonlyMap<string, Exclude<RouteId, 'ticket'>> = new Map(
  (Object.entries(ROUTE_META) as [RouteId, RouteMeta][]).flatMap(([route, meta]) => (meta.shortcut && route !== 'ticket' ? [[meta.shortcut, route] as const] : [])),
);
