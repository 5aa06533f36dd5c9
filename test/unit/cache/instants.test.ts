import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseInstant } from '../../../src-main/core/cache/rows.ts';

describe('normaliseInstant', () => {
  it('turns any offset into UTC with milliseconds, so text order is time order', () => {
    expect(normaliseInstant('2025-03-03T10:00:00-05:00')).toBe('2025-03-03T15:00:00.000Z');
    expect(normaliseInstant('2025-03-03T15:00:00Z')).toBe('2025-03-03T15:00:00.000Z');
    expect(normaliseInstant('2025-03-03T15:00:00.5+00:00')).toBe('2025-03-03T15:00:00.500Z');
  });

  it('gives what Date gives for every instant, written in any offset', () => {
    const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    const offsetMinutes = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offsetMinutes, (date, offset) => {
        const canonical = date.toISOString();
        expect(normaliseInstant(canonical)).toBe(canonical);
        const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const written = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        if (Number.isNaN(new Date(written).getTime())) return; // Beyond Date's range once shifted.
        expect(normaliseInstant(written)).toBe(new Date(written).toISOString());
      }),
      { numRuns: 3_000, seed: 20261123 },
    );
  });
});
