/**
 * Page title with its place in the console, and the shortcuts button. In
 * place of a screen that needs a session, the bar names no section: the
 * sign-in card says what the page is, and the heading is only for screen
 * readers ("Iniciar sesión"), not a "Cola" the person cannot see.
 */
import { memo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { showsSignIn, useRoute } from '../state/route-store.ts';
import { usePageTitle } from '../state/title-store.ts';
import { useSession } from '../state/session-store.ts';
import { Icon } from '../ui/icons.tsx';
import { ROUTE_META } from './route-meta.ts';

export const TopBar = memo(function TopBar({ onShowShortcuts, onShowPalette }: { readonly onShowShortcuts: () => void; readonly onShowPalette: () => void }): ReactNode {
  const { t } = useT();
  const route = useRoute();
  const meta = ROUTE_META[route];
  const pageTitle = usePageTitle();
  const session = useSession();
  const signedIn = session?.signedIn === true;
  const signIn = showsSignIn(route, session);
  return (
    <header className="topbar">
      <div className="topbar__titles">
        {signIn ? (
          <h1 className="topbar__title sr-only">{t('login.title')}</h1>
        ) : (
          <>
            {meta.section ? (
              <p className="topbar__breadcrumb">
                <span>{t(meta.section)}</span>
                <span aria-hidden="true" className="topbar__sep">
                  ›
                </span>
              </p>
            ) : null}
            <h1 className="topbar__title">{pageTitle ?? t(meta.title)}</h1>
          </>
        )}
      </div>
      <div className="topbar__tools">
      {signedIn ? (
        <button type="button" className="button topbar__palette" onClick={onShowPalette} aria-keyshortcuts="Control+K Meta+K" data-testid="open-palette">
          <Icon name="command" />
          <span>{t('palette.title')}</span>
          <kbd aria-hidden="true">Ctrl K</kbd>
        </button>
      ) : null}
      <button type="button" className="button button--ghost topbar__shortcuts" onClick={onShowShortcuts} aria-keyshortcuts="?">
        <Icon name="keyboard" />
        <span>{t('topbar.shortcuts')}</span>
        <kbd aria-hidden="true">?</kbd>
      </button>
      </div>
    </header>
  );
});
