/**
 * A modal built on the native <dialog>: the browser traps focus, Escape
 * closes it and the page behind is inert, so there is no focus-trap code to
 * get wrong. `open` drives showModal()/close(); closing by Escape reports
 * through `onClose`.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons, right-aligned under a rule. */
  readonly footer?: ReactNode;
  readonly intro?: ReactNode;
  readonly className?: string;
  readonly testId?: string;
}

export function Dialog(props: DialogProps): ReactNode {
  const { open, title, onClose, children, footer, intro, className, testId } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid={testId}
      // Keys pressed inside a dialog belong to it, not to the page's shortcuts.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {open ? (
        <>
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
          </div>
          {intro ? <div className="dialog__intro">{intro}</div> : null}
          <div className="dialog__body">{children}</div>
          {footer ? <div className="dialog__footer">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
