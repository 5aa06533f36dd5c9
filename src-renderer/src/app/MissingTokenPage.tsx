/**
 * Browser mode without a bridge token: the page cannot reach the desk. Says
 * so plainly, in Spanish first and English below, because no saved language
 * can be read without the desk.
 */
import type { ReactNode } from 'react';
import { translatorFor } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';

function Explanation({ locale }: { readonly locale: 'es-PE' | 'en' }): ReactNode {
  const { t } = translatorFor(locale);
  return (
    <section lang={locale} className="token-page__section" aria-labelledby={`token-title-${locale}`}>
      <h2 id={`token-title-${locale}`} className="token-page__title">
        {t('token.title')}
      </h2>
      <p>{t('token.body')}</p>
      <pre className="token-page__command">
        <code>{t('token.command')}</code>
      </pre>
      <p>{t('token.steps')}</p>
      <p className="muted">{t('token.note')}</p>
    </section>
  );
}

export function MissingTokenPage(): ReactNode {
  return (
    <main className="token-page" id="main" data-app-state="missing-token">
      <div className="token-page__card">
        <div className="token-page__brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <h1 className="token-page__app">Ayni</h1>
          <Icon name="alert" className="token-page__icon" />
        </div>
        <Explanation locale="es-PE" />
        <hr className="token-page__divider" />
        <Explanation locale="en" />
      </div>
    </main>
  );
}
