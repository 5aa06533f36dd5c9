/**
 * The UI locale. The desk's settings are the source of truth: this store
 * mirrors `settings.get` at start-up and every `settings.changed` event, so
 * two windows (or a reload) agree on the language.
 */
import { create } from 'zustand';
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { DEFAULT_LOCALE } from '../i18n/catalog.ts';

interface LocaleState {
  readonly locale: Locale;
  /** False until the desk has told us the saved locale; the shell waits for it to avoid a flash of the wrong language. */
  readonly loaded: boolean;
  setLocale(locale: Locale): void;
}

const useLocaleStore = create<LocaleState>()((set) => ({
  locale: DEFAULT_LOCALE,
  loaded: false,
  setLocale: (locale) => set({ locale, loaded: true }),
}));

export const useLocale = (): Locale => useLocaleStore((s) => s.locale);
export const useLocaleLoaded = (): boolean => useLocaleStore((s) => s.loaded);
export const setLocale = (locale: Locale): void => useLocaleStore.getState().setLocale(locale);
