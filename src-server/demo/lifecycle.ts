/**
 * One ticket from the first message to its closing, following the desk's
 * routine: the dispatcher assigns it, the technician acknowledges, asks for
 * what is missing, works it remotely or sends someone on site, resolves,
 * and the ticket closes on the customer's word or after three business days.
 */
import type { Channel, Ticket, TicketType, Visit, WorkKind } from '../../src-shared/protocol/entities.ts';
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';
import { districtByUbigeo } from '../../src-shared/geo/districts.ts';
import { AREA_LABELS } from './catalog/companies.ts';
import * as talk from './catalog/conversation.ts';
import { FREQUENCY_ORDER, URGENCY_ORDER, WORK_PATHS, type IssueTemplate, type WorkPath } from './catalog/issues.ts';
import { MINUTE_MS, hourMinute, iso, limaDate, shortDate } from './clock.ts';
import type { CustomerProfile } from './customers.ts';
import type { Rng } from './prng.ts';
import type { TechnicianSchedule } from './schedule.ts';
import type { DemoUser, Staff } from './staff.ts';
import { Story } from './story.ts';

export interface LifecycleContext {
  readonly rng: Rng;
  readonly calendar: BusinessCalendar;
  readonly schedule: TechnicianSchedule;
  readonly staff: Staff;
  readonly nowMs: number;
  /** Visits that found no free slot at all (the crew is too small for the load); should stay 0. */
  readonly stats: { unplacedVisits: number };
}

export interface TicketSeed {
  readonly profile: CustomerProfile;
  readonly template: IssueTemplate;
  readonly channel: Channel;
  readonly createdAtMs: number;
  readonly number: number;
  /** The customer's previous ticket number, for "duplicate of #…". */
  readonly previousNumber: number | null;
  readonly planName: string;
  /** Came in moments ago and waits for the dispatcher: the story ends at "new", unassigned. */
  readonly awaitingDispatch?: boolean;
}

export interface TicketLife {
  readonly ticket: Ticket;
  readonly story: Story;
}

interface Where {
  readonly district: string;
  readonly address: string;
}

export function simulateTicket(ctx: LifecycleContext, seed: TicketSeed): TicketLife {
  const { rng } = ctx;
  const { profile, template } = seed;
  const id = rng.uuid();
  const contact = rng.pick(profile.contacts);
  const areaCode = rng.pick(profile.sector.areas);
  const system = rng.pick(profile.sector.systems);
  const atBranch = profile.branch !== null && rng.chance(0.35);
  const equipment = equipmentName(rng, template.equipment, areaCode);
  const values: Record<string, string> = {
    area: AREA_LABELS[areaCode] ?? areaCode,
    system,
    equipment: equipment ?? 'el equipo',
    user: contact.person.full,
    first: contact.person.given,
    account: contact.email.split('@')[0] ?? 'usuario',
    n: String(rng.int(4, 25)),
    hour: `${rng.int(8, 11)}:${rng.pick(['00', '15', '30', '45'])} a. m.`,
    anydesk: `${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(100, 999)}`,
    code: profile.customer.code,
    number: String(rng.int(100_000, 999_999)),
    email: contact.email,
  };
  const errorMessage = template.errorMessages.length > 0 && rng.chance(0.9) ? talk.fill(rng.pick(template.errorMessages), values) : null;
  const description = [
    rng.pick(talk.GREETINGS),
    talk.fill(rng.pick(template.descriptions), values) + (errorMessage === null ? '' : `\n\nMensaje de error: ${errorMessage}`),
    `${rng.pick(talk.SIGN_OFFS)}\n${contact.person.full}`,
  ].join('\n\n');
  const where: Where | null = profile.outside !== null
    ? null
    : atBranch && profile.branch !== null
      ? { district: profile.branch.ubigeo, address: profile.branch.address }
      : { district: profile.customer.districtUbigeo, address: profile.customer.address };

  const story = new Story(rng, ctx.calendar, ctx.nowMs, id, seed.createdAtMs);
  const dispatcher = rng.pick(ctx.staff.dispatchers);
  const createdBy = seed.channel === 'phone' ? dispatcher.id : null;
  story.events.push({
    id: rng.uuid(), ticketId: id, kind: 'status', authorId: createdBy,
    body: talk.fill(talk.CREATED_BY_CHANNEL[seed.channel], values), fromStatus: null, toStatus: 'new', createdAt: iso(seed.createdAtMs),
  });

  const urgency = rng.weighted(URGENCY_ORDER, template.urgency);
  // Quick fixes are rarer than the templates alone suggest: most cases end up in a booked session.
  let path: WorkPath = rng.weighted(WORK_PATHS, [template.paths[0] * 0.3, template.paths[1], template.paths[2], template.paths[3]]);
  // Outside the service area nobody goes on site: the work is done remotely (or the customer brings the equipment).
  const outsideTown = where === null && (path === 'onsite' || path === 'project') ? (profile.outside?.town ?? '') : null;
  if (outsideTown !== null) path = 'remote';

  const flow = new Flow(ctx, story, values, profile.customer.id, template.type, dispatcher, where, urgency === 'critical' || urgency === 'high');
  flow.run(path, template, seed, outsideTown);

  const ticket = story.finish({
    id,
    number: seed.number,
    type: template.type,
    channel: seed.channel,
    urgency,
    subject: talk.fill(rng.pick(template.subjects), values).slice(0, 200),
    description,
    customerId: profile.customer.id,
    requesterName: contact.person.full,
    requesterEmail: seed.channel === 'phone' && rng.chance(0.5) ? null : contact.email,
    errorMessage,
    affectedSite: atBranch && profile.branch !== null ? profile.branch.name : rng.chance(0.2) ? 'Sede principal' : null,
    affectedAccount: template.withAccount === true ? contact.email : null,
    affectedEquipment: equipment,
    frequency: template.frequency === null ? null : rng.weighted(FREQUENCY_ORDER, template.frequency),
    onsiteDistrictUbigeo: atBranch && profile.branch !== null ? profile.branch.ubigeo : null,
    onsiteAddress: atBranch && profile.branch !== null ? profile.branch.address : null,
    createdAt: iso(seed.createdAtMs),
  });
  return { ticket, story };
}

function equipmentName(rng: Rng, kind: IssueTemplate['equipment'], area: string): string | null {
  const nn = String(rng.int(1, 12)).padStart(2, '0');
  switch (kind) {
    case 'pc':
      return `PC-${area}-${nn}`;
    case 'laptop':
      return `LAP-${area}-${nn}`;
    case 'printer':
      return `IMP-${area}-${String(rng.int(1, 3)).padStart(2, '0')}`;
    case 'server':
      return rng.pick(['SRV01', 'SRV-FILES', 'SRV-APP01']);
    case 'network':
      return rng.pick(['Router principal', 'Switch del rack (24 puertos)', `AP-${area}-01`]);
    case 'phone':
      return `Anexo ${rng.int(200, 260)}`;
    case 'dvr':
      return 'DVR-01 (16 canales)';
    case 'pos':
      return `POS-${area}-${String(rng.int(1, 4)).padStart(2, '0')}`;
    case 'none':
      return null;
  }
}

const KIND_ES = { remote: 'remoto', onsite: 'en sitio' } as const;
/** The note the server puts on a check-out's time entry. */
const CHECK_OUT_NOTES = { onsite: 'Visita en sitio', remote: 'Sesión remota' } as const;
const REMOTE_MINUTES = [30, 45, 60, 90] as const;
const ONSITE_MINUTES = [60, 90, 120, 180] as const;
const PROJECT_MINUTES = [120, 150, 180, 240] as const;

/** The steps of a ticket's life, shared by the four work paths. */
class Flow {
  readonly #ctx: LifecycleContext;
  readonly #story: Story;
  readonly #values: Record<string, string>;
  readonly #customerId: string;
  readonly #type: TicketType;
  readonly #dispatcher: DemoUser;
  readonly #where: Where | null;
  readonly #urgent: boolean;
  #assignee = 0;
  /** Where the work stands: the instant the next step can start from. */
  #t = 0;

  constructor(ctx: LifecycleContext, story: Story, values: Record<string, string>, customerId: string, type: TicketType, dispatcher: DemoUser, where: Where | null, urgent: boolean) {
    this.#ctx = ctx;
    this.#story = story;
    this.#values = values;
    this.#customerId = customerId;
    this.#type = type;
    this.#dispatcher = dispatcher;
    this.#where = where;
    this.#urgent = urgent;
    this.#t = story.last;
  }

  get #rng(): Rng {
    return this.#ctx.rng;
  }

  #tech(index: number): DemoUser {
    const tech = this.#ctx.staff.technicians[index];
    if (tech === undefined) throw new Error(`demo: no technician #${index}`);
    return tech.user;
  }

  run(path: WorkPath, template: IssueTemplate, seed: TicketSeed, outsideTown: string | null): void {
    const story = this.#story;
    const rng = this.#rng;
    if (seed.awaitingDispatch === true) return;
    // A few tickets die young: duplicates, or the problem went away.
    if (rng.chance(0.04)) {
      const reasons = seed.previousNumber === null ? talk.CANCELLATIONS.slice(1) : talk.CANCELLATIONS;
      story.setStatus(story.after(this.#t, 10, 240), 'cancelled', this.#dispatcher.id, talk.fill(rng.pick(reasons), { number: String(seed.previousNumber ?? '') }));
      return;
    }
    if (!this.#assign(seed.profile)) return;
    if (!this.#acknowledge()) return;
    if (outsideTown !== null && story.emit(this.#t + MINUTE_MS, 'note', this.#tech(this.#assignee).id, talk.fill(talk.OUTSIDE_AREA_NOTES[0] ?? '', { town: outsideTown })) === null) return;
    if (rng.chance(0.05) && story.emit(story.after(this.#t, 1, 30), 'note', this.#tech(this.#assignee).id, talk.fill(talk.PLAN_NOTES[0] ?? '', { plan: seed.planName })) === null) return;
    if (rng.chance(0.3)) {
      const answered = this.#waitForCustomer();
      if (answered === null) return;
      if (!answered) {
        this.#resolve(talk.NO_ANSWER_RESOLUTION, false);
        return;
      }
    }
    const done = this.#work(path);
    if (!done) return;
    this.#resolve(talk.fill(rng.pick(talk.RESOLUTION_REPLIES), { ...this.#values, resolution: talk.fill(rng.pick(template.resolutions), this.#values) }), true);
  }

  #assign(profile: CustomerProfile): boolean {
    const { staff, schedule } = this.#ctx;
    const rng = this.#rng;
    // Spread the load: a few candidates, mostly from the customer's zone, the least busy wins.
    const zone = profile.zone === null ? [] : staff.techniciansByZone.get(profile.zone) ?? [];
    const candidates = [zone.length > 0 ? rng.pick(zone) : rng.int(0, staff.technicians.length - 1), zone.length > 0 ? rng.pick(zone) : rng.int(0, staff.technicians.length - 1), rng.int(0, staff.technicians.length - 1)];
    let best = candidates[0] as number;
    for (const c of candidates) if ((schedule.bookedMinutes[c] ?? 0) < (schedule.bookedMinutes[best] ?? 0)) best = c;
    this.#assignee = best;
    const tech = this.#tech(best);
    const at = this.#story.emit(this.#story.after(this.#t, this.#urgent ? 2 : 5, this.#urgent ? 20 : 90), 'assignment', this.#dispatcher.id, `Asignado a ${tech.name}.`);
    if (at === null) return false;
    this.#story.assigneeId = tech.id;
    this.#t = at;
    return true;
  }

  #acknowledge(): boolean {
    const story = this.#story;
    const tech = this.#tech(this.#assignee);
    const at = story.setStatus(story.after(this.#t, 3, this.#urgent ? 30 : 120), 'in_progress', tech.id);
    if (at === null) return false;
    if (story.emit(at + MINUTE_MS, 'reply', tech.id, talk.fill(this.#rng.pick(talk.ACKNOWLEDGEMENTS), this.#values)) === null) return false;
    this.#t = story.last;
    return true;
  }

  /** true: the customer answered; false: never did (resolved for lack of answer); null: the story stopped. */
  #waitForCustomer(): boolean | null {
    const story = this.#story;
    const rng = this.#rng;
    const tech = this.#tech(this.#assignee);
    const asked = story.emit(story.after(this.#t, 10, 120), 'reply', tech.id, talk.fill(rng.pick(talk.INFO_REQUESTS[this.#type]), this.#values));
    if (asked === null || story.setStatus(asked + MINUTE_MS, 'waiting_customer', tech.id) === null) return null;
    if (rng.chance(0.12)) {
      if (story.emit(story.after(story.last, 2 * 780, 2 * 780 + 120), 'reply', tech.id, talk.fill(talk.REMINDERS[0] ?? '', this.#values)) === null) return null;
      const giveUp = story.after(story.last, 3 * 780, 3 * 780 + 240);
      if (story.setStatus(giveUp, 'in_progress', tech.id, 'Sin respuesta del cliente tras el recordatorio.') === null) return null;
      this.#t = story.last;
      return false;
    }
    const answered = story.emit(story.after(story.last, 20, 1_200), 'reply', null, talk.fill(rng.pick(talk.CUSTOMER_ANSWERS[this.#type]), this.#values));
    if (answered === null) return null;
    if (story.setStatus(story.after(answered, 5, 90), 'in_progress', tech.id) === null) return null;
    this.#t = story.last;
    return true;
  }

  #work(path: WorkPath): boolean {
    switch (path) {
      case 'quick':
        return this.#quickFix();
      case 'remote':
        return this.#remoteSessions(this.#rng.weighted([1, 2, 3, 4, 5, 6], [1, 2, 3, 3, 2, 2]));
      case 'onsite':
        return this.#onsite();
      case 'project':
        return this.#project();
    }
  }

  #quickFix(): boolean {
    const story = this.#story;
    const rng = this.#rng;
    const tech = this.#tech(this.#assignee);
    const at = story.after(this.#t, 15, 240);
    const minutes = rng.int(3, 9) * 5;
    const note = rng.pick(talk.TIME_NOTES.quick);
    if (!this.#logTime(tech.id, 'remote', minutes, at, note)) return false;
    this.#t = story.last;
    return true;
  }

  #remoteSessions(count: number): boolean {
    for (let i = 0; i < count; i++) {
      const bookedAt = this.#story.after(this.#t, i === 0 ? 5 : 30, i === 0 ? 90 : 600);
      const earliest = bookedAt + this.#rng.int(2, 8) * 15 * MINUTE_MS;
      const ok = this.#visit('remote', bookedAt, this.#tech(this.#assignee).id, [this.#assignee], earliest, this.#rng.pick(REMOTE_MINUTES), 0);
      if (!ok) return false;
    }
    return true;
  }

  #onsite(): boolean {
    const story = this.#story;
    const rng = this.#rng;
    if (rng.chance(0.8) && !this.#remoteSessions(rng.int(1, 2))) return false;
    const tech = this.#tech(this.#assignee);
    if (story.emit(story.after(this.#t, 5, 60), 'reply', tech.id, rng.pick(talk.GOING_ONSITE)) === null) return false;
    if (story.setStatus(story.last + MINUTE_MS, 'onsite_pending', tech.id) === null) return false;
    this.#t = story.last;
    const visits = rng.chance(0.25) ? 2 : 1;
    for (let i = 0; i < visits; i++) {
      if (i > 0) {
        if (story.emit(this.#t + 5 * MINUTE_MS, 'note', this.#story.assigneeId, rng.pick(talk.SECOND_VISIT_NOTES)) === null) return false;
        if (story.setStatus(story.last + MINUTE_MS, 'onsite_pending', this.#dispatcher.id) === null) return false;
        this.#t = story.last;
      }
      if (!this.#dispatchOnsite(rng.pick(ONSITE_MINUTES), 0.12)) return false;
    }
    // Often a short remote check with the user the next day closes the loop.
    if (rng.chance(0.4)) {
      if (story.status !== 'in_progress' && story.setStatus(this.#t + 5 * MINUTE_MS, 'in_progress', this.#story.assigneeId) === null) return false;
      this.#t = Math.max(this.#t, story.last);
      return this.#remoteSessions(1);
    }
    return true;
  }

  #project(): boolean {
    const story = this.#story;
    const rng = this.#rng;
    const visits = rng.int(4, 10);
    // Mostly on-site jobs (maintenance, cabling, inventory); some are remote roll-outs.
    if (rng.chance(0.3)) {
      for (let i = 0; i < visits; i++) {
        const bookedAt = story.after(this.#t, 30, 780);
        if (!this.#visit('remote', bookedAt, this.#tech(this.#assignee).id, [this.#assignee], bookedAt + 60 * MINUTE_MS, rng.pick(PROJECT_MINUTES) / 2, 0)) return false;
      }
      return true;
    }
    if (story.emit(story.after(this.#t, 10, 120), 'note', this.#tech(this.#assignee).id, `Trabajo planificado en ${visits} visitas en sitio.`) === null) return false;
    if (story.setStatus(story.last + MINUTE_MS, 'onsite_pending', this.#tech(this.#assignee).id) === null) return false;
    this.#t = story.last;
    for (let i = 0; i < visits; i++) {
      if (!this.#dispatchOnsite(rng.pick(PROJECT_MINUTES), 0.05)) return false;
      if (i < visits - 1) {
        if (story.setStatus(this.#t + MINUTE_MS, 'onsite_pending', this.#story.assigneeId) === null) return false;
        this.#t = story.last;
      }
    }
    return true;
  }

  /** The dispatcher books an on-site visit (moving the ticket to onsite_scheduled); it may be cancelled and rebooked. */
  #dispatchOnsite(minutes: number, cancelProbability: number): boolean {
    const story = this.#story;
    const rng = this.#rng;
    const where = this.#where;
    if (where === null) return false;
    for (let attempt = 0; attempt < 3; attempt++) {
      // Por agendar en sitio: some cases wait a day or two for the dispatcher.
      const bookedAt = story.after(this.#t, 10, rng.chance(0.3) ? 1_560 : 300);
      if (!story.reach(bookedAt)) return false;
      const earliest = this.#urgent ? bookedAt + 90 * MINUTE_MS : story.after(bookedAt, 300, 900);
      const willCancel = attempt < 2 && rng.chance(cancelProbability);
      const result = this.#visit('onsite', bookedAt, this.#dispatcher.id, this.#onsiteCandidates(where.district), earliest, minutes, willCancel ? 1 : 0);
      if (result !== 'cancelled') return result;
      if (story.setStatus(this.#t + MINUTE_MS, 'onsite_pending', this.#dispatcher.id, 'Visita cancelada') === null) return false;
      this.#t = story.last;
    }
    return false;
  }

  #onsiteCandidates(district: string): number[] {
    const { staff } = this.#ctx;
    const zone = districtByUbigeo(district)?.zone;
    const inZone = zone === undefined ? [] : staff.techniciansByZone.get(zone) ?? [];
    const picks = new Set<number>();
    if (inZone.includes(this.#assignee)) picks.add(this.#assignee);
    for (let i = 0; i < 3 && inZone.length > 0; i++) picks.add(this.#rng.pick(inZone));
    return [...picks];
  }

  /**
   * Books a visit or remote session with the first candidate who has room,
   * then lives it: check-in, check-out and the time entry. Returns true when
   * it happened, 'cancelled' when it was called off, false when the story stops.
   */
  #visit(kind: WorkKind, bookedAt: number, bookerId: string, candidates: readonly number[], earliest: number, minutes: number, cancel: 0 | 1): boolean | 'cancelled' {
    const story = this.#story;
    const rng = this.#rng;
    const { schedule, staff } = this.#ctx;
    // The booking and the status change that goes with it must both have happened by now.
    if (!story.reach(Math.max(bookedAt, story.last) + 3 * MINUTE_MS)) return false;
    const district = kind === 'onsite' ? (this.#where?.district ?? null) : null;
    const preferredMinute = kind === 'onsite' ? rng.int(34, 64) * 15 : rng.int(36, 72) * 15;
    const request = { earliest, minutes, district, preferredMinute, maxOpenDays: 8 };
    let chosen = schedule.findSlot(request, candidates);
    // Nobody in the zone has room this week: look further, at anyone.
    chosen ??= schedule.findSlot({ ...request, maxOpenDays: 20 }, Array.from({ length: 4 }, () => rng.int(0, staff.technicians.length - 1)));
    if (chosen === null) {
      this.#ctx.stats.unplacedVisits++;
      return false;
    }
    const { technician: tech, start } = chosen;
    const end = start + minutes * MINUTE_MS;
    const technician = this.#tech(tech);
    const slot = { date: shortDate(start), from: hourMinute(start), to: hourMinute(end), tech: technician.name };
    const at = story.emit(bookedAt, 'visit', bookerId, talk.fill(talk.VISIT_BOOKED[kind], slot));
    if (at === null) return false;
    const booking = { start, end, district };
    schedule.book(tech, booking);
    const where = kind === 'onsite' ? this.#where : null;
    const visit: { -readonly [K in keyof Visit]: Visit[K] } = {
      id: rng.uuid(), ticketId: story.ticketId, technicianId: technician.id, kind, startsAt: iso(start), endsAt: iso(end),
      districtUbigeo: where?.district ?? null, address: where?.address ?? null, status: 'scheduled', checkInAt: null, checkOutAt: null, createdAt: iso(at),
    };
    story.visits.push(visit);
    if (kind === 'onsite') {
      if (story.setStatus(at + MINUTE_MS, 'onsite_scheduled', bookerId, 'Visita agendada') === null) return false;
      if (rng.chance(0.35) && story.emit(story.last + MINUTE_MS, 'reply', bookerId, talk.fill(rng.pick(talk.VISIT_CONFIRMATIONS), slot)) === null) return false;
    }
    if (cancel === 1) {
      // The customer calls it off during office hours, some time before the visit.
      const cancelAt = Math.max(story.after(at, 5, 240), story.last + MINUTE_MS);
      // Called off after now: the visit is still on the board. The cancellation and the status move back must both fit before now.
      if (cancelAt + 15 * MINUTE_MS <= start && !story.reach(cancelAt + 2 * MINUTE_MS)) return false;
      // The server ignores cancelled visits, so one is called off only if the technician's day still works without it.
      if (cancelAt + 15 * MINUTE_MS <= start && schedule.cancel(tech, booking)) {
        if (story.emit(cancelAt, 'visit', this.#dispatcher.id, talk.fill(rng.pick(talk.VISIT_CANCELLED), slot)) === null) return false;
        visit.status = 'cancelled';
        this.#t = story.last;
        return 'cancelled';
      }
    }
    // Check-in and check-out as the server records them (mutations/visits.ts): "Llegada registrada",
    // the ticket back to in_progress ("Trabajo iniciado"), and at check-out the time on site, billed.
    const arrival = Math.max(start + rng.int(0, kind === 'onsite' ? 12 : 3) * MINUTE_MS, story.last + MINUTE_MS);
    if (!story.reach(arrival + 2 * MINUTE_MS)) return false;
    const checkIn = story.emit(arrival, 'visit', technician.id, 'Llegada registrada');
    if (checkIn === null) return false;
    visit.status = 'in_progress';
    visit.checkInAt = iso(checkIn);
    if ((story.status === 'onsite_scheduled' || story.status === 'new') && story.setStatus(checkIn + MINUTE_MS, 'in_progress', technician.id, 'Trabajo iniciado') === null) return false;
    const checkOut = Math.max(end - rng.int(0, 10) * MINUTE_MS, story.last + MINUTE_MS);
    if (!story.reach(checkOut)) return false;
    const minutesOnSite = Math.min(24 * 60, Math.max(1, Math.ceil((checkOut - checkIn) / MINUTE_MS)));
    if (!this.#logTime(technician.id, kind, minutesOnSite, checkOut, CHECK_OUT_NOTES[kind], limaDate(checkIn), true)) return false;
    visit.status = 'done';
    visit.checkOutAt = iso(checkOut);
    this.#t = checkOut;
    return true;
  }

  /**
   * A time entry and the ticket event the server writes with it (mutations/time.ts:
   * "45 min remoto — nota"). Returns false when that is after now.
   */
  #logTime(technicianId: string, kind: WorkKind, minutes: number, at: number, note: string, workDate?: string, alwaysBillable = false): boolean {
    // Rework under warranty is logged but not billed; check-outs are always billed (the server's rule).
    const billable = alwaysBillable || !this.#rng.chance(0.04);
    const text = billable ? note : `${note} (garantía, no facturable)`;
    const time = this.#story.emit(at, 'time', technicianId, `${minutes} min ${KIND_ES[kind]} — ${text}`);
    if (time === null) return false;
    this.#story.timeEntries.push({
      id: this.#rng.uuid(), ticketId: this.#story.ticketId, customerId: this.#customerId, technicianId, kind, minutes,
      workDate: workDate ?? limaDate(time), billable, note: text, createdAt: iso(time),
    });
    return true;
  }

  /** Replies with `reply`, resolves, and closes on the customer's word or after three business days. */
  #resolve(reply: string, withNote: boolean): void {
    const story = this.#story;
    const rng = this.#rng;
    const techId = story.assigneeId;
    const replyAt = story.emit(story.after(Math.max(this.#t, story.last), 5, 60), 'reply', techId, reply);
    if (replyAt === null) return;
    const resolvedAt = story.setStatus(replyAt + MINUTE_MS, 'resolved', techId);
    if (resolvedAt === null) return;
    if (withNote && rng.chance(0.25) && story.emit(resolvedAt + MINUTE_MS, 'note', techId, rng.pick(talk.PROGRESS_NOTES).replace('{code}', this.#values.code ?? '').replace('{number}', this.#values.number ?? '')) === null) return;
    if (rng.chance(0.5)) {
      const confirmed = story.emit(story.after(resolvedAt, 30, 900), 'reply', null, rng.pick(talk.CUSTOMER_CONFIRMATIONS));
      if (confirmed === null) return;
      story.setStatus(story.after(confirmed, 5, 60), 'closed', techId, talk.CONFIRMED_CLOSE);
      return;
    }
    story.setStatus(this.#ctx.calendar.addBusinessMinutes(resolvedAt, 3 * 780).getTime(), 'closed', null, talk.AUTO_CLOSE);
  }
}
