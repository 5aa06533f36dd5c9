import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from '../../src-server/db/parsers.ts';

/** What PostgreSQL prints for a timestamptz in a UTC session, from an instant in microseconds. */
function postgresText(micros: bigint): string {
  const ms = Number(micros / 1000n);
  const iso = new Date(ms).toISOString(); // 2026-03-02T13:00:00.123Z
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === '' ? '' : `.${fraction}`}+00`;
}

/** The general path: what the parser did before its text fast path. */
const throughDate = (text: string): string => new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

describe('parseTimestamptz', () => {
  it('rewrites UTC timestamps as Date would, milliseconds truncated', () => {
    expect(parseTimestamptz('2026-03-02 13:00:00+00')).toBe('2026-03-02T13:00:00.000Z');
    expect(parseTimestamptz('2026-03-02 13:00:00.5+00')).toBe('2026-03-02T13:00:00.500Z');
    expect(parseTimestamptz('2026-03-02 13:00:00.123456+00')).toBe('2026-03-02T13:00:00.123Z');
    expect(parseTimestamptz('2026-03-02 13:00:00.999999+00')).toBe('2026-03-02T13:00:00.999Z');
  });

  it('agrees with the Date path for any instant from 1970 to 9999', () => {
    const micros = fc.bigInt({ min: 0n, max: 253_402_300_799_999_999n });
    fc.assert(
      fc.property(micros, (value) => {
        const text = postgresText(value);
        expect(parseTimestamptz(text)).toBe(throughDate(text));
      }),
      { numRuns: 5_000, seed: 20261123 },
    );
  });

  it('still reads other offsets and refuses garbage', () => {
    expect(parseTimestamptz('2026-03-02 08:00:00-05')).toBe('2026-03-02T13:00:00.000Z');
    expect(() => parseTimestamptz('not a time')).toThrow(/Unreadable timestamptz/);
  });
});
