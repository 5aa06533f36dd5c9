/**
 * "¿Atendemos en sitio?": type a district, UBIGEO or place and see whether
 * on-site visits reach it. Asks the desk (`districts.lookup`) after a short
 * pause in typing; the answer is announced politely to screen readers.
 * `data-state` and `data-query` say which query the shown answer belongs to,
 * so tests (and people) never read a stale result as the current one.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { DistrictLookup as LookupResult } from '../../../../src-shared/ipc/desk-api.ts';
import { assertNever, type AppError } from '../../../../src-shared/result.ts';
import { useDesk } from '../../desk/desk-context.tsx';
import { useT } from '../../i18n/index.ts';
import { describeError } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';

/** Pause after the last keystroke before asking: fewer calls while someone is still typing. */
const DEBOUNCE_MS = 250;

type LookupState =
  | { readonly status: 'idle'; readonly query: string }
  | { readonly status: 'pending'; readonly query: string }
  | { readonly status: 'ready'; readonly query: string; readonly result: LookupResult }
  | { readonly status: 'error'; readonly query: string; readonly error: AppError };

function ResultView({ state }: { readonly state: LookupState }): ReactNode {
  const { t } = useT();
  switch (state.status) {
    case 'idle':
      return null;
    case 'pending':
      return <p className="muted lookup__pending">{t('district.searching')}</p>;
    case 'error':
      return (
        <div className="lookup__result lookup__result--error">
          <p className="lookup__headline">{t('district.errorTitle')}</p>
          <p className="lookup__detail">{describeError(state.error, t)}</p>
        </div>
      );
    case 'ready': {
      const { result } = state;
      if (result.inArea) {
        const { district } = result;
        return (
          <div className="lookup__result lookup__result--in" data-in-area="true">
            <span className="pill pill--ok">
              <Icon name="check" />
              {t('district.inArea')}
            </span>
            <p className="lookup__headline">{t('district.result.in', { name: district.name, zone: district.zone })}</p>
            <p className="lookup__detail">{t('district.detail', { ubigeo: district.ubigeo, province: t(district.province === 'Lima' ? 'district.province.Lima' : 'district.province.Callao') })}</p>
          </div>
        );
      }
      switch (result.code) {
        case 'EMPTY':
          return null;
        case 'OUTSIDE_SERVICE_AREA':
          return (
            <div className="lookup__result lookup__result--out" data-in-area="false">
              <span className="pill pill--danger">
                <Icon name="alert" />
                {t('district.outArea')}
              </span>
              <p className="lookup__headline">
                {result.knownPlace
                  ? t('district.result.outKnown', { query: result.query, place: result.knownPlace })
                  : t('district.result.out', { query: result.query })}
              </p>
              <p className="lookup__detail">{t('district.outHint')}</p>
            </div>
          );
        case 'UNKNOWN_PLACE':
          return (
            <div className="lookup__result lookup__result--unknown" data-in-area="unknown">
              <span className="pill pill--warn">
                <Icon name="info" />
                {t('district.unknown')}
              </span>
              <p className="lookup__headline">{t('district.result.unknown', { query: result.query })}</p>
              <p className="lookup__detail">{t('district.unknownHint')}</p>
            </div>
          );
        default:
          return assertNever(result.code, 'district lookup code');
      }
    }
    default:
      return assertNever(state, 'lookup state');
  }
}

export function DistrictLookup(): ReactNode {
  const { t } = useT();
  const desk = useDesk();
  const inputId = useId();
  const helpId = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<LookupState>({ status: 'idle', query: '' });
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const requestId = ++latest.current;
    if (query === '') {
      setState({ status: 'idle', query });
      return;
    }
    setState({ status: 'pending', query });
    const timer = setTimeout(() => {
      void desk.call('districts.lookup', { query }).then((result) => {
        if (requestId !== latest.current) return;
        setState(result.ok ? { status: 'ready', query, result: result.value } : { status: 'error', query, error: result.error });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, desk]);

  return (
    <section className="card lookup" aria-labelledby="lookup-title" data-testid="district-lookup">
      <h2 id="lookup-title" className="card__title">
        <Icon name="pin" />
        {t('district.title')}
      </h2>
      <p className="card__help" id={helpId}>
        {t('district.help')}
      </p>
      <label className="field__label" htmlFor={inputId}>
        {t('district.label')}
      </label>
      <div className="search-field">
        <Icon name="search" className="search-field__icon" />
        <input
          id={inputId}
          className="input search-field__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={t('district.placeholder')}
          aria-describedby={helpId}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <div className="lookup__live" aria-live="polite" aria-atomic="true" data-testid="lookup-result" data-state={state.status} data-query={state.query}>
        <ResultView state={state} />
      </div>
    </section>
  );
}
