/**
 * The demo company: a Lima IT-support firm with its plans, customers, crew
 * and a few months of tickets, visits and hours, ending at `today`.
 *
 * Pure and deterministic: the same seed, `today` and scale give identical
 * records (ids included). `scale` grows the company for benchmarks: about
 * 1,000 × scale tickets and ~3 visits per ticket, with customers, crew and
 * history each growing as √scale so the crew's days stay as full as in the
 * normal demo (visits still fit in business hours, without overlaps).
 * Generation streams month by month, so the seed can insert in batches
 * without holding a large company in memory.
 */
import type { CalendarDayEntity, Channel, Customer, EntityName, Plan, PlanAssignment, Purchase, Ticket, TicketEvent, TimeEntry, Visit } from '../../src-shared/protocol/entities.ts';
import { createTravelEstimator } from '../../src-shared/travel/index.ts';
import { buildPlanBook, UsageTracker } from './billing.ts';
import { buildDemoCalendar } from './calendar-days.ts';
import { ISSUE_TEMPLATES, type IssueTemplate } from './catalog/issues.ts';
import { DAY_MS, MINUTE_MS, addMonths, dayStart, limaDay, limaMonth, monthBounds } from './clock.ts';
import { generateCustomers, type CustomerProfile } from './customers.ts';
import { simulateTicket, type LifecycleContext } from './lifecycle.ts';
import { generatePlans, toPlan } from './plans.ts';
import { createRng, type Rng } from './prng.ts';
import { TechnicianSchedule } from './schedule.ts';
import { generateStaff, type DemoUser } from './staff.ts';

export interface DemoCompanyOptions {
  readonly seed: number;
  /** "Now" for the demo: the history ends here, later visits are still scheduled. */
  readonly today: Date;
  /** 1 = the normal demo (~1,000 tickets); 100 ≈ 100,000 tickets and ~300,000 visits. */
  readonly scale?: number;
}

export interface DemoCompany {
  plans: Plan[];
  customers: Customer[];
  planAssignments: PlanAssignment[];
  users: DemoUser[];
  tickets: Ticket[];
  ticketEvents: TicketEvent[];
  visits: Visit[];
  timeEntries: TimeEntry[];
  purchases: Purchase[];
  calendarDays: CalendarDayEntity[];
}

/** One slice of the company: the reference data first, then tickets (with all their rows) in creation order. */
export type DemoBatch = DemoCompany;

/** The synced entity each list of the company holds (for tests and benchmarks that ship it as pulled rows). */
export const DEMO_ENTITY_OF: Readonly<Record<keyof DemoCompany, EntityName>> = {
  plans: 'plan',
  customers: 'customer',
  planAssignments: 'planAssignment',
  users: 'user',
  tickets: 'ticket',
  ticketEvents: 'ticketEvent',
  visits: 'visit',
  timeEntries: 'timeEntry',
  purchases: 'purchase',
  calendarDays: 'calendarDay',
};

export interface DemoStats {
  /** Visits the crew had no room for (they are left out); stays 0 when the size rules hold. */
  unplacedVisits: number;
}

export interface DemoSize {
  readonly customers: number;
  readonly outsideCustomers: number;
  readonly technicians: number;
  readonly dispatchers: number;
  readonly supervisors: number;
  /** Whole months before the current one. */
  readonly historyMonths: number;
  readonly targetTickets: number;
  readonly planChanges: number;
  /** Tickets that came in during the last hours and wait for the dispatcher ("Sin asignar"). */
  readonly dispatchBacklog: number;
}

export function demoSize(scale = 1): DemoSize {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`demo scale must be a positive number, got ${String(scale)}`);
  const root = Math.sqrt(scale);
  const customers = Math.max(60, Math.round(120 * root));
  return {
    customers,
    outsideCustomers: Math.max(4, Math.round(4 * root)),
    technicians: Math.max(8, Math.round(8 * root)),
    dispatchers: Math.max(2, Math.round(2 * root)),
    supervisors: Math.max(1, Math.round(root / 3)),
    historyMonths: Math.max(3, Math.round(3 * root)),
    targetTickets: Math.max(50, Math.round(1_000 * scale)),
    planChanges: Math.max(3, Math.round(customers / 40)),
    // A handful at any size: the dispatchers triage as they go, so the pile grows slowly with the company.
    dispatchBacklog: Math.max(4, Math.round(5 * Math.sqrt(root))),
  };
}

/** Tickets per yielded batch (with their events, visits and entries): about a thousand rows. */
const BATCH_TICKETS = 100;

const CHANNELS: readonly Channel[] = ['portal', 'email', 'phone'];
const CHANNEL_WEIGHTS = [55, 37, 8];
/** How far back the dispatch backlog reaches: what came in while the dispatchers were busy. */
const BACKLOG_WINDOW_MINUTES = 150;

function emptyBatch(): DemoBatch {
  return { plans: [], customers: [], planAssignments: [], users: [], tickets: [], ticketEvents: [], visits: [], timeEntries: [], purchases: [], calendarDays: [] };
}

/** Knuth's Poisson sampler: the rates here are small (a few tickets per customer-month). */
function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * (rng.next() + rng.next() + rng.next() - 1.5) * 2));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

export function* streamDemoCompany(options: DemoCompanyOptions, stats: DemoStats = { unplacedVisits: 0 }): Generator<DemoBatch, void, undefined> {
  const nowMs = options.today.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('demo: today must be a valid Date');
  const size = demoSize(options.scale ?? 1);
  const seed = options.seed;
  const currentMonth = limaMonth(nowMs);
  const startMonth = addMonths(currentMonth, -size.historyMonths);
  const historyStartMs = dayStart(monthBounds(startMonth).firstDay);

  const { calendar, days: calendarDays } = buildDemoCalendar(Number(startMonth.slice(0, 4)), Number(limaMonth(nowMs + 120 * DAY_MS).slice(0, 4)));
  const plans = generatePlans(createRng(seed, 'plans'));
  const staff = generateStaff(createRng(seed, 'staff'), size);
  const profiles = generateCustomers(createRng(seed, 'customers'), plans, { inArea: size.customers, outsideArea: size.outsideCustomers, historyStartMs });
  const book = buildPlanBook(createRng(seed, 'plan-changes'), profiles, plans, { historyStartMonth: startMonth, currentMonth, nowMs, changes: size.planChanges });

  const first = emptyBatch();
  first.plans = plans.map(toPlan);
  first.users = staff.users;
  first.customers = profiles.map((p) => p.customer);
  first.planAssignments = book.assignments;
  first.calendarDays = calendarDays;
  yield first;

  const rng = createRng(seed, 'tickets');
  const schedule = new TechnicianSchedule(calendar, createTravelEstimator(), staff.technicians.map((t) => t.user.homeDistrictUbigeo));
  const tracker = new UsageTracker(book, createRng(seed, 'purchases'), nowMs);
  const ctx: LifecycleContext = { rng, calendar, schedule, staff, nowMs, stats };
  const templatesBySector = new Map<string, { list: IssueTemplate[]; weights: number[] }>();
  for (const p of profiles) {
    if (templatesBySector.has(p.sector.key)) continue;
    const list = ISSUE_TEMPLATES.filter((t) => t.sectors === undefined || t.sectors.includes(p.sector.key));
    templatesBySector.set(p.sector.key, { list, weights: list.map((t) => t.weight) });
  }

  // Exposure: how much of each month lies before now, to spread the target evenly over time.
  const months: Array<{ month: string; firstDay: number; lastDay: number; fraction: number }> = [];
  for (let m = startMonth; m <= currentMonth; m = addMonths(m, 1)) {
    const { firstDay, nextFirstDay } = monthBounds(m);
    const lastDay = Math.min(nextFirstDay - 1, limaDay(nowMs));
    months.push({ month: m, firstDay, lastDay, fraction: (Math.min(dayStart(nextFirstDay), nowMs) - dayStart(firstDay)) / (dayStart(nextFirstDay) - dayStart(firstDay)) });
  }
  const totalRate = profiles.reduce((sum, p) => sum + p.ticketRate, 0);
  const totalExposure = months.reduce((sum, m) => sum + m.fraction, 0);
  const perRate = size.targetTickets / Math.max(1e-9, totalRate * totalExposure);
  const planNames = new Map(plans.map((p) => [p.id, p.name]));
  const previousNumber = new Map<string, number>();
  let number = 0;

  for (const m of months) {
    schedule.forgetBefore(m.firstDay);
    tracker.forgetBefore(m.month);
    const dayWeights: number[] = [];
    for (let d = m.firstDay; d <= m.lastDay; d++) dayWeights.push(schedule.window(d) === null ? 1.2 : 10);
    const dayList = Array.from({ length: dayWeights.length }, (_, i) => m.firstDay + i);

    const arrivals: Array<{ at: number; profile: CustomerProfile; channel: Channel; template: IssueTemplate; awaitingDispatch?: true }> = [];
    for (const profile of profiles) {
      const n = poisson(rng, profile.ticketRate * perRate * m.fraction);
      const templates = templatesBySector.get(profile.sector.key);
      if (templates === undefined) continue;
      for (let i = 0; i < n; i++) {
        const day = rng.weighted(dayList, dayWeights);
        const win = schedule.window(day);
        // Most mail and portal tickets come in office hours, mornings first; a few at night or on weekends.
        let minute = win !== null ? rng.weighted([rng.int(450, 720), rng.int(720, 1_080), rng.int(1_080, 1_260)], [5, 4, 1]) : rng.int(540, 1_320);
        let at = dayStart(day) + minute * MINUTE_MS + rng.int(0, 59) * 1_000;
        if (at > nowMs) {
          minute = rng.int(0, Math.max(0, Math.floor((nowMs - dayStart(day)) / MINUTE_MS) - 1));
          at = dayStart(day) + minute * MINUTE_MS;
        }
        let channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
        // Phone only works while someone answers it.
        if (channel === 'phone' && !calendar.isOpen(at)) channel = 'portal';
        arrivals.push({ at, profile, channel, template: rng.weighted(templates.list, templates.weights) });
      }
    }
    if (m === months[months.length - 1]) arrivals.push(...dispatchBacklog(createRng(seed, 'dispatch-backlog'), profiles, templatesBySector, size.dispatchBacklog, nowMs, dayStart(m.firstDay)));
    arrivals.sort((a, b) => a.at - b.at);

    let batch = emptyBatch();
    for (const arrival of arrivals) {
      number++;
      const customerId = arrival.profile.customer.id;
      const plan = book.planFor(customerId, limaMonth(arrival.at));
      const life = simulateTicket(ctx, {
        profile: arrival.profile,
        template: arrival.template,
        channel: arrival.channel,
        createdAtMs: arrival.at,
        number,
        previousNumber: previousNumber.get(customerId) ?? null,
        planName: plan === null ? 'sin plan' : (planNames.get(plan.id) ?? plan.name),
        awaitingDispatch: arrival.awaitingDispatch === true,
      });
      previousNumber.set(customerId, number);
      batch.tickets.push(life.ticket);
      for (const e of life.story.events) batch.ticketEvents.push(e);
      for (const v of life.story.visits) batch.visits.push(v);
      const quota = tracker.ticketOpened(customerId, arrival.at);
      if (quota !== null) batch.purchases.push(quota);
      for (const entry of life.story.timeEntries) {
        batch.timeEntries.push(entry);
        const purchase = tracker.timeLogged(entry);
        if (purchase !== null) batch.purchases.push(purchase);
      }
      // Small batches die young in the garbage collector's nursery instead of being promoted.
      if (batch.tickets.length >= BATCH_TICKETS) {
        yield batch;
        batch = emptyBatch();
      }
    }
    if (batch.tickets.length > 0 || batch.purchases.length > 0) yield batch;
  }
}

/**
 * The tickets of the last couple of hours that nobody has triaged yet: new,
 * unassigned, by portal or email (a phone call is typed in by a dispatcher,
 * who assigns it there and then), from customers in proportion to how often
 * they write. Without them the "Sin asignar" view of the demo would be
 * empty, because the simulated dispatcher assigns every ticket within
 * minutes of business time.
 */
function dispatchBacklog(
  rng: Rng,
  profiles: readonly CustomerProfile[],
  templatesBySector: ReadonlyMap<string, { list: IssueTemplate[]; weights: number[] }>,
  count: number,
  nowMs: number,
  monthStartMs: number,
): Array<{ at: number; profile: CustomerProfile; channel: Channel; template: IssueTemplate; awaitingDispatch: true }> {
  const writers = profiles.filter((p) => p.ticketRate > 0);
  if (writers.length === 0) return [];
  const weights = writers.map((p) => p.ticketRate);
  const out: Array<{ at: number; profile: CustomerProfile; channel: Channel; template: IssueTemplate; awaitingDispatch: true }> = [];
  // Never before this month began, so the month's ticket numbers stay in time order (early on the 1st the window is short).
  const window = Math.min(BACKLOG_WINDOW_MINUTES, Math.floor((nowMs - monthStartMs) / MINUTE_MS));
  for (let i = 0; i < count; i++) {
    const profile = rng.weighted(writers, weights);
    const templates = templatesBySector.get(profile.sector.key);
    if (templates === undefined) continue;
    const at = window < 1 ? monthStartMs : nowMs - rng.int(1, window) * MINUTE_MS;
    out.push({ at, profile, channel: rng.weighted(CHANNELS.slice(0, 2), CHANNEL_WEIGHTS.slice(0, 2)), template: rng.weighted(templates.list, templates.weights), awaitingDispatch: true });
  }
  return out;
}

/** The whole company in memory: fine for the normal demo and tests; the seed streams instead. */
export function generateDemoCompany(options: DemoCompanyOptions, stats?: DemoStats): DemoCompany {
  const all = emptyBatch();
  for (const batch of streamDemoCompany(options, stats)) {
    for (const key of Object.keys(all) as Array<keyof DemoCompany>) {
      const target = all[key] as unknown[];
      for (const item of batch[key]) target.push(item);
    }
  }
  return all;
}
