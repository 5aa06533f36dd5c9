/**
 * Shows a DeskApi error as a person should see it: a title, the desk's
 * message (or our translation of well-known codes) and the code, with an
 * optional retry. Errors are never swallowed into an empty screen.
 */
import type { ReactNode } from 'react';
import type { AppError } from '../../../src-shared/result.ts';
import { useT, type Translator } from '../i18n/index.ts';
import { Icon } from './icons.tsx';

export function describeError(error: AppError, t: Translator['t']): string {
  if (error.code === 'DESK_UNAVAILABLE') return t('error.DESK_UNAVAILABLE');
  return t('error.withCode', { message: error.message, code: error.code });
}

export function ErrorNotice(props: { readonly title: string; readonly error: AppError; readonly onRetry?: () => void }): ReactNode {
  const { t } = useT();
  return (
    <div className="notice notice--error" role="alert" data-error-code={props.error.code}>
      <Icon name="alert" className="notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{props.title}</p>
        <p className="notice__text">{describeError(props.error, t)}</p>
        {props.onRetry ? (
          <button type="button" className="button button--small" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
