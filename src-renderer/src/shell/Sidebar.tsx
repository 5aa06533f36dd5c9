/** The left navigation. Plain links to `#/route`: the route store follows the fragment. */
import { memo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { hashOf, showsSignIn, useRoute, type RouteId } from '../state/route-store.ts';
import { useSession } from '../state/session-store.ts';
import { useAttentionCount } from '../state/sync-store.ts';
import { AccountPanel } from '../session/AccountPanel.tsx';
import { Icon } from '../ui/icons.tsx';
import { ROUTE_META } from './route-meta.ts';

function NavLink({ route, count }: { readonly route: Exclude<RouteId, 'ticket'>; readonly count?: number }): ReactNode {
  const { t, tn } = useT();
  const current = useRoute();
  const session = useSession();
  const meta = ROUTE_META[route];
  // A ticket belongs to the Cola: the link says where you are without claiming to be the page.
  // Where the sign-in form stands in for the screen, no link is current: the person is not on that screen (as the top bar says).
  const here = showsSignIn(current, session) ? undefined : current === route ? 'page' : route === 'queue' && current === 'ticket' ? 'true' : undefined;
  return (
    <li>
      <a className="nav__link" href={hashOf(route)} aria-current={here} data-route={route}>
        <Icon name={meta.icon} className="nav__icon" />
        <span className="nav__text">{t(meta.navLabel)}</span>
        {meta.comingSoon ? <span className="nav__badge">{t('nav.soon')}</span> : null}
        {count !== undefined && count > 0 ? (
          <span className="nav__badge nav__badge--alert" data-testid="nav-attention-count">
            <span aria-hidden="true">{count}</span>
            <span className="sr-only">{tn('attention.badge', count)}</span>
          </span>
        ) : null}
      </a>
    </li>
  );
}

export const Sidebar = memo(function Sidebar(): ReactNode {
  const { t } = useT();
  const attention = useAttentionCount();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          A
        </span>
        <span className="brand__text">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <ul className="nav__list">
        <NavLink route="queue" />
        <NavLink route="attention" count={attention} />
        <NavLink route="dispatch" />
        <NavLink route="hours" />
      </ul>
      <div className="nav__group">
        <p className="nav__group-title" id="nav-settings-title">
          <Icon name="settings" className="nav__icon" />
          {t('nav.settings')}
        </p>
        <ul className="nav__list nav__list--nested" aria-labelledby="nav-settings-title">
          <NavLink route="settings/general" />
          <NavLink route="settings/calendar" />
        </ul>
      </div>
      <AccountPanel />
    </nav>
  );
});
