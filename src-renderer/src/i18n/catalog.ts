/**
 * Message catalogs and the pure translation functions. Kept free of React and
 * DOM so the unit tests (node) can load them.
 */
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { esPE } from './es-PE.ts';

export interface PluralMessage {
  readonly one: string;
  readonly other: string;
}

type Source = typeof esPE;

/** The shape every catalog must have: the Spanish keys, each a string or a plural pair. */
export type Catalog = { readonly [K in keyof Source]: Source[K] extends string ? string : PluralMessage };

export type MessageKey = { [K in keyof Source]: Source[K] extends string ? K : never }[keyof Source];
export type PluralKey = { [K in keyof Source]: Source[K] extends string ? never : K }[keyof Source];

export type MessageParams = Readonly<Record<string, string | number>>;

export const DEFAULT_LOCALE: Locale = 'es-PE';

/** BCP 47 tag handed to Intl for each UI locale. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { 'es-PE': 'es-PE', en: 'en-US' };

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders. A placeholder without a value stays visible, so the gap shows up in review instead of vanishing. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names a message uses, for checking that translations keep them. */
export function placeholdersOf(message: string | PluralMessage): string[] {
  const text = typeof message === 'string' ? message : `${message.one} ${message.other}`;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** Plural messages: picks `one`/`other` with Intl.PluralRules and passes `{count}`, formatted for the locale. */
  tn(key: PluralKey, count: number, params?: MessageParams): string;
}

export function createTranslator(locale: Locale, catalog: Catalog): Translator {
  const plurals = new Intl.PluralRules(INTL_LOCALE[locale]);
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return {
    locale,
    t: (key, params) => interpolate(catalog[key], params),
    tn: (key, count, params) => {
      const message = catalog[key];
      const form = plurals.select(count) === 'one' ? message.one : message.other;
      return interpolate(form, { ...params, count: numbers.format(count) });
    },
  };
}

/** A per-domain slice of the English catalog: exactly the keys of its Spanish slice, each of the same shape. */
export type CatalogPart<S> = { readonly [K in keyof S]: S[K] extends string ? string : PluralMessage };
