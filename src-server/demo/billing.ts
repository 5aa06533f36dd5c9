/**
 * Plans in force and what customers consumed, month by month, so the demo
 * has plan changes (effective from a later month, never retroactive) and
 * extra-support purchases made when a customer actually ran out.
 */
import type { PlanAssignment, Purchase, TimeEntry } from '../../src-shared/protocol/entities.ts';
import { addMonths, iso, limaMonth, monthBounds, dayStart, HOUR_MS } from './clock.ts';
import type { CustomerProfile } from './customers.ts';
import { EXTRA_PACKS, nextPlan, type DemoPlan } from './plans.ts';
import type { Rng } from './prng.ts';

/** Assignments per customer, oldest first; the plan of month M is the latest with effectiveMonth <= M. */
export class PlanBook {
  readonly assignments: PlanAssignment[] = [];
  readonly #byCustomer = new Map<string, Array<{ month: string; plan: DemoPlan }>>();

  add(assignment: PlanAssignment, plan: DemoPlan): void {
    this.assignments.push(assignment);
    const list = this.#byCustomer.get(assignment.customerId) ?? [];
    list.push({ month: assignment.effectiveMonth, plan });
    list.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    this.#byCustomer.set(assignment.customerId, list);
  }

  planFor(customerId: string, month: string): DemoPlan | null {
    let found: DemoPlan | null = null;
    for (const entry of this.#byCustomer.get(customerId) ?? []) {
      if (entry.month <= month) found = entry.plan;
      else break;
    }
    return found;
  }
}

export interface PlanBookOptions {
  readonly historyStartMonth: string;
  readonly currentMonth: string;
  readonly nowMs: number;
  /** How many customers change plan during the history. */
  readonly changes: number;
}

export function buildPlanBook(rng: Rng, profiles: readonly CustomerProfile[], plans: readonly DemoPlan[], options: PlanBookOptions): PlanBook {
  const book = new PlanBook();
  for (const p of profiles) {
    book.add({ id: rng.uuid(), customerId: p.customer.id, planId: p.initialPlan.id, effectiveMonth: limaMonth(Date.parse(p.customer.createdAt)), createdAt: p.customer.createdAt }, p.initialPlan);
  }
  const candidates = rng.shuffle(profiles.filter((p) => p.customer.active && p.ticketRate > 0));
  const months: string[] = [];
  for (let m = addMonths(options.historyStartMonth, 1); m <= options.currentMonth; m = addMonths(m, 1)) months.push(m);
  for (let i = 0; i < options.changes && i < candidates.length; i++) {
    const profile = candidates[i] as CustomerProfile;
    // The last change is decided this month for next month: it shows up as "upcoming" in the demo.
    const effectiveMonth = i === options.changes - 1 ? addMonths(options.currentMonth, 1) : rng.pick(months);
    const decidedMonth = addMonths(effectiveMonth, -1);
    const { firstDay, nextFirstDay } = monthBounds(decidedMonth);
    let decidedAt = dayStart(firstDay + rng.int(10, nextFirstDay - firstDay - 3)) + rng.int(9, 18) * HOUR_MS;
    if (decidedAt > options.nowMs) decidedAt = options.nowMs - rng.int(1, 48) * HOUR_MS;
    if (limaMonth(decidedAt) >= effectiveMonth) continue; // never retroactive
    const current = book.planFor(profile.customer.id, decidedMonth) ?? profile.initialPlan;
    const plan = nextPlan(rng, plans, current);
    book.add({ id: rng.uuid(), customerId: profile.customer.id, planId: plan.id, effectiveMonth, createdAt: iso(decidedAt) }, plan);
  }
  return book;
}

interface MonthUsage {
  remote: number;
  onsite: number;
  tickets: number;
  remoteBought: number;
  onsiteBought: number;
  ticketsBought: number;
}

/**
 * Running consumption per customer-month. When a billable entry (or a new
 * ticket, for ticket plans) takes a customer past what the plan and earlier
 * packs include, the customer buys a pack about half the time; the other
 * half shows up in the balance as overuse.
 */
export class UsageTracker {
  readonly #book: PlanBook;
  readonly #rng: Rng;
  /** customerId → month → usage; nested maps avoid building a string key per time entry. */
  readonly #usage = new Map<string, Map<string, MonthUsage>>();
  readonly #buyProbability: number;
  readonly #nowMs: number;

  constructor(book: PlanBook, rng: Rng, nowMs: number, buyProbability = 0.5) {
    this.#book = book;
    this.#rng = rng;
    this.#nowMs = nowMs;
    this.#buyProbability = buyProbability;
  }

  #month(customerId: string, month: string): MonthUsage {
    let months = this.#usage.get(customerId);
    if (months === undefined) {
      months = new Map();
      this.#usage.set(customerId, months);
    }
    let usage = months.get(month);
    if (usage === undefined) {
      usage = { remote: 0, onsite: 0, tickets: 0, remoteBought: 0, onsiteBought: 0, ticketsBought: 0 };
      months.set(month, usage);
    }
    return usage;
  }

  ticketOpened(customerId: string, atMs: number): Purchase | null {
    const month = limaMonth(atMs);
    const plan = this.#book.planFor(customerId, month);
    const usage = this.#month(customerId, month);
    usage.tickets++;
    if (plan === null || plan.kind !== 'tickets') return null;
    if (usage.tickets <= plan.ticketQuota + usage.ticketsBought || !this.#rng.chance(this.#buyProbability)) return null;
    usage.ticketsBought += EXTRA_PACKS.tickets.tickets;
    return this.#purchase(customerId, month, atMs, 0, 0, EXTRA_PACKS.tickets.tickets, EXTRA_PACKS.tickets.priceCents);
  }

  timeLogged(entry: TimeEntry): Purchase | null {
    if (!entry.billable) return null;
    const month = entry.workDate.slice(0, 7);
    const plan = this.#book.planFor(entry.customerId, month);
    const usage = this.#month(entry.customerId, month);
    if (entry.kind === 'remote') usage.remote += entry.minutes;
    else usage.onsite += entry.minutes;
    if (plan === null || plan.kind !== 'hours') return null;
    const at = Date.parse(entry.createdAt);
    if (entry.kind === 'remote' && usage.remote > plan.remoteMinutes + usage.remoteBought && this.#rng.chance(this.#buyProbability)) {
      usage.remoteBought += EXTRA_PACKS.remote.minutes;
      return this.#purchase(entry.customerId, month, at, EXTRA_PACKS.remote.minutes, 0, 0, EXTRA_PACKS.remote.priceCents);
    }
    if (entry.kind === 'onsite' && usage.onsite > plan.onsiteMinutes + usage.onsiteBought && this.#rng.chance(this.#buyProbability)) {
      usage.onsiteBought += EXTRA_PACKS.onsite.minutes;
      return this.#purchase(entry.customerId, month, at, 0, EXTRA_PACKS.onsite.minutes, 0, EXTRA_PACKS.onsite.priceCents);
    }
    return null;
  }

  #purchase(customerId: string, month: string, atMs: number, remoteMinutes: number, onsiteMinutes: number, tickets: number, priceCents: number): Purchase {
    // Bought right after the supervisor saw the overrun; never in a later month than the one it tops up.
    const { nextFirstDay } = monthBounds(month);
    const createdAt = Math.min(atMs + this.#rng.int(10, 180) * 60_000, dayStart(nextFirstDay) - 60_000, this.#nowMs);
    return { id: this.#rng.uuid(), customerId, month, remoteMinutes, onsiteMinutes, tickets, priceCents, createdAt: iso(createdAt) };
  }

  /** Drops months before `month` once no more entries can land there. */
  forgetBefore(month: string): void {
    for (const months of this.#usage.values()) {
      for (const key of months.keys()) if (key < month) months.delete(key);
    }
  }
}

