/**
 * Queue order: "served in the order received, but prioritised by urgency and
 * by the customer's tier" (DESIGN.md §1). This is the order the desk's cache
 * reads "Prioridad" in (SORT_COLUMNS.priority in
 * src-main/core/cache/queries/queue.ts), put into words:
 *
 *   1. status band   0 waits on our team (new, in progress, on-site to
 *                    schedule) · 1 waits on someone else (the customer, a
 *                    booked visit) · 2 finished (resolved, closed, cancelled)
 *   2. urgency       critical · high · medium · low
 *   3. tier          premium · business · basic · no plan
 *   4. arrival       earlier createdAt first
 *   5. id            code-unit order, so the order is total and every
 *                    machine sorts alike
 *
 * Urgency and tier together give the priority level, `score` (lower goes
 * first): urgency index × 4 + tier index + 1, with urgency critical 0, high
 * 1, medium 2, low 3 and tier premium 0, business 1, basic 2, no plan 3 (the
 * cache's urgency_rank and tier_rank):
 *
 *   P1  = crítica + Premium     P2  = crítica + Empresarial   P3  = crítica + Básico   P4  = crítica sin plan
 *   P5  = alta + Premium        …                                                      P8  = alta sin plan
 *   P9  = media + Premium       …                                                      P12 = media sin plan
 *   P13 = baja + Premium        …                                                      P16 = baja sin plan
 *
 * So urgency always outweighs tier, and among tickets of the same band and
 * level the one that arrived first goes first. The waiting time (business
 * minutes when a calendar is given — a ticket sent on Friday night has not
 * "waited" all weekend — wall minutes otherwise; a createdAt in the future
 * counts as 0) is part of the explanation only: it never changes the order,
 * which follows createdAt. The channel plays no part (email's lack of a
 * response-time promise is the SLA timer's concern, not the queue's).
 */
import type { BusinessCalendar } from '../calendar/types.ts';
import type { TicketStatus, Tier, Urgency } from '../protocol/entities.ts';
import { STATUS_LABELS, TIER_LABELS, URGENCY_LABELS } from './labels.ts';

export interface RankInput {
  readonly id: string;
  /** How explanations name the ticket, e.g. "#1042"; defaults to "ticket " + the first 8 characters of the id. */
  readonly label?: string;
  readonly createdAt: Date | string;
  readonly urgency: Urgency;
  /** The customer's plan tier this month; null when the customer has no plan. */
  readonly tier: Tier | null;
  readonly status: TicketStatus;
}

export interface RankOptions {
  /** Count waiting in business minutes (Mon–Fri 08:00–21:00 minus holidays) instead of wall minutes. */
  readonly calendar?: Pick<BusinessCalendar, 'businessMinutesBetween'>;
}

/** Same order as the cache's tickets.urgency_rank: critical first. */
const URGENCY_INDEX: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Same order as the cache's tier_rank: premium first, no plan last. */
const TIER_INDEX: Readonly<Record<Tier, number>> = { premium: 0, business: 1, basic: 2 };
const NO_PLAN_INDEX = 3;

/** The priority level, 1 (crítica + Premium) to 16 (baja sin plan); lower goes first. */
export function priorityLevel(urgency: Urgency, tier: Tier | null): number {
  return URGENCY_INDEX[urgency] * 4 + (tier === null ? NO_PLAN_INDEX : TIER_INDEX[tier]) + 1;
}

/** 0: waits on our team · 1: waits on the customer or a booked visit · 2: finished. */
export type RankBand = 0 | 1 | 2;

const BAND_OF: Readonly<Record<TicketStatus, RankBand>> = {
  new: 0,
  in_progress: 0,
  onsite_pending: 0,
  waiting_customer: 1,
  onsite_scheduled: 1,
  resolved: 2,
  closed: 2,
  cancelled: 2,
};

/**
 * The status band alone. The desk's cache sorts "Prioridad" by it first
 * (tickets.status_band, a column SQLite derives from the status), so a
 * finished ticket never goes before open work whatever its urgency.
 */
export function rankBand(status: TicketStatus): RankBand {
  return BAND_OF[status];
}

export interface Bilingual {
  readonly es: string;
  readonly en: string;
}

/** The pieces of an explanation, in the order they are said. */
export type RankPart =
  | { readonly factor: 'urgency'; readonly value: Urgency; readonly text: Bilingual }
  | { readonly factor: 'tier'; readonly value: Tier | null; readonly text: Bilingual }
  | { readonly factor: 'waiting'; readonly minutes: number; readonly basis: 'business' | 'wall'; readonly text: Bilingual }
  | { readonly factor: 'status'; readonly value: TicketStatus; readonly band: RankBand; readonly text: Bilingual };

export interface TicketRank {
  readonly id: string;
  readonly label: string;
  readonly band: RankBand;
  readonly status: TicketStatus;
  /** The priority level 1–16 (P1 goes first); see the file header. */
  readonly score: number;
  /** How long the ticket has waited; explains, never orders (arrival does). */
  readonly waitingMinutes: number;
  readonly waitingBasis: 'business' | 'wall';
  readonly createdAtMs: number;
  readonly urgency: Urgency;
  readonly tier: Tier | null;
  /** Band 2 (finished): only the status part. */
  readonly parts: readonly RankPart[];
  /** "P1: urgencia crítica, cliente Premium · entre los de igual prioridad se atiende por orden de llegada (esperando 3 h 20 min hábiles)". */
  readonly explanation: Bilingual;
}

function instantMs(value: Date | string, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`rankTicket: ${what} is not a valid instant (${String(value)}).`);
  return ms;
}

/** No-break space: a span of time is never split over two lines ("18 h" / "34 min"). */
const NBSP = '\u00a0';

/** "3 h 20 min", "45 min", "2 h", with no-break spaces inside. */
export function formatWait(minutes: number): string {
  const whole = Math.floor(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${rest}${NBSP}min`;
}

function urgencyText(urgency: Urgency): Bilingual {
  const label = URGENCY_LABELS[urgency];
  return { es: `urgencia ${label['es-PE'].toLowerCase()}`, en: `${label.en.toLowerCase()} urgency` };
}

function tierText(tier: Tier | null): Bilingual {
  if (tier === null) return { es: 'cliente sin plan', en: 'customer without a plan' };
  return { es: `cliente ${TIER_LABELS[tier]['es-PE']}`, en: `${TIER_LABELS[tier].en} customer` };
}

function waitingText(minutes: number, basis: 'business' | 'wall'): Bilingual {
  const span = formatWait(minutes);
  const waiting = basis === 'business' ? { es: `esperando ${span} hábiles`, en: `waiting ${span} of business time` } : { es: `esperando ${span}`, en: `waiting ${span}` };
  return {
    es: `entre los de igual prioridad se atiende por orden de llegada (${waiting.es})`,
    en: `among equal priority, first come first served (${waiting.en})`,
  };
}

function statusText(status: TicketStatus, band: RankBand): Bilingual {
  const es = STATUS_LABELS[status]['es-PE'];
  const en = STATUS_LABELS[status].en;
  if (band === 1) return { es: `${es}: va después de los casos que esperan a nuestro equipo`, en: `${en}: goes after cases waiting on our team` };
  return { es: `${es}: fuera de la cola activa`, en: `${en}: out of the active queue` };
}

function explain(score: number, parts: readonly RankPart[]): Bilingual {
  const say = (lang: keyof Bilingual): string => {
    const text = (factor: RankPart['factor']): string | undefined => parts.find((p) => p.factor === factor)?.text[lang];
    const urgency = text('urgency');
    const tier = text('tier');
    const rest = parts.filter((p) => p.factor === 'waiting' || p.factor === 'status').map((p) => p.text[lang]);
    // Finished tickets have no urgency/tier part: no level is said for them.
    return urgency === undefined || tier === undefined ? rest.join(' · ') : [`P${score}: ${urgency}, ${tier}`, ...rest].join(' · ');
  };
  return { es: say('es'), en: say('en') };
}

export function rankTicket(ticket: RankInput, now: Date, options: RankOptions = {}): TicketRank {
  const createdAtMs = instantMs(ticket.createdAt, 'createdAt');
  const nowMs = instantMs(now, 'now');
  const basis = options.calendar === undefined ? 'wall' : 'business';
  const waitingMinutes =
    nowMs <= createdAtMs ? 0 : options.calendar === undefined ? (nowMs - createdAtMs) / 60_000 : options.calendar.businessMinutesBetween(createdAtMs, nowMs);
  const score = priorityLevel(ticket.urgency, ticket.tier);
  const band = BAND_OF[ticket.status];

  const parts: RankPart[] =
    band === 2
      ? [{ factor: 'status', value: ticket.status, band, text: statusText(ticket.status, band) }]
      : [
          { factor: 'urgency', value: ticket.urgency, text: urgencyText(ticket.urgency) },
          { factor: 'tier', value: ticket.tier, text: tierText(ticket.tier) },
          { factor: 'waiting', minutes: waitingMinutes, basis, text: waitingText(waitingMinutes, basis) },
        ];
  if (band === 1) parts.push({ factor: 'status', value: ticket.status, band, text: statusText(ticket.status, band) });

  return {
    id: ticket.id,
    label: ticket.label ?? `ticket ${ticket.id.slice(0, 8)}`,
    band,
    status: ticket.status,
    score,
    waitingMinutes,
    waitingBasis: basis,
    createdAtMs,
    urgency: ticket.urgency,
    tier: ticket.tier,
    parts,
    explanation: explain(score, parts),
  };
}

/**
 * Queue order, for `Array.prototype.sort`: negative when `a` goes first.
 * Band, then level (lower first), then earlier createdAt, then id
 * (code-unit order, not locale order) — the cache's "Prioridad" order.
 */
export function compareRank(a: TicketRank, b: TicketRank): number {
  if (a.band !== b.band) return a.band - b.band;
  if (a.score !== b.score) return a.score - b.score;
  if (a.createdAtMs !== b.createdAtMs) return a.createdAtMs - b.createdAtMs;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** "Básico", or "cliente sin plan" when there is no plan (a bare "sin plan" after "frente a" reads wrong). */
function tierVersus(x: Tier | null, y: Tier | null): Bilingual {
  const name = (t: Tier | null): Bilingual => (t === null ? { es: 'sin plan', en: 'no plan' } : { es: TIER_LABELS[t]['es-PE'], en: TIER_LABELS[t].en });
  const [xn, yn] = [name(x), name(y)];
  if (y === null) return { es: `cliente ${xn.es} frente a cliente sin plan`, en: `${xn.en} customer vs a customer without a plan` };
  return { es: `cliente ${xn.es} frente a ${yn.es}`, en: `${xn.en} customer vs ${yn.en}` };
}

/** "(P1 frente a P13)" for open work; nothing for finished tickets, which show no level. */
function levels(first: TicketRank, second: TicketRank): Bilingual {
  if (first.band === 2) return { es: '', en: '' };
  return { es: ` (P${first.score} frente a P${second.score})`, en: ` (P${first.score} vs P${second.score})` };
}

/**
 * Why one ticket goes before the other, by the first key that differs:
 * "#12 va antes que #15: urgencia crítica frente a baja (P1 frente a P13)."
 * Whichever order the arguments come in, the sentence starts with the ticket
 * that goes first.
 */
export function explainOrder(a: TicketRank, b: TicketRank): Bilingual {
  const [first, second] = compareRank(a, b) <= 0 ? [a, b] : [b, a];
  if (first.id === second.id) return { es: `${first.label} es el mismo ticket.`, en: `${first.label} is the same ticket.` };
  const lead = { es: `${first.label} va antes que ${second.label}:`, en: `${first.label} goes before ${second.label}:` };

  if (first.band !== second.band) {
    const es = STATUS_LABELS[second.status]['es-PE'];
    const en = STATUS_LABELS[second.status].en;
    return second.band === 1
      ? { es: `${lead.es} ${second.label} está en «${es}» y primero van los casos que esperan a nuestro equipo.`, en: `${lead.en} ${second.label} is "${en}" and cases waiting on our team come first.` }
      : { es: `${lead.es} ${second.label} ya está en «${es}», fuera de la cola activa.`, en: `${lead.en} ${second.label} is already "${en}", out of the active queue.` };
  }

  if (first.urgency !== second.urgency) {
    const [x, y] = [URGENCY_LABELS[first.urgency], URGENCY_LABELS[second.urgency]];
    const p = levels(first, second);
    return {
      es: `${lead.es} urgencia ${x['es-PE'].toLowerCase()} frente a ${y['es-PE'].toLowerCase()}${p.es}.`,
      en: `${lead.en} ${x.en.toLowerCase()} urgency vs ${y.en.toLowerCase()}${p.en}.`,
    };
  }

  if (first.tier !== second.tier) {
    const v = tierVersus(first.tier, second.tier);
    const p = levels(first, second);
    return { es: `${lead.es} a igual urgencia, ${v.es}${p.es}.`, en: `${lead.en} same urgency, ${v.en}${p.en}.` };
  }

  const same = first.band === 2 ? { es: 'misma prioridad', en: 'same priority' } : { es: `misma prioridad (P${first.score})`, en: `same priority (P${first.score})` };
  if (first.createdAtMs !== second.createdAtMs) {
    if (first.waitingMinutes === second.waitingMinutes) return { es: `${lead.es} ${same.es} y llegó antes.`, en: `${lead.en} ${same.en} and it arrived first.` };
    const [xw, yw] = [formatWait(first.waitingMinutes), formatWait(second.waitingMinutes)];
    const business = first.waitingBasis === 'business';
    return {
      es: `${lead.es} ${same.es} y llegó antes: espera ${xw} frente a ${yw}${business ? ' hábiles' : ''}.`,
      en: `${lead.en} ${same.en} and it arrived first: waiting ${xw} vs ${yw}${business ? ' of business time' : ''}.`,
    };
  }
  return {
    es: `${lead.es} ${same.es} y llegaron a la vez; se desempata por identificador para que el orden sea siempre el mismo.`,
    en: `${lead.en} ${same.en} and they arrived at the same time; the id breaks the tie so the order is always the same.`,
  };
}
