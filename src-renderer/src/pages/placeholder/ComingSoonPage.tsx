/**
 * Screens that later issues build (Despacho, Horas). Until then they say
 * honestly what will be here instead of showing an empty frame.
 */
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { hashOf } from '../../state/route-store.ts';
import { Icon, type IconName } from '../../ui/icons.tsx';

export interface ComingSoonContent {
  readonly icon: IconName;
  readonly heading: MessageKey;
  readonly body: MessageKey;
  readonly items: readonly MessageKey[];
}

const COMING_SOON: Readonly<Record<'dispatch' | 'hours', ComingSoonContent>> = {
  dispatch: {
    icon: 'dispatch',
    heading: 'page.dispatch.heading',
    body: 'page.dispatch.body',
    items: ['page.dispatch.item1', 'page.dispatch.item2', 'page.dispatch.item3'],
  },
  hours: { icon: 'hours', heading: 'page.hours.heading', body: 'page.hours.body', items: ['page.hours.item1', 'page.hours.item2', 'page.hours.item3'] },
};

export function ComingSoonPage({ screen }: { readonly screen: keyof typeof COMING_SOON }): ReactNode {
  const { t } = useT();
  const content = COMING_SOON[screen];
  return (
    <section className="page page--narrow" data-page={screen} data-state="ready" aria-labelledby={`${screen}-heading`}>
      <div className="coming-soon">
        <div className="coming-soon__art" aria-hidden="true">
          <Icon name={content.icon} />
        </div>
        <div className="coming-soon__content">
          <p className="pill pill--accent">{t('placeholder.badge')}</p>
          <h2 id={`${screen}-heading`} className="coming-soon__heading">
            {t(content.heading)}
          </h2>
          <p className="coming-soon__body">{t(content.body)}</p>
          <h3 className="coming-soon__subheading">{t('placeholder.whatsComing')}</h3>
          <ul className="checklist">
            {content.items.map((item) => (
              <li key={item}>
                <Icon name="check" className="checklist__icon" />
                <span>{t(item)}</span>
              </li>
            ))}
          </ul>
          <div className="coming-soon__meanwhile">
            <p>{t('placeholder.meanwhile')}</p>
            <a className="button" href={hashOf('settings/calendar')}>
              <Icon name="calendar" />
              {t('placeholder.openCalendar')}
            </a>
          </div>
        </div>
      </div>
    </section>
  );
}
