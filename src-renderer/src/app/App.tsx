/**
 * Start-up: connect to the desk, read the saved language and app info, then
 * show the console. `data-app-state` on the root says where it is
 * (`loading` → `ready`), for people reading the DOM and for tests.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DeskOutput } from '../../../src-shared/ipc/desk-api.ts';
import type { AppError } from '../../../src-shared/result.ts';
import { DeskProvider, useDesk } from '../desk/desk-context.tsx';
import type { DeskAccess } from '../desk/client.ts';
import { useT } from '../i18n/index.ts';
import { setLocale, useLocale, useLocaleLoaded } from '../state/locale-store.ts';
import { useSession } from '../state/session-store.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { MissingTokenPage } from './MissingTokenPage.tsx';
import { Shell } from './Shell.tsx';
import { useDeskFeeds } from './use-desk-feeds.ts';

function useDocumentLanguage(): void {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}

function Console(): ReactNode {
  const desk = useDesk();
  const { t } = useT();
  const loaded = useLocaleLoaded();
  const [appInfo, setAppInfo] = useState<DeskOutput<'app.info'> | null>(null);
  const [startupError, setStartupError] = useState<AppError | null>(null);
  const session = useSession();
  const { sessionError } = useDeskFeeds();
  useDocumentLanguage();

  useEffect(() => {
    const unsubscribe = desk.on('settings.changed', (settings) => setLocale(settings.locale));
    void desk.call('settings.get', {}).then((result) => {
      if (result.ok) {
        setLocale(result.value.locale);
      } else {
        // Without saved settings the console still works, in Spanish; the banner says why.
        setStartupError(result.error);
        setLocale('es-PE');
      }
    });
    void desk.call('app.info', {}).then((result) => {
      if (result.ok) setAppInfo(result.value);
      else setStartupError(result.error);
    });
    return unsubscribe;
  }, [desk]);

  if (!loaded || session === null) {
    return (
      <div className="boot" data-app-state="loading" role="status">
        <span className="brand__mark" aria-hidden="true">
          A
        </span>
        <p>{t('app.loading')}</p>
        {sessionError ? <ErrorNotice title={t('app.name')} error={sessionError} /> : null}
      </div>
    );
  }
  return (
    <div className="app-root" data-app-state="ready">
      <Shell appInfo={appInfo} banner={startupError ? <ErrorNotice title={t('app.name')} error={startupError} /> : null} />
    </div>
  );
}

export function App({ access }: { readonly access: DeskAccess }): ReactNode {
  if (access.status === 'missingToken') return <MissingTokenPage />;
  return (
    <DeskProvider desk={access.desk} connection={access.connection} mode={access.mode}>
      <Console />
    </DeskProvider>
  );
}
