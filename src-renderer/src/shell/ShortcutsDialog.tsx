/** The keyboard help, a native modal <dialog>: focus is trapped and Escape closes it without extra code. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';

const ROWS: ReadonlyArray<{ readonly keys: readonly string[]; readonly sequence?: boolean; readonly label: MessageKey }> = [
  { keys: ['G', 'C'], sequence: true, label: 'shortcuts.goQueue' },
  { keys: ['G', 'D'], sequence: true, label: 'shortcuts.goDispatch' },
  { keys: ['G', 'H'], sequence: true, label: 'shortcuts.goHours' },
  { keys: ['G', 'A'], sequence: true, label: 'shortcuts.goSettings' },
  { keys: ['G', 'K'], sequence: true, label: 'shortcuts.goCalendar' },
  { keys: ['←', '→'], label: 'shortcuts.prevNextMonth' },
  { keys: ['?'], label: 'shortcuts.help' },
];

export function ShortcutsDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <div className="dialog__header">
        <h2 id="shortcuts-title" className="dialog__title">
          {t('shortcuts.title')}
        </h2>
      </div>
      <p className="dialog__intro">{t('shortcuts.intro')}</p>
      <dl className="shortcuts">
        {ROWS.map((row) => (
          <div className="shortcuts__row" key={row.label}>
            <dt className="shortcuts__keys">
              {row.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? <span className="shortcuts__then">{row.sequence ? t('shortcuts.then') : '/'}</span> : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(row.label)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__footer">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
