/** The console frame: navigation, top bar, the current screen, status bar, console-wide dialogs and notices. */
import { useCallback, useEffect, type ReactNode } from 'react';
import type { DeskOutput } from '../../../src-shared/ipc/desk-api.ts';
import { assertNever } from '../../../src-shared/result.ts';
import { useT } from '../i18n/index.ts';
import { AttentionPage } from '../pages/attention/AttentionPage.tsx';
import { CalendarPage } from '../pages/calendar/CalendarPage.tsx';
import { ComingSoonPage } from '../pages/placeholder/ComingSoonPage.tsx';
import { QueuePage } from '../pages/queue/QueuePage.tsx';
import { useLoadSavedViews } from '../pages/queue/ViewTabs.tsx';
import { GeneralSettingsPage } from '../pages/settings/GeneralSettingsPage.tsx';
import { NewTicketDialog } from '../pages/ticket/NewTicketDialog.tsx';
import { TicketPage, useEarlyTicketReads } from '../pages/ticket/TicketPage.tsx';
import { CommandPalette } from '../shell/CommandPalette.tsx';
import { NoticeCenter } from '../shell/Notices.tsx';
import { ROUTE_META } from '../shell/route-meta.ts';
import { ShortcutsDialog } from '../shell/ShortcutsDialog.tsx';
import { Sidebar } from '../shell/Sidebar.tsx';
import { StatusBar } from '../shell/StatusBar.tsx';
import { TopBar } from '../shell/TopBar.tsx';
import { useGlobalShortcuts } from '../shell/use-shortcuts.ts';
import { showsSignIn, useOpenTicketId, useRoute, type RouteId } from '../state/route-store.ts';
import { useSession } from '../state/session-store.ts';
import { LoginScreen } from '../session/LoginScreen.tsx';
import { usePageTitle } from '../state/title-store.ts';
import { afterNextPaint } from '../ui/after-paint.ts';
import { closeDialog, openDialog, useOpenDialog } from '../state/ui-store.ts';

type AppInfo = DeskOutput<'app.info'>;

function Screen({ route, appInfo }: { readonly route: RouteId; readonly appInfo: AppInfo | null }): ReactNode {
  const ticketId = useOpenTicketId();
  const session = useSession();
  const newTicket = useCallback(() => openDialog('newTicket'), []);
  if (session !== null && showsSignIn(route, session)) return <LoginScreen session={session} />;
  switch (route) {
    case 'queue':
      return <QueuePage onNewTicket={newTicket} />;
    case 'ticket':
      return ticketId === null ? null : <TicketPage key={ticketId} ticketId={ticketId} />;
    case 'attention':
      return <AttentionPage />;
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

/** Reads what only a signed-in console has (saved views); mounted with the session, so a new user never sees the last one's. */
function SignedInFeeds(): null {
  useLoadSavedViews();
  useEarlyTicketReads();
  return null;
}

/**
 * The window's title. Its own component: a screen naming itself (e.g.
 * "Ticket #1042", set from the workspace's first effects) re-renders only
 * this, not the whole console and the screen just drawn.
 */
function DocumentTitle({ route }: { readonly route: RouteId }): null {
  const { t } = useT();
  const session = useSession();
  const pageTitle = usePageTitle();
  // The window names the sign-in form, not the screen it stands in for (as the top bar does).
  const title = showsSignIn(route, session) ? t('login.title') : (pageTitle ?? t(ROUTE_META[route].title));
  // Written once the screen is painted: setting the title costs Chromium about a millisecond, and a
  // screen that names itself in its first effects would pay it twice before its first frame.
  useEffect(() => afterNextPaint(() => (document.title = t('app.documentTitle', { page: title }))), [t, title]);
  return null;
}

export function Shell({ appInfo, banner }: { readonly appInfo: AppInfo | null; readonly banner?: ReactNode }): ReactNode {
  const { t } = useT();
  const route = useRoute();
  const dialog = useOpenDialog();
  const session = useSession();
  const signedIn = session?.signedIn === true;
  const openHelp = useCallback(() => openDialog('shortcuts'), []);
  const openPalette = useCallback(() => openDialog('palette'), []);
  useGlobalShortcuts(openHelp, openPalette);

  return (
    <div className="shell" data-route={route} data-session={signedIn ? 'signed-in' : 'signed-out'}>
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
        <TopBar onShowShortcuts={openHelp} onShowPalette={openPalette} />
        <main id="main" className={`content content--${route.replace('/', '-')}`} tabIndex={-1}>
          {banner}
          <Screen key={route} route={route} appInfo={appInfo} />
        </main>
        {/* Docked under the screen, not floating over it: a notice never covers the rows the technician is reading. */}
        <NoticeCenter />
      </div>
      <StatusBar appInfo={appInfo} />
      <DocumentTitle route={route} />
      {signedIn ? <SignedInFeeds /> : null}
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={closeDialog} />
      {signedIn ? <CommandPalette open={dialog === 'palette'} onClose={closeDialog} /> : null}
      {signedIn ? <NewTicketDialog open={dialog === 'newTicket'} onClose={closeDialog} /> : null}
    </div>
  );
}
