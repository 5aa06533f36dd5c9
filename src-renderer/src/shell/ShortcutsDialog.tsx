/** The keyboard help, grouped by where the keys work. A native modal <dialog>: focus is trapped and Escape closes it. */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';

interface Row {
  readonly keys: readonly string[];
  readonly sequence?: boolean;
  /** Keys pressed together (Ctrl+K) rather than one after the other. */
  readonly chord?: boolean;
  readonly label: MessageKey;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const GROUPS: ReadonlyArray<{ readonly title: MessageKey; readonly rows: readonly Row[] }> = [
  {
    title: 'shortcuts.group.everywhere',
    rows: [
      { keys: ['G', 'C'], sequence: true, label: 'shortcuts.goQueue' },
      { keys: ['G', 'R'], sequence: true, label: 'shortcuts.goAttention' },
      { keys: ['G', 'D'], sequence: true, label: 'shortcuts.goDispatch' },
      { keys: ['G', 'H'], sequence: true, label: 'shortcuts.goHours' },
      { keys: ['G', 'A'], sequence: true, label: 'shortcuts.goSettings' },
      { keys: ['G', 'K'], sequence: true, label: 'shortcuts.goCalendar' },
      { keys: [isMac ? '⌘' : 'Ctrl', 'K'], chord: true, label: 'shortcuts.palette' },
      { keys: ['?'], label: 'shortcuts.help' },
    ],
  },
  {
    title: 'shortcuts.group.queue',
    rows: [
      { keys: ['J', 'K'], label: 'shortcuts.queueMove' },
      { keys: ['Enter'], label: 'shortcuts.open' },
      { keys: ['X'], label: 'shortcuts.select' },
      { keys: ['/'], label: 'shortcuts.search' },
      { keys: ['N'], label: 'shortcuts.newTicket' },
    ],
  },
  {
    title: 'shortcuts.group.ticket',
    rows: [
      { keys: ['Esc'], label: 'shortcuts.back' },
      { keys: ['R'], label: 'shortcuts.reply' },
      { keys: ['I'], label: 'shortcuts.note' },
    ],
  },
  { title: 'shortcuts.group.calendar', rows: [{ keys: ['←', '→'], label: 'shortcuts.prevNextMonth' }] },
];

export const ShortcutsDialog = memo(function ShortcutsDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-dialog">
      <div className="dialog__header">
        <h2 id="shortcuts-title" className="dialog__title">
          {t('shortcuts.title')}
        </h2>
      </div>
      <p className="dialog__intro">{t('shortcuts.intro')}</p>
      <div className="shortcuts-groups">
        {GROUPS.map((group) => (
          <section key={group.title} className="shortcuts-group" aria-labelledby={`sg-${group.title}`}>
            <h3 id={`sg-${group.title}`} className="shortcuts-group__title">
              {t(group.title)}
            </h3>
            <dl className="shortcuts">
              {group.rows.map((row) => (
                <div className="shortcuts__row" key={row.label}>
                  <dt className="shortcuts__keys">
                    {row.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 ? <span className="shortcuts__then">{row.sequence ? t('shortcuts.then') : row.chord ? '+' : '/'}</span> : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{t(row.label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
});
