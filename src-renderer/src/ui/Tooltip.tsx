/**
 * One floating tooltip for a whole screen, positioned at the element that
 * asked for it. Rendered at the top level (position: fixed) so scroll
 * containers never clip it, and built once instead of once per table row.
 */
import { create } from 'zustand';
import { useId, type ReactNode } from 'react';

interface TipState {
  readonly text: string | null;
  readonly x: number;
  readonly y: number;
  readonly above: boolean;
}

const useTipStore = create<TipState>()(() => ({ text: null, x: 0, y: 0, above: false }));

/** Shows `text` under (or above, near the bottom of the window) `element`. */
export function showTip(element: Element, text: string): void {
  const rect = element.getBoundingClientRect();
  const above = rect.bottom + 80 > window.innerHeight;
  useTipStore.setState({ text, x: rect.left, y: above ? rect.top - 6 : rect.bottom + 6, above });
}

export function hideTip(): void {
  if (useTipStore.getState().text !== null) useTipStore.setState({ text: null });
}

export function FloatingTip(): ReactNode {
  const { text, x, y, above } = useTipStore();
  const id = useId();
  if (text === null) return null;
  return (
    <div id={id} role="tooltip" className={above ? 'tip tip--above' : 'tip'} style={{ left: x, top: y }} data-testid="tooltip">
      {text}
    </div>
  );
}
