/**
 * The queue's views with their counts (Mis tickets, Sin asignar, …), then the
 * technician's saved views. A view is a toggle button: pressed = shown.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { QUEUE_VIEWS, type SavedView } from '../../../../src-shared/ipc/work-calls.ts';
import type { AppError } from '../../../../src-shared/result.ts';
import { useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { INTL_LOCALE } from '../../i18n/catalog.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { queueActions, useQueueQuery, useQueueView, useSavedViewId, type QueueView } from '../../state/queue-store.ts';
import { setSavedViews, useSavedViewList } from '../../state/saved-views-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';

export const VIEW_LABELS: Readonly<Record<QueueView, MessageKey>> = {
  mine: 'queue.view.mine',
  unassigned: 'queue.view.unassigned',
  onsite_pending: 'queue.view.onsite_pending',
  waiting_customer: 'queue.view.waiting_customer',
  all: 'queue.view.all',
};

/** Entities whose changes move tickets between views. */
const COUNT_ENTITIES = ['ticket', '*'];

/** Reads the saved views into their store (once per console, and again after a reconnect). */
export function useLoadSavedViews(): void {
  const { state } = useDeskQuery('views.list', {});
  useEffect(() => {
    if (state.status === 'ready') setSavedViews(state.value);
  }, [state]);
}

export function ViewTabs(): ReactNode {
  const savedViews = useSavedViewList();
  const { t, locale } = useT();
  const desk = useDesk();
  const view = useQueueView();
  const savedViewId = useSavedViewId();
  const { state: counts } = useDeskQuery('queue.counts', {}, COUNT_ENTITIES);
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);

  const remove = async (saved: SavedView): Promise<void> => {
    const result = await desk.call('views.delete', { id: saved.id });
    if (result.ok) setSavedViews(result.value);
    else console.error('[queue] could not delete a saved view', result.error);
  };

  return (
    <div className="views">
      <div className="views__list" role="group" aria-label={t('queue.views.label')} data-testid="queue-views">
        {QUEUE_VIEWS.map((id) => {
          const count = counts.value?.[id];
          const pressed = view === id && savedViewId === null;
          return (
            <button key={id} type="button" className="view-tab" aria-pressed={pressed} data-view={id} onClick={() => queueActions.setView(id)}>
              <span>{t(VIEW_LABELS[id])}</span>
              {count === undefined ? null : (
                <span className="view-tab__count" data-testid={`count-${id}`}>
                  {numbers.format(count)}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {savedViews.length > 0 ? (
        <div className="views__list views__list--saved" role="group" aria-label={t('queue.savedViews.label')} data-testid="saved-views">
          {savedViews.map((saved) => (
            <span key={saved.id} className="saved-view">
              <button type="button" className="view-tab" aria-pressed={savedViewId === saved.id} onClick={() => queueActions.applySavedView(saved)}>
                <Icon name="bookmark" />
                <span>{saved.name}</span>
              </button>
              <button type="button" className="button button--ghost button--icon button--tiny" aria-label={t('queue.savedView.delete', { name: saved.name })} onClick={() => void remove(saved)}>
                <Icon name="close" />
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function SaveViewDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const { t } = useT();
  const desk = useDesk();
  const query = useQueueQuery();
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const save = async (): Promise<void> => {
    if (name.trim() === '') return;
    const id = crypto.randomUUID();
    const search = query.search.trim();
    const result = await desk.call('views.save', {
      id,
      name: name.trim(),
      query: { view: query.view, filters: query.filters, sort: query.sort, ...(search === '' ? {} : { search }) },
    });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSavedViews(result.value);
    const saved = result.value.find((v) => v.id === id);
    if (saved) queueActions.applySavedView(saved);
    setName('');
    setError(null);
    onClose();
  };

  return (
    <Dialog
      open={open}
      title={t('queue.saveView.title')}
      onClose={onClose}
      testId="save-view-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="save-view-form" className="button button--primary" disabled={name.trim() === ''}>
            {t('queue.saveView.save')}
          </button>
        </>
      }
    >
      <form
        id="save-view-form"
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t('queue.saveView.help')}</p>
        <div className="field">
          <label className="field__label" htmlFor="save-view-name">
            {t('queue.saveView.name')}
          </label>
          <input id="save-view-name" className="input" maxLength={80} placeholder={t('queue.saveView.placeholder')} value={name} onChange={(event) => setName(event.currentTarget.value)} autoFocus />
        </div>
        {error ? <ErrorNotice title={t('queue.saveView.error')} error={error} /> : null}
      </form>
    </Dialog>
  );
}
