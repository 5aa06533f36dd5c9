/**
 * Global keyboard shortcuts: "g" then a letter jumps to a screen (as in
 * GitHub or Gmail), "?" opens the list, Ctrl/Cmd+K the command palette.
 * Letters are ignored while the user types in a field or holds a modifier,
 * so they never eat real input.
 */
import { useEffect } from 'react';
import { navigate } from '../state/route-store.ts';
import { SHORTCUT_ROUTES } from './route-meta.ts';

/** How long "g" waits for its second key: a UI affordance, not a business rule. */
const SEQUENCE_WINDOW_MS = 1_500;

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // Keys pressed on a radio or checkbox are not text input.
  return type !== 'radio' && type !== 'checkbox' && type !== 'button' && type !== 'submit';
}

export function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

export function isPaletteKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

export function useGlobalShortcuts(openHelp: () => void, openPalette: () => void): void {
  useEffect(() => {
    let awaitingSecondKey = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reset = (): void => {
      awaitingSecondKey = false;
      clearTimeout(timer);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      // The palette opens from anywhere, even from a text field, as in every editor people know.
      if (isPaletteKey(event) && !event.defaultPrevented) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) openPalette();
        return;
      }
      if (event.defaultPrevented || hasModifier(event) || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (awaitingSecondKey) {
        reset();
        const route = SHORTCUT_ROUTES.get(key);
        if (route) {
          event.preventDefault();
          navigate(route);
          document.getElementById('main')?.focus();
        }
        return;
      }
      if (key === 'g') {
        awaitingSecondKey = true;
        timer = setTimeout(reset, SEQUENCE_WINDOW_MS);
      } else if (event.key === '?') {
        event.preventDefault();
        openHelp();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, [openHelp, openPalette]);
}
