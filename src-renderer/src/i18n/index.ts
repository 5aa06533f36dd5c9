/**
 * i18n entry point for components: `useT()` gives the translator of the
 * current UI locale (from the locale store, which follows DeskApi settings).
 */
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { useLocale } from '../state/locale-store.ts';
import { createTranslator, type Catalog, type Translator } from './catalog.ts';
import { en } from './en.ts';
import { esPE } from './es-PE.ts';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'es-PE': esPE, en };

const translators: Record<Locale, Translator> = {
  'es-PE': createTranslator('es-PE', esPE),
  en: createTranslator('en', en),
};

export function translatorFor(locale: Locale): Translator {
  return translators[locale];
}

export function useT(): Translator {
  return translators[useLocale()];
}

export type { MessageKey, PluralKey, Translator } from './catalog.ts';
