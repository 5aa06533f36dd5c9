import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-renderer/src/i18n/catalog.ts';
import { en } from '../../../src-renderer/src/i18n/en.ts';
import { esPE } from '../../../src-renderer/src/i18n/es-PE.ts';
import { describeSla, openMinutesBetween, type Sla } from '../../../src-renderer/src/pages/queue/sla.ts';

const es = createTranslator('es-PE', esPE);
const english = createTranslator('en', en);

/** Lima wall time → epoch ms (Lima is UTC−5 all year). */
const lima = (isoLocal: string): number => Date.parse(`${isoLocal}-05:00`);

// 2026-03-23 is a Monday; 2026-03-27 a Friday.
const MONDAY_10 = lima('2026-03-23T10:00:00');

const open = (dueAt: string, minutesLeft: number, state: Sla['state'] = 'ok'): Sla => ({ state, dueAt: new Date(lima(dueAt)).toISOString(), minutesLeft });

describe('SLA timer text', () => {
  it('says when there is no promise, when it is paused and when it was met', () => {
    expect(describeSla({ state: 'none', dueAt: null, minutesLeft: null }, MONDAY_10, MONDAY_10, es)).toEqual({ tone: 'none', text: 'sin compromiso' });
    expect(describeSla({ state: 'paused', dueAt: null, minutesLeft: 90 }, MONDAY_10, MONDAY_10, es)).toEqual({ tone: 'paused', text: 'pausado' });
    expect(describeSla({ state: 'met', dueAt: null, minutesLeft: null }, MONDAY_10, MONDAY_10, english).text).toBe('met');
  });

  it('counts down the same business day in hours and minutes', () => {
    expect(describeSla(open('2026-03-23T12:10:00', 130), MONDAY_10, MONDAY_10, es)).toEqual({ tone: 'ok', text: 'vence en 2\u00a0h\u00a010\u00a0min' });
    expect(describeSla(open('2026-03-23T12:10:00', 130), MONDAY_10, MONDAY_10, english).text).toBe('due in 2\u00a0h\u00a010\u00a0min');
  });

  it('keeps running after the desk answered', () => {
    const tenMinutesLater = MONDAY_10 + 10 * 60_000;
    expect(describeSla(open('2026-03-23T12:10:00', 130), MONDAY_10, tenMinutesLater, es).text).toBe('vence en 2\u00a0h');
  });

  it('turns to a warning in the last hour and to overdue after the deadline', () => {
    expect(describeSla(open('2026-03-23T10:45:00', 45), MONDAY_10, MONDAY_10, es)).toEqual({ tone: 'warning', text: 'vence en 45\u00a0min' });
    expect(describeSla(open('2026-03-23T09:25:00', -35, 'breached'), MONDAY_10, MONDAY_10, es)).toEqual({ tone: 'breached', text: 'vencido hace 35\u00a0min' });
    expect(describeSla(open('2026-03-23T09:25:00', -35, 'breached'), MONDAY_10, MONDAY_10, english).text).toBe('overdue by 35\u00a0min');
    // A due time passed between two reads is overdue at once.
    const at = lima('2026-03-23T10:50:00');
    expect(describeSla(open('2026-03-23T10:45:00', 45), MONDAY_10, at, es)).toEqual({ tone: 'breached', text: 'vencido hace 5\u00a0min' });
  });

  it('names the day and time when the deadline runs over a night or a weekend', () => {
    const fridayEvening = lima('2026-03-27T20:30:00');
    const sla = open('2026-03-30T08:45:00', 75);
    expect(describeSla(sla, fridayEvening, fridayEvening, es).text).toBe('vence lun 08:45');
    expect(describeSla(sla, fridayEvening, fridayEvening, english).text).toBe('due Mon 08:45');
  });

  it('stops on a finished ticket: kept or missed, no time running', () => {
    expect(describeSla(open('2026-03-20T09:00:00', -13 * 60 * 3, 'breached'), MONDAY_10, MONDAY_10, es, true)).toEqual({ tone: 'missed', text: 'no cumplido' });
    expect(describeSla(open('2026-03-23T12:10:00', 130), MONDAY_10, MONDAY_10, english, true)).toEqual({ tone: 'met', text: 'met' });
    expect(describeSla({ state: 'none', dueAt: null, minutesLeft: null }, MONDAY_10, MONDAY_10, es, true).text).toBe('sin compromiso');
  });

  it('counts long overdue spans in business days', () => {
    expect(describeSla(open('2026-03-20T09:00:00', -13 * 60 * 3, 'breached'), MONDAY_10, MONDAY_10, es).text).toBe('vencido hace 3\u00a0días\u00a0hábiles');
  });
});

describe('open minutes of the standard week', () => {
  it('skips nights and weekends', () => {
    expect(openMinutesBetween(lima('2026-03-27T21:00:00'), lima('2026-03-30T08:00:00'))).toBe(0);
    expect(openMinutesBetween(lima('2026-03-27T20:00:00'), lima('2026-03-30T09:00:00'))).toBe(120);
    expect(openMinutesBetween(lima('2026-03-23T08:00:00'), lima('2026-03-24T08:00:00'))).toBe(13 * 60);
    expect(openMinutesBetween(MONDAY_10, MONDAY_10 - 1)).toBe(0);
  });

  it('adds up over consecutive spans and never exceeds wall time', () => {
    const start = lima('2026-03-01T00:00:00');
    const minute = 60_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (a, b, c) => {
        const t0 = start + a * minute;
        const t1 = t0 + b * minute;
        const t2 = t1 + c * minute;
        expect(openMinutesBetween(t0, t1) + openMinutesBetween(t1, t2)).toBe(openMinutesBetween(t0, t2));
        expect(openMinutesBetween(t0, t2)).toBeLessThanOrEqual(b + c);
      }),
    );
  });
});
