import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src-shared/calendar/index.ts';
import { TICKET_STATUSES, URGENCIES } from '../../../src-shared/protocol/entities.ts';
import { SLA_TARGETS, slaFieldsAfterMove, slaFor, type SlaInput } from '../../../src-shared/tickets/index.ts';

const calendar = createBusinessCalendar({ overrides: [{ date: '2026-03-12', kind: 'closure', name: 'Cierre de prueba' }] });

/** Lima wall time on a March 2026 day → instant (Lima is UTC−5 all year). */
const lima = (day: number, hhmm: string): Date => new Date(`2026-03-${String(day).padStart(2, '0')}T${hhmm}:00-05:00`);

// Tuesday 10 March 2026, a plain business day; Thursday 12 is a company closure in this calendar.
const base: SlaInput = { channel: 'portal', urgency: 'critical', status: 'new', createdAt: lima(10, '10:00'), waitingSince: null, slaPausedMinutes: 0, resolvedAt: null };
const sla = (over: Partial<SlaInput>, now: Date) => slaFor({ ...base, ...over }, now, calendar);

describe('slaFor', () => {
  it('promises nothing for email tickets, whatever their urgency or status', () => {
    for (const urgency of URGENCIES) {
      for (const status of TICKET_STATUSES) {
        expect(sla({ channel: 'email', urgency, status }, lima(11, '12:00'))).toEqual({ state: 'none', dueAt: null, minutesLeft: null });
      }
    }
    expect(SLA_TARGETS.email).toBeNull();
  });

  it('gives phone tickets the portal promise and cancelled tickets none', () => {
    expect(SLA_TARGETS.phone).toEqual(SLA_TARGETS.portal);
    expect(sla({ channel: 'phone' }, lima(10, '10:20'))).toEqual(sla({}, lima(10, '10:20')));
    expect(sla({ status: 'cancelled' }, lima(10, '10:20')).state).toBe('none');
  });

  it('runs a new ticket against the response target: ok, warning under 25 % left, breached at zero', () => {
    expect(sla({}, lima(10, '10:20'))).toEqual({ state: 'ok', dueAt: lima(10, '10:30').toISOString(), minutesLeft: 10, target: 'response' });
    // 25 % of 30 min is 7.5 min.
    expect(sla({}, lima(10, '10:22'))).toMatchObject({ state: 'ok', minutesLeft: 8 });
    expect(sla({}, lima(10, '10:23'))).toMatchObject({ state: 'warning', minutesLeft: 7 });
    expect(sla({}, lima(10, '10:30'))).toMatchObject({ state: 'breached', minutesLeft: 0 });
    expect(sla({}, lima(10, '10:45'))).toMatchObject({ state: 'breached', minutesLeft: -15 });
  });

  it('runs a ticket taken up against the resolution target by urgency', () => {
    expect(sla({ status: 'in_progress' }, lima(10, '10:20'))).toMatchObject({ state: 'ok', minutesLeft: 220, target: 'resolution', dueAt: lima(10, '14:00').toISOString() });
    expect(sla({ status: 'in_progress', urgency: 'low' }, lima(10, '10:00'))).toMatchObject({ minutesLeft: 5 * 13 * 60 });
  });

  it('counts only business time: nights, weekends and closures do not run the clock', () => {
    // Created at 20:45 on Tuesday: 15 minutes that evening, the rest from 08:00 on Wednesday.
    expect(sla({ createdAt: lima(10, '20:45') }, lima(11, '08:05'))).toMatchObject({ state: 'ok', minutesLeft: 10, dueAt: lima(11, '08:15').toISOString() });
    // Wednesday 20:50 + 30 min: Thursday is closed, so it falls due on Friday 08:20.
    expect(sla({ createdAt: lima(11, '20:50') }, lima(12, '15:00'))).toMatchObject({ state: 'ok', minutesLeft: 20, dueAt: lima(13, '08:20').toISOString() });
    // Friday 20:55 + 30 min: Monday 08:25.
    expect(sla({ createdAt: lima(13, '20:55') }, lima(14, '12:00'))).toMatchObject({ minutesLeft: 25, dueAt: lima(16, '08:25').toISOString() });
  });

  it('stands still while the ticket waits on the customer', () => {
    const waiting = { status: 'waiting_customer' as const, urgency: 'high' as const, waitingSince: lima(10, '11:00') };
    expect(sla(waiting, lima(10, '11:30'))).toEqual({ state: 'paused', dueAt: null, minutesLeft: 480 - 60, target: 'resolution' });
    expect(sla(waiting, lima(17, '18:00'))).toEqual(sla(waiting, lima(10, '11:30')));
    // A local status change may not have a waitingSince yet: the pause starts now.
    expect(sla({ ...waiting, waitingSince: null }, lima(10, '12:00'))).toMatchObject({ state: 'paused', minutesLeft: 480 - 120 });
  });

  it('subtracts earlier pauses from the elapsed time and moves the due time by them', () => {
    expect(sla({ status: 'in_progress', urgency: 'high', createdAt: lima(10, '09:00'), slaPausedMinutes: 60 }, lima(10, '12:00'))).toMatchObject({
      state: 'ok',
      minutesLeft: 480 - 120,
      dueAt: lima(10, '18:00').toISOString(),
    });
  });

  it('stops at resolution: met when in time, breached with the overrun when late', () => {
    const resolved = { status: 'resolved' as const, urgency: 'critical' as const };
    expect(sla({ ...resolved, resolvedAt: lima(10, '13:00') }, lima(17, '09:00'))).toEqual({ state: 'met', dueAt: lima(10, '14:00').toISOString(), minutesLeft: 60, target: 'resolution' });
    expect(sla({ ...resolved, status: 'closed', resolvedAt: lima(10, '15:30') }, lima(17, '09:00'))).toMatchObject({ state: 'breached', minutesLeft: -90 });
  });

  it('never counts a finished ticket up to now: the verdict and the minutes are the same a minute or a month later', () => {
    for (const status of ['resolved', 'closed'] as const) {
      for (const resolvedAt of [lima(10, '13:00'), lima(11, '09:00')]) {
        const soon = sla({ status, resolvedAt }, new Date(resolvedAt.getTime() + 60_000));
        expect(sla({ status, resolvedAt }, lima(31, '20:00'))).toEqual(soon);
      }
    }
    // Resolved on Wednesday at 09:00, 12 business hours after it came in: 8 h late, whenever it is read.
    expect(sla({ status: 'closed', resolvedAt: lima(11, '09:00') }, lima(31, '20:00'))).toMatchObject({ state: 'breached', minutesLeft: 240 - (11 * 60 + 60) });
  });

  it('stops a finished ticket without resolvedAt at its last change, and never at now', () => {
    const finished = { status: 'closed' as const, resolvedAt: null, updatedAt: lima(10, '13:30') };
    expect(sla(finished, lima(24, '10:00'))).toEqual({ state: 'met', dueAt: lima(10, '14:00').toISOString(), minutesLeft: 30, target: 'resolution' });
    expect(sla({ ...finished, updatedAt: lima(10, '16:00') }, lima(24, '10:00'))).toMatchObject({ state: 'breached', minutesLeft: -120 });
    expect(sla({ status: 'resolved', resolvedAt: null }, lima(24, '10:00'))).toEqual({ state: 'none', dueAt: null, minutesLeft: null });
  });

  it('agrees with the calendar: the business minutes from now to the due time are the minutes left', () => {
    const start = lima(9, '00:00').getTime();
    const week = 7 * 24 * 60;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: week }),
        fc.integer({ min: 0, max: week }),
        fc.constantFrom(...URGENCIES),
        fc.constantFrom('new' as const, 'in_progress' as const, 'onsite_pending' as const),
        fc.integer({ min: 0, max: 120 }),
        (createdOffset, age, urgency, status, paused) => {
          const createdAt = new Date(start + createdOffset * 60_000);
          const now = new Date(createdAt.getTime() + age * 60_000);
          const elapsed = calendar.businessMinutesBetween(createdAt, now);
          const clock = sla({ createdAt, urgency, status, slaPausedMinutes: Math.min(paused, elapsed) }, now);
          if (clock.minutesLeft === null || clock.dueAt === null) throw new Error('an open portal ticket always has a clock');
          if (clock.minutesLeft > 0) expect(calendar.businessMinutesBetween(now, new Date(clock.dueAt))).toBe(clock.minutesLeft);
          else expect(new Date(clock.dueAt).getTime()).toBeLessThanOrEqual(now.getTime());
          expect(clock.state === 'breached').toBe(clock.minutesLeft <= 0);
        },
      ),
    );
  });
});

describe('slaFieldsAfterMove', () => {
  const open = { status: 'in_progress' as const, waitingSince: null, slaPausedMinutes: 0, resolvedAt: null };

  it('stops the clock at resolution and keeps it stopped when the ticket closes', () => {
    const resolved = slaFieldsAfterMove(open, 'resolved', lima(10, '13:00'), calendar);
    expect(resolved).toEqual({ waitingSince: null, slaPausedMinutes: 0, resolvedAt: lima(10, '13:00').toISOString() });
    const closed = slaFieldsAfterMove({ ...resolved, status: 'resolved' }, 'closed', lima(16, '10:00'), calendar);
    expect(closed).toEqual(resolved);
    expect(sla({ status: 'closed', ...closed }, lima(20, '10:00'))).toMatchObject({ state: 'met', minutesLeft: 60 });
  });

  it('pauses while waiting on the customer and banks the wait when the ticket moves on', () => {
    const waiting = slaFieldsAfterMove(open, 'waiting_customer', lima(10, '11:00'), calendar);
    expect(waiting).toEqual({ waitingSince: lima(10, '11:00').toISOString(), slaPausedMinutes: 0, resolvedAt: null });
    // Tuesday 11:00 → Friday 10:00 with Thursday closed: 10 h on Tuesday, 13 h on Wednesday, 2 h on Friday.
    const back = slaFieldsAfterMove({ ...waiting, status: 'waiting_customer' }, 'resolved', lima(13, '10:00'), calendar);
    expect(back).toEqual({ waitingSince: null, slaPausedMinutes: 10 * 60 + 13 * 60 + 2 * 60, resolvedAt: lima(13, '10:00').toISOString() });
    // Resolved after 1 h of work (10:00–11:00) plus the banked wait: met with 3 h of the critical 4 h left.
    expect(sla({ status: 'resolved', ...back }, lima(31, '10:00'))).toMatchObject({ state: 'met', minutesLeft: 180 });
  });

  it('resumes the clock where it stopped on reopen: the time spent resolved does not count', () => {
    const resolved = slaFieldsAfterMove(open, 'resolved', lima(10, '12:30'), calendar);
    const atResolution = sla({ status: 'resolved', ...resolved }, lima(10, '12:30'));
    expect(atResolution).toMatchObject({ state: 'met', minutesLeft: 90 });
    // The customer writes back on Monday 16th at 09:00: the fix did not hold.
    const reopened = slaFieldsAfterMove({ ...resolved, status: 'resolved' }, 'in_progress', lima(16, '09:00'), calendar);
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.slaPausedMinutes).toBe(calendar.businessMinutesBetween(lima(10, '12:30'), lima(16, '09:00')));
    expect(sla({ status: 'in_progress', ...reopened }, lima(16, '09:00'))).toMatchObject({ state: 'ok', minutesLeft: 90 });
    // From there it runs again: 2 h later the 90 minutes are gone.
    expect(sla({ status: 'in_progress', ...reopened }, lima(16, '11:00'))).toMatchObject({ state: 'breached', minutesLeft: -30 });
  });

  it('leaves the clock alone on moves that neither pause, stop nor reopen it', () => {
    expect(slaFieldsAfterMove({ ...open, status: 'new', slaPausedMinutes: 15 }, 'in_progress', lima(10, '11:00'), calendar)).toEqual({ waitingSince: null, slaPausedMinutes: 15, resolvedAt: null });
    expect(slaFieldsAfterMove({ ...open, slaPausedMinutes: 15 }, 'onsite_pending', lima(10, '11:00'), calendar)).toEqual({ waitingSince: null, slaPausedMinutes: 15, resolvedAt: null });
  });
});
