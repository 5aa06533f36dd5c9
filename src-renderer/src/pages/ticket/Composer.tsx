/**
 * Writing on the ticket: a reply to the customer or an internal note. The
 * two modes look different (the note is amber, like notes in the thread)
 * so nobody sends an internal remark to a customer by mistake.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useEdit } from '../../desk/use-edit.ts';
import { useT } from '../../i18n/index.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';

export type ComposerMode = 'reply' | 'note';

export function Composer({ ticketId, mode, onModeChange, focusKey }: { readonly ticketId: string; readonly mode: ComposerMode; readonly onModeChange: (mode: ComposerMode) => void; readonly focusKey: number }): ReactNode {
  const { t } = useT();
  const [body, setBody] = useState('');
  const edit = useEdit();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusKey > 0) textRef.current?.focus();
  }, [focusKey]);
  const note = mode === 'note';
  return (
    <section className={`card composer${note ? ' composer--note' : ''}`} aria-label={t('composer.label')} data-testid="composer" data-mode={mode}>
      <div className="composer__modes" role="radiogroup" aria-label={t('composer.label')}>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m} className={`composer__mode${mode === m ? ' is-on' : ''}`}>
            <input type="radio" name="composer-mode" value={m} checked={mode === m} onChange={() => onModeChange(m)} />
            <Icon name={m === 'note' ? 'note' : 'reply'} />
            {m === 'note' ? t('composer.note') : t('composer.reply')}
          </label>
        ))}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim() === '') return;
          void edit.apply('ticket.addNote', { ticketId, kind: mode, body: body.trim() }).then((id) => {
            if (id !== null) setBody('');
          });
        }}
      >
        <label className="sr-only" htmlFor="composer-body">
          {note ? t('composer.note') : t('composer.reply')}
        </label>
        <textarea
          ref={textRef}
          id="composer-body"
          className="input composer__text"
          rows={4}
          maxLength={20000}
          placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter sends, as in mail clients.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="composer__foot">
          <span className="muted">{note ? t('composer.noteHint') : ''}</span>
          <button type="submit" className={note ? 'button button--note' : 'button button--primary'} disabled={body.trim() === '' || edit.state.status === 'saving'}>
            {note ? t('composer.saveNote') : t('composer.sendReply')}
          </button>
        </div>
        {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
      </form>
    </section>
  );
}
