/**
 * Ctrl/Cmd+K: go to a view, open a ticket by number, search the queue,
 * create a ticket, switch the language, sync now. A combobox over a
 * listbox: arrows choose, Enter runs, Escape closes.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { QUEUE_VIEWS, type QueueRow } from '../../../src-shared/ipc/work-calls.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { VIEW_LABELS } from '../pages/queue/ViewTabs.tsx';
import { setLocale } from '../state/locale-store.ts';
import { queueActions } from '../state/queue-store.ts';
import { navigate, openTicket } from '../state/route-store.ts';
import { useSavedViewList } from '../state/saved-views-store.ts';
import { openDialog } from '../state/ui-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { Icon, type IconName } from '../ui/icons.tsx';
import { matchesQuery, ticketNumberOf } from './palette-match.ts';

interface Command {
  readonly id: string;
  readonly group: MessageKey;
  readonly label: string;
  readonly icon: IconName;
  readonly run: () => void;
}

function useTicketHits(query: string): readonly QueueRow[] {
  const desk = useDesk();
  const [hits, setHits] = useState<readonly QueueRow[]>([]);
  const number = ticketNumberOf(query);
  const text = query.trim();
  useEffect(() => {
    if (text.length < 2) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void desk.call('queue.page', { view: 'all', search: number === null ? text : String(number), limit: 6 }).then((result) => {
        if (!current) return;
        if (!result.ok) {
          console.warn('[palette] ticket search failed', result.error);
          setHits([]);
          return;
        }
        // The exact number first: prefix search also finds #10420 for "1042".
        setHits([...result.value.rows].sort((a, b) => Number(b.number === number) - Number(a.number === number)));
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, text, number]);
  return hits;
}

export const CommandPalette = memo(function CommandPalette({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const savedViews = useSavedViewList();
  const { t, locale } = useT();
  const desk = useDesk();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const hits = useTicketHits(open ? query : '');

  useEffect(() => {
    if (open) {
      setQuery('');
      setIndex(0);
    }
  }, [open]);

  const commands = useMemo((): Command[] => {
    const close = (action: () => void) => () => {
      onClose();
      action();
    };
    const list: Command[] = hits
      .filter((row) => row.number !== null)
      .map((row) => ({ id: `ticket-${row.id}`, group: 'palette.group.tickets', label: t('palette.openTicket', { number: row.number ?? '', subject: row.subject }), icon: 'queue', run: close(() => openTicket(row.id)) }));
    const text = query.trim();
    if (text !== '' && ticketNumberOf(text) === null) {
      list.push({
        id: 'search',
        group: 'palette.group.tickets',
        label: t('palette.searchQueue', { query: text }),
        icon: 'search',
        run: close(() => {
          queueActions.setSearch(text);
          navigate('queue');
        }),
      });
    }
    const actions: Command[] = [
      ...QUEUE_VIEWS.map((view) => ({
        id: `view-${view}`,
        group: 'palette.group.views' as const,
        label: t('palette.goView', { view: t(VIEW_LABELS[view]) }),
        icon: 'queue' as const,
        run: close(() => {
          queueActions.setView(view);
          navigate('queue');
        }),
      })),
      ...savedViews.map((saved) => ({
        id: `saved-${saved.id}`,
        group: 'palette.group.views' as const,
        label: t('palette.goView', { view: saved.name }),
        icon: 'bookmark' as const,
        run: close(() => {
          queueActions.applySavedView(saved);
          navigate('queue');
        }),
      })),
      { id: 'new-ticket', group: 'palette.group.actions', label: t('palette.createTicket'), icon: 'plus', run: close(() => openDialog('newTicket')) },
      {
        id: 'language',
        group: 'palette.group.actions',
        label: t('palette.language'),
        icon: 'language',
        run: close(() => {
          const next = locale === 'es-PE' ? 'en' : 'es-PE';
          void desk.call('settings.update', { locale: next }).then((result) => setLocale(result.ok ? result.value.locale : next));
        }),
      },
      { id: 'sync', group: 'palette.group.actions', label: t('palette.syncNow'), icon: 'refresh', run: close(() => void desk.call('sync.now', {})) },
      { id: 'attention', group: 'palette.group.actions', label: t('palette.goAttention'), icon: 'bell', run: close(() => navigate('attention')) },
      { id: 'calendar', group: 'palette.group.actions', label: t('palette.goCalendar'), icon: 'calendar', run: close(() => navigate('settings/calendar')) },
    ];
    return [...list, ...actions.filter((command) => matchesQuery(command.label, query))];
  }, [hits, query, savedViews, t, locale, desk, onClose]);

  const active = Math.min(index, commands.length - 1);
  const groups = [...new Set(commands.map((c) => c.group))];
  const optionId = (i: number): string => `${listId}-opt-${i}`;

  return (
    <Dialog open={open} title={t('palette.title')} onClose={onClose} className="dialog--palette" testId="command-palette">
      <div className="palette">
        <div className="search-field">
          <Icon name="command" className="search-field__icon" />
          <input
            ref={inputRef}
            className="input search-field__input palette__input"
            role="combobox"
            aria-label={t('palette.input')}
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={commands.length > 0 ? optionId(active) : undefined}
            placeholder={t('palette.placeholder')}
            value={query}
            autoFocus
            data-testid="palette-input"
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setIndex(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setIndex((i) => Math.min(commands.length - 1, i + 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setIndex((i) => Math.max(0, i - 1));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                commands[active]?.run();
              }
            }}
          />
        </div>
        <div id={listId} role="listbox" aria-label={t('palette.title')} className="palette__list" data-testid="palette-list">
          {commands.length === 0 ? <p className="muted palette__empty">{t('palette.empty')}</p> : null}
          {groups.map((group) => (
            <div key={group} role="group" aria-labelledby={`${listId}-${group}`} className="palette__group">
              <p id={`${listId}-${group}`} className="palette__group-title" role="presentation">
                {t(group)}
              </p>
              {commands.map((command, i) =>
                command.group === group ? (
                  <div
                    key={command.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className={`palette__option${i === active ? ' is-active' : ''}`}
                    data-command={command.id}
                    onMouseMove={() => setIndex(i)}
                    onClick={command.run}
                  >
                    <Icon name={command.icon} />
                    <span>{command.label}</span>
                  </div>
                ) : null,
              )}
            </div>
          ))}
        </div>
        <p className="palette__hint muted">{t('palette.hint')}</p>
      </div>
    </Dialog>
  );
});
