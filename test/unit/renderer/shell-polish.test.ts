import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src-shared/ipc/work-calls.ts';
import { createTranslator } from '../../../src-renderer/src/i18n/catalog.ts';
import { en } from '../../../src-renderer/src/i18n/en.ts';
import { esPE } from '../../../src-renderer/src/i18n/es-PE.ts';
import { formatLimaTime } from '../../../src-renderer/src/i18n/format.ts';
import { platformName } from '../../../src-renderer/src/pages/settings/platform-name.ts';
import { showsSignIn } from '../../../src-renderer/src/state/routes.ts';
import { clockNotBefore, msUntilNextTick } from '../../../src-renderer/src/shell/clock-ticks.ts';

const es = createTranslator('es-PE', esPE);
const english = createTranslator('en', en);

describe('platform in Settings › About', () => {
  it('names the systems Node reports the way people say them, in both languages', () => {
    for (const { t } of [es, english]) {
      expect(platformName('linux', t)).toBe('Linux');
      expect(platformName('win32', t)).toBe('Windows');
      expect(platformName('darwin', t)).toBe('macOS');
    }
  });

  it('shows an unknown system with words around it, never an object property', () => {
    expect(platformName('plan9', es.t)).toBe('Otro sistema (plan9)');
    expect(platformName('plan9', english.t)).toBe('Another system (plan9)');
    expect(platformName('constructor', es.t)).toBe('Otro sistema (constructor)');
  });
});

describe('status bar clock', () => {
  it('waits until just after the next minute boundary', () => {
    const at = Date.UTC(2026, 6, 28, 15, 41, 50, 400); // 10:41:50.400 in Lima
    const wait = msUntilNextTick(at, 60_000);
    const next = new Date(at + wait);
    expect(next.getUTCMinutes()).toBe(42);
    expect(next.getUTCSeconds()).toBe(0);
    expect(wait).toBeGreaterThan(9_600);
    // Exactly on a boundary: the next one, not now.
    const boundary = Date.UTC(2026, 6, 28, 15, 42);
    expect(new Date(boundary + msUntilNextTick(boundary, 60_000)).getUTCMinutes()).toBe(43);
    // A timer that fired a little early still lands after the boundary it was meant for.
    expect(new Date(boundary - 1 + msUntilNextTick(boundary - 1, 60_000)).getUTCMinutes()).toBe(42);
  });

  it('never shows a clock before the last sync it shows', () => {
    const tick = new Date('2026-07-28T15:41:50.000Z'); // the last tick: 10:41 in Lima
    const lastSync = '2026-07-28T15:42:05.000Z'; // a sync between two ticks: 10:42
    const shown = clockNotBefore(tick, [lastSync]);
    expect(formatLimaTime(shown, 'es-PE')).toBe('10:42');
    expect(formatLimaTime(shown, 'es-PE')).toBe(formatLimaTime(new Date(lastSync), 'es-PE'));
    // An older sync, none, or a clock far ahead on the other side leave the tick alone.
    expect(clockNotBefore(tick, ['2026-07-28T15:30:00.000Z'])).toBe(tick);
    expect(clockNotBefore(tick, [null, undefined])).toBe(tick);
    expect(clockNotBefore(tick, ['2026-07-28T16:30:00.000Z'])).toBe(tick);
  });
});

describe('top bar when signed out', () => {
  const signedOut: Session = { signedIn: false, user: null, serverUrl: null };
  const signedIn: Session = { signedIn: true, user: null, serverUrl: null };

  it('the screens that need a session show the sign-in form, the others themselves', () => {
    expect(showsSignIn('queue', signedOut)).toBe(true);
    expect(showsSignIn('ticket', signedOut)).toBe(true);
    expect(showsSignIn('attention', signedOut)).toBe(true);
    expect(showsSignIn('settings/general', signedOut)).toBe(false);
    expect(showsSignIn('settings/calendar', signedOut)).toBe(false);
    expect(showsSignIn('dispatch', signedOut)).toBe(false);
    expect(showsSignIn('queue', signedIn)).toBe(false);
    // Before the desk answers, nothing is decided yet.
    expect(showsSignIn('queue', null)).toBe(false);
  });
});
