import { describe, expect, it } from 'vitest';
import { createTranslator, interpolate, placeholdersOf, type Catalog } from '../../../src-renderer/src/i18n/catalog.ts';
import { en } from '../../../src-renderer/src/i18n/en.ts';
import { esPE } from '../../../src-renderer/src/i18n/es-PE.ts';

const catalogs: Record<string, Catalog> = { 'es-PE': esPE, en };

describe('message catalogs', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(esPE).sort());
  });

  it('use the same placeholders and the same message shape in both languages', () => {
    for (const key of Object.keys(esPE) as Array<keyof Catalog>) {
      expect(typeof en[key], key).toBe(typeof esPE[key]);
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(esPE[key]));
    }
  });

  it('have no empty messages', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, message] of Object.entries(catalog)) {
        const texts = typeof message === 'string' ? [message] : [message.one, message.other];
        for (const text of texts) expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('plural messages carry {count}', () => {
    for (const message of Object.values(esPE)) {
      if (typeof message !== 'string') expect(placeholdersOf(message)).toContain('count');
    }
  });
});

describe('translation', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{name} — {zone}', { name: 'Miraflores', zone: 'Lima Centro' })).toBe('Miraflores — Lima Centro');
    expect(interpolate('{name} y {missing}', { name: 'Lince' })).toBe('Lince y {missing}');
  });

  it('picks the plural form for the locale and formats the count', () => {
    const es = createTranslator('es-PE', esPE);
    expect(es.tn('status.pending', 1)).toBe('1 cambio pendiente');
    expect(es.tn('status.pending', 3)).toBe('3 cambios pendientes');
    expect(es.tn('status.pending', 1200)).toBe('1,200 cambios pendientes');
    const english = createTranslator('en', en);
    expect(english.tn('status.pending', 1)).toBe('1 pending change');
    expect(english.tn('status.pending', 0)).toBe('0 pending changes');
  });

  it('translates the same key differently per locale', () => {
    expect(createTranslator('es-PE', esPE).t('nav.queue')).toBe('Cola');
    expect(createTranslator('en', en).t('nav.queue')).toBe('Queue');
  });
});
