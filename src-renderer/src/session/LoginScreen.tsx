/**
 * The sign-in screen, shown in place of the screens that need a session (the
 * Cola, a ticket, Requiere atención); Ajustes and the calendar work without
 * one. The desk prefills the server address it syncs with; the technician
 * types email and password. Refusals are shown in plain words
 * (login-errors.ts) next to the form, and focus goes back to the field to
 * fix. The desk keeps the token, so a reload does not ask again.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Session } from '../../../src-shared/ipc/work-calls.ts';
import type { AppError } from '../../../src-shared/result.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { useT } from '../i18n/index.ts';
import { setLocale } from '../state/locale-store.ts';
import { setSession } from '../state/session-store.ts';
import { useSyncStatus } from '../state/sync-store.ts';
import { Icon } from '../ui/icons.tsx';
import { loginErrorText } from './login-errors.ts';

type Phase = { readonly status: 'idle' } | { readonly status: 'submitting' } | { readonly status: 'error'; readonly error: AppError };

export function LoginScreen({ session }: { readonly session: Session }): ReactNode {
  const { t, tn, locale } = useT();
  const desk = useDesk();
  const sync = useSyncStatus();
  const [server, setServer] = useState(session.serverUrl ?? '');
  const [email, setEmail] = useState(session.user?.email ?? '');
  const [password, setPassword] = useState('');
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Only on arrival, and only when nothing else has the focus: someone who came here with the keyboard
    // (a "g" shortcut focuses the content) keeps typing shortcuts, not an email address.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    (email === '' ? emailRef.current : passwordRef.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (phase.status === 'submitting') return;
    setPhase({ status: 'submitting' });
    const trimmedServer = server.trim();
    const result = await desk.call('session.login', {
      email: email.trim(),
      password,
      ...(trimmedServer === '' || trimmedServer === session.serverUrl ? {} : { serverUrl: trimmedServer }),
    });
    if (result.ok) {
      setPassword('');
      setSession(result.value);
      return;
    }
    setPhase({ status: 'error', error: result.error });
    if (result.error.code === 'INVALID_CREDENTIALS') {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  const switchLanguage = async (): Promise<void> => {
    const next = locale === 'es-PE' ? 'en' : 'es-PE';
    const result = await desk.call('settings.update', { locale: next });
    // The screen speaks the new language even if the desk could not save it; the next start falls back to the saved one.
    setLocale(result.ok ? result.value.locale : next);
  };

  const pending = sync?.pendingEdits ?? 0;
  return (
    <section className="login" data-page="login" data-state={phase.status === 'submitting' ? 'submitting' : 'ready'} data-login={phase.status} aria-labelledby="login-title">
      <div className="login__card">
        <div className="login__brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="login__app">
            {t('app.name')} <span className="muted">· {t('app.tagline')}</span>
          </span>
          <button type="button" className="button button--ghost button--small" lang={locale === 'es-PE' ? 'en' : 'es-PE'} title={t('login.languageLabel')} onClick={() => void switchLanguage()}>
            <Icon name="language" />
            {t('login.language')}
          </button>
        </div>
        <h2 id="login-title" className="login__title">
          {t('login.title')}
        </h2>
        <p className="muted">{t('login.subtitle')}</p>

        {session.reason ? (
          <div className="notice notice--warn" role="status" data-testid="session-reason">
            <Icon name="info" className="notice__icon" />
            <div className="notice__body">
              <p className="notice__title">{t('login.expired')}</p>
              <p>{session.reason}</p>
              {pending > 0 ? <p>{tn('login.pendingKept', pending)}</p> : null}
            </div>
          </div>
        ) : null}

        <form className="login__form" onSubmit={(event) => void submit(event)} noValidate aria-describedby={phase.status === 'error' ? 'login-error' : undefined}>
          <div className="field">
            <label className="field__label" htmlFor="login-email">
              {t('login.email')}
            </label>
            <input
              ref={emailRef}
              id="login-email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="login-password">
              {t('login.password')}
            </label>
            <input
              ref={passwordRef}
              id="login-password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="login-server">
              {t('login.server')}
            </label>
            <input
              id="login-server"
              className="input input--mono"
              type="url"
              inputMode="url"
              spellCheck={false}
              value={server}
              aria-describedby="login-server-help"
              onChange={(event) => setServer(event.currentTarget.value)}
            />
            <p id="login-server-help" className="field__help">
              {session.serverUrl ? t('login.serverHelp') : t('login.serverHelpEmpty')}
            </p>
          </div>

          {phase.status === 'error' ? (
            <div className="notice notice--error" role="alert" id="login-error" data-testid="login-error" data-error-code={phase.error.code}>
              <Icon name="alert" className="notice__icon" />
              <div className="notice__body">
                <p className="notice__title">{t('login.error.title')}</p>
                <p>{loginErrorText(phase.error, server.trim() || (session.serverUrl ?? ''), t, locale)}</p>
              </div>
            </div>
          ) : null}

          <button type="submit" className="button button--primary login__submit" aria-busy={phase.status === 'submitting'}>
            {phase.status === 'submitting' ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
