/**
 * A button that opens a small panel under it (filters, menus). Not modal:
 * Escape or a click outside closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon } from './icons.tsx';

export interface PopoverProps {
  /** The button's content. */
  readonly label: ReactNode;
  /** Accessible name of the panel. */
  readonly panelLabel: string;
  readonly children: (close: () => void) => ReactNode;
  readonly active?: boolean;
  readonly testId?: string;
  readonly align?: 'start' | 'end';
}

export function Popover({ label, panelLabel, children, active, testId, align = 'start' }: PopoverProps): ReactNode {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    // Focus the first control of the panel, as a menu does.
    rootRef.current?.querySelector<HTMLElement>('.popover__panel input, .popover__panel button, .popover__panel select')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      ref={rootRef}
      className="popover"
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`button button--small filter-button${active ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <Icon name="chevronDown" />
      </button>
      {open ? (
        <div id={panelId} className={`popover__panel popover__panel--${align}`} role="group" aria-label={panelLabel}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
