import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedMinutes, formatClock, formatMinutes, parseDuration, roundWork, ROUNDING_MINUTES } from '../../../src-renderer/src/pages/ticket/duration.ts';

describe('typed durations', () => {
  it.each([
    ['1 h', 60],
    ['1h', 60],
    ['1,5 h', 90],
    ['1.5 horas', 90],
    ['45 min', 45],
    ['45m', 45],
    ['45', 45],
    ['1:30', 90],
    ['0:05', 5],
    ['1 h 30 min', 90],
    ['1h30', 90],
    ['2 horas y 15 minutos', 135],
    ['  3 HORAS ', 180],
    ['2 hours 5 minutes', 125],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each(['', '   '])('asks for something when empty (%j)', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['abc', '1:75', '-5', '0', '0 min', '1 h 30 h', 'h'])('refuses %j', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses more than a day in one entry', () => {
    expect(parseDuration('25 h')).toEqual({ ok: false, reason: 'tooLong' });
    expect(parseDuration('24 h')).toEqual({ ok: true, minutes: 1440 });
  });
});

describe('rounding rule', () => {
  it('rounds remote work up to 15 minutes and on-site work up to 30', () => {
    expect(roundWork(30, 'remote')).toBe(30);
    expect(roundWork(31, 'remote')).toBe(45);
    expect(roundWork(1, 'remote')).toBe(15);
    expect(roundWork(60, 'onsite')).toBe(60);
    expect(roundWork(61, 'onsite')).toBe(90);
    expect(roundWork(10, 'onsite')).toBe(30);
  });

  it('never logs less than the work, nor a full step more, nor over a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 60 }), fc.constantFrom('remote' as const, 'onsite' as const), (minutes, kind) => {
        const rounded = roundWork(minutes, kind);
        const step = ROUNDING_MINUTES[kind];
        expect(rounded % step === 0 || rounded === 24 * 60).toBe(true);
        expect(rounded).toBeGreaterThanOrEqual(Math.min(minutes, 24 * 60));
        expect(rounded - minutes).toBeLessThan(step);
        expect(rounded).toBeLessThanOrEqual(24 * 60);
      }),
    );
  });
});

describe('timer and display', () => {
  it('measures whole minutes, at least one', () => {
    expect(elapsedMinutes(0, 30 * 60_000)).toBe(30);
    expect(elapsedMinutes(0, 10_000)).toBe(1);
    expect(elapsedMinutes(0, 29.6 * 60_000)).toBe(30);
  });

  it('formats minutes for people and the running clock', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });

  it('reads back what it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 60 }), (minutes) => {
        expect(parseDuration(formatMinutes(minutes))).toEqual({ ok: true, minutes });
      }),
    );
  });
});
