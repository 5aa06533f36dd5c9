/** Ajustes › General e idioma: the UI language (saved in the desk's settings) and facts about this console. */
import { useState, type ReactNode } from 'react';
import { LocaleSchema, type DeskOutput, type Locale } from '../../../../src-shared/ipc/desk-api.ts';
import type { AppError } from '../../../../src-shared/result.ts';
import { useDesk } from '../../desk/desk-context.tsx';
import { translatorFor, useT } from '../../i18n/index.ts';
import { setLocale } from '../../state/locale-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { platformName } from './platform-name.ts';

const LANGUAGES: ReadonlyArray<{ readonly locale: Locale; readonly lang: string }> = [
  { locale: 'es-PE', lang: 'es-PE' },
  { locale: 'en', lang: 'en' },
];

type SaveState = { readonly status: 'idle' } | { readonly status: 'saving'; readonly locale: Locale } | { readonly status: 'saved' } | { readonly status: 'error'; readonly error: AppError };

function LanguageSetting(): ReactNode {
  const { t, locale } = useT();
  const desk = useDesk();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  // The radio shows the choice at once; the UI language follows when the desk has saved it.
  const selected = save.status === 'saving' ? save.locale : locale;

  const choose = async (next: Locale): Promise<void> => {
    // Not disabling the radios while saving: a disabled control drops keyboard focus. A second change simply waits its turn.
    if (next === locale || save.status === 'saving') return;
    setSave({ status: 'saving', locale: next });
    const result = await desk.call('settings.update', { locale: next });
    if (result.ok) {
      setLocale(result.value.locale);
      setSave({ status: 'saved' });
    } else {
      setSave({ status: 'error', error: result.error });
    }
  };

  return (
    <section className="card" aria-labelledby="language-title" data-testid="language-setting">
      <fieldset className="fieldset" aria-busy={save.status === 'saving'}>
        <legend id="language-title" className="card__title">
          {t('settings.language.legend')}
        </legend>
        <p className="card__help">{t('settings.language.help')}</p>
        <div className="choice-list">
          {LANGUAGES.map(({ locale: option, lang }) => (
            <label key={option} className="choice" lang={lang}>
              <input
                type="radio"
                name="locale"
                value={option}
                checked={selected === option}
                onChange={(event) => {
                  const parsed = LocaleSchema.safeParse(event.currentTarget.value);
                  if (parsed.success) void choose(parsed.data);
                }}
              />
              <span className="choice__label">{translatorFor(option).t(option === 'es-PE' ? 'settings.language.esPE' : 'settings.language.en')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="card__status" aria-live="polite">
        {save.status === 'saving' ? <p className="muted">{t('settings.language.saving')}</p> : null}
        {save.status === 'saved' ? <p className="success-text">{t('settings.language.saved')}</p> : null}
      </div>
      {save.status === 'error' ? <ErrorNotice title={t('settings.language.legend')} error={save.error} /> : null}
    </section>
  );
}

function AboutCard({ appInfo }: { readonly appInfo: DeskOutput<'app.info'> | null }): ReactNode {
  const { t } = useT();
  const rows: ReadonlyArray<readonly [string, string]> = [
    ...(appInfo
      ? ([
          [t('settings.about.version'), appInfo.version],
          [t('settings.about.mode'), t(appInfo.mode === 'electron' ? 'mode.electron' : 'mode.web')],
          [t('settings.about.platform'), platformName(appInfo.platform, t)],
        ] as const)
      : []),
    [t('settings.about.timezone'), t('settings.about.timezoneValue')],
    [t('settings.about.serviceHours'), t('settings.about.serviceHoursValue')],
    [t('settings.about.serviceArea'), t('settings.about.serviceAreaValue')],
  ];
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title" className="card__title">
        {t('settings.about.title')}
      </h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div className="facts__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function GeneralSettingsPage({ appInfo }: { readonly appInfo: DeskOutput<'app.info'> | null }): ReactNode {
  return (
    <div className="page page--narrow stack" data-page="settings-general" data-state="ready">
      <LanguageSetting />
      <AboutCard appInfo={appInfo} />
    </div>
  );
}
