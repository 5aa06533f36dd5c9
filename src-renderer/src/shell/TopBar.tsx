/** Page title with its place in the console, and the shortcuts button. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useRoute } from '../state/route-store.ts';
import { usePageTitle } from '../state/title-store.ts';
import { useSession } from '../state/session-store.ts';
import { Icon } from '../ui/icons.tsx';
import { ROUTE_META } from './route-meta.ts';

export function TopBar({ onShowShortcuts, onShowPalette }: { readonly onShowShortcuts: () => void; readonly onShowPalette: () => void }): ReactNode {
  const { t } = useT();
  const meta = ROUTE_META[useRoute()];
  const pageTitle = usePageTitle();
  const signedIn = useSession()?.signedIn === true;
  return (
    <header className="topbar">
      <div className="topbar__titles">
        {meta.section ? (
          <p className="topbar__breadcrumb">
            <span>{t(meta.section)}</span>
            <span aria-hidden="true" className="topbar__sep">
              ›
            </span>
          </p>
        ) : null}
        <h1 className="topbar__title">{pageTitle ?? t(meta.title)}</h1>
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
}
