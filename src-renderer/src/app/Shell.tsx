/** The console frame: navigation, top bar, the current screen, status bar, and the shortcuts help. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DeskOutput } from '../../../src-shared/ipc/desk-api.ts';
import { assertNever } from '../../../src-shared/result.ts';
import { useT } from '../i18n/index.ts';
import { CalendarPage } from '../pages/calendar/CalendarPage.tsx';
import { ComingSoonPage } from '../pages/placeholder/ComingSoonPage.tsx';
import { GeneralSettingsPage } from '../pages/settings/GeneralSettingsPage.tsx';
import { ROUTE_META } from '../shell/route-meta.ts';
import { ShortcutsDialog } from '../shell/ShortcutsDialog.tsx';
import { Sidebar } from '../shell/Sidebar.tsx';
import { StatusBar } from '../shell/StatusBar.tsx';
import { TopBar } from '../shell/TopBar.tsx';
import { useGlobalShortcuts } from '../shell/use-shortcuts.ts';
import { useRoute, type RouteId } from '../state/route-store.ts';

type AppInfo = DeskOutput<'app.info'>;

function Screen({ route, appInfo }: { readonly route: RouteId; readonly appInfo: AppInfo | null }): ReactNode {
  switch (route) {
    case 'queue':
    case 'dispatch':
    case 'hours':
      return <ComingSoonPage screen={route} />;
    case 'settings/general':
      return <GeneralSettingsPage appInfo={appInfo} />;
    case 'settings/calendar':
      return <CalendarPage />;
    default:
      return assertNever(route, 'route');
  }
}

export function Shell({ appInfo, banner }: { readonly appInfo: AppInfo | null; readonly banner?: ReactNode }): ReactNode {
  const { t } = useT();
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useGlobalShortcuts(openHelp);

  const title = t(ROUTE_META[route].title);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  return (
    <div className="shell" data-route={route}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The fragment is the route; focus the content instead of navigating to "#main".
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <Sidebar />
      <div className="shell__main">
        <TopBar onShowShortcuts={openHelp} />
        <main id="main" className="content" tabIndex={-1}>
          {banner}
          <Screen key={route} route={route} appInfo={appInfo} />
        </main>
      </div>
      <StatusBar appInfo={appInfo} />
      <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
    </div>
  );
}
