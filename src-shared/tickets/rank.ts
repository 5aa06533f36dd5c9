/**
 * Queue order: "served in the order received, but prioritised by urgency and
 * by the customer's tier" (DESIGN.md §1).
 *
 *   score = (waiting minutes + 60) × urgency × tier × channel
 *
 *   urgency  low ×1 · medium ×2 · high ×3 · critical ×4
 *   tier     premium ×1.5 · business ×1.25 · basic ×1 · no plan ×1
 *   channel  ×1 for all (knob kept for the business; email's lack of a
 *            response-time promise is the SLA timer's concern, not the queue's)
 *
 * Waiting minutes grow with age, so order received still rules in the long
 * run: an old low-urgency ticket eventually passes a new critical one and no
 * case starves. The 60-minute head start makes urgency and tier count from
 * the first minute (without it every brand-new ticket would score 0): a new
 * critical ticket of a Premium customer (60 × 4 × 1.5 = 360) goes before a
 * low-urgency Básico ticket until that one has waited 5 hours.
 * Waiting is counted in business minutes when a calendar is given (a ticket
 * sent on Friday night has not "waited" all weekend), wall minutes otherwise;
 * sort a queue with one basis only. A createdAt in the future counts as 0.
 *
 * Before the score comes the status band: cases that wait on our team (new,
 * in progress, on-site to schedule) go first; then cases that wait on
 * someone else (the customer, a booked visit); then finished ones.
 * Ties: earlier createdAt, then id — a total, deterministic order.
 */
import type { BusinessCalendar } from '../calendar/types.ts';
import type { Channel, TicketStatus, Tier, Urgency } from '../protocol/entities.ts';
import { CHANNEL_LABELS, STATUS_LABELS, TIER_LABELS, URGENCY_LABELS } from './labels.ts';

export interface RankInput {
  readonly id: string;
  /** How explanations name the ticket, e.g. "#1042"; defaults to "ticket " + the first 8 characters of the id. */
  readonly label?: string;
  readonly createdAt: Date | string;
  readonly urgency: Urgency;
  /** The customer's plan tier this month; null when the customer has no plan. */
  readonly tier: Tier | null;
  readonly channel: Channel;
  readonly status: TicketStatus;
}

export interface RankOptions {
  /** Count waiting in business minutes (Mon–Fri 08:00–21:00 minus holidays) instead of wall minutes. */
  readonly calendar?: Pick<BusinessCalendar, 'businessMinutesBetween'>;
}

export const RANK_WEIGHTS = Object.freeze({
  headStartMinutes: 60,
  urgency: Object.freeze({ low: 1, medium: 2, high: 3, critical: 4 } satisfies Record<Urgency, number>),
  tier: Object.freeze({ premium: 1.5, business: 1.25, basic: 1 } satisfies Record<Tier, number>),
  noPlan: 1,
  channel: Object.freeze({ portal: 1, email: 1, phone: 1 } satisfies Record<Channel, number>),
});

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

export type RankPart =
  | { readonly factor: 'urgency'; readonly value: Urgency; readonly multiplier: number; readonly text: Bilingual }
  | { readonly factor: 'tier'; readonly value: Tier | null; readonly multiplier: number; readonly text: Bilingual }
  | { readonly factor: 'channel'; readonly value: Channel; readonly multiplier: number; readonly text: Bilingual }
  | { readonly factor: 'waiting'; readonly minutes: number; readonly basis: 'business' | 'wall'; readonly text: Bilingual }
  | { readonly factor: 'status'; readonly value: TicketStatus; readonly band: RankBand; readonly text: Bilingual };

export interface TicketRank {
  readonly id: string;
  readonly label: string;
  readonly band: RankBand;
  readonly status: TicketStatus;
  readonly score: number;
  readonly waitingMinutes: number;
  readonly createdAtMs: number;
  readonly urgency: Urgency;
  readonly tier: Tier | null;
  readonly channel: Channel;
  readonly parts: readonly RankPart[];
  /** "Urgencia crítica ×4 · Cliente Premium ×1.5 · esperando 3 h 20 min". */
  readonly explanation: Bilingual;
}

function instantMs(value: Date | string, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`rankTicket: ${what} is not a valid instant (${String(value)}).`);
  return ms;
}

/** "3 h 20 min", "45 min", "2 h". */
export function formatWait(minutes: number): string {
  const whole = Math.floor(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const times = (multiplier: number): string => `×${multiplier}`;

function tierText(tier: Tier | null): Bilingual {
  if (tier === null) return { es: 'Sin plan', en: 'No plan' };
  return { es: `Cliente ${TIER_LABELS[tier]['es-PE']}`, en: `${TIER_LABELS[tier].en} customer` };
}

function waitingText(minutes: number, basis: 'business' | 'wall'): Bilingual {
  const span = formatWait(minutes);
  return basis === 'business' ? { es: `esperando ${span} hábiles`, en: `waiting ${span} of business time` } : { es: `esperando ${span}`, en: `waiting ${span}` };
}

function statusText(status: TicketStatus, band: RankBand): Bilingual {
  const es = STATUS_LABELS[status]['es-PE'];
  const en = STATUS_LABELS[status].en;
  if (band === 1) return { es: `${es}: va después de los casos que esperan a nuestro equipo`, en: `${en}: goes after cases waiting on our team` };
  return { es: `${es}: fuera de la cola activa`, en: `${en}: out of the active queue` };
}

export function rankTicket(ticket: RankInput, now: Date, options: RankOptions = {}): TicketRank {
  const createdAtMs = instantMs(ticket.createdAt, 'createdAt');
  const nowMs = instantMs(now, 'now');
  const basis = options.calendar === undefined ? 'wall' : 'business';
  const waitingMinutes =
    nowMs <= createdAtMs ? 0 : options.calendar === undefined ? (nowMs - createdAtMs) / 60_000 : options.calendar.businessMinutesBetween(createdAtMs, nowMs);

  const urgencyX = RANK_WEIGHTS.urgency[ticket.urgency];
  const tierX = ticket.tier === null ? RANK_WEIGHTS.noPlan : RANK_WEIGHTS.tier[ticket.tier];
  const channelX = RANK_WEIGHTS.channel[ticket.channel];
  const score = (waitingMinutes + RANK_WEIGHTS.headStartMinutes) * urgencyX * tierX * channelX;
  const band = BAND_OF[ticket.status];

  const urgencyLabel = URGENCY_LABELS[ticket.urgency];
  const tierLabel = tierText(ticket.tier);
  const parts: RankPart[] = [
    {
      factor: 'urgency',
      value: ticket.urgency,
      multiplier: urgencyX,
      text: { es: `Urgencia ${urgencyLabel['es-PE'].toLowerCase()} ${times(urgencyX)}`, en: `${urgencyLabel.en} urgency ${times(urgencyX)}` },
    },
    { factor: 'tier', value: ticket.tier, multiplier: tierX, text: { es: `${tierLabel.es} ${times(tierX)}`, en: `${tierLabel.en} ${times(tierX)}` } },
  ];
  // The channel only appears when the business gives it a weight; at ×1 it would be noise.
  if (channelX !== 1) {
    const channel = CHANNEL_LABELS[ticket.channel];
    parts.push({ factor: 'channel', value: ticket.channel, multiplier: channelX, text: { es: `Canal ${channel['es-PE'].toLowerCase()} ${times(channelX)}`, en: `${channel.en} channel ${times(channelX)}` } });
  }
  parts.push({ factor: 'waiting', minutes: waitingMinutes, basis, text: waitingText(waitingMinutes, basis) });
  if (band !== 0) parts.push({ factor: 'status', value: ticket.status, band, text: statusText(ticket.status, band) });

  return {
    id: ticket.id,
    label: ticket.label ?? `ticket ${ticket.id.slice(0, 8)}`,
    band,
    status: ticket.status,
    score,
    waitingMinutes,
    createdAtMs,
    urgency: ticket.urgency,
    tier: ticket.tier,
    channel: ticket.channel,
    parts,
    explanation: { es: parts.map((p) => p.text.es).join(' · '), en: parts.map((p) => p.text.en).join(' · ') },
  };
}

/**
 * Queue order, for `Array.prototype.sort`: negative when `a` goes first.
 * Band, then higher score, then earlier createdAt, then id (code-unit order,
 * not locale order, so every machine sorts alike).
 */
export function compareRank(a: TicketRank, b: TicketRank): number {
  if (a.band !== b.band) return a.band - b.band;
  if (a.score !== b.score) return b.score > a.score ? 1 : -1;
  if (a.createdAtMs !== b.createdAtMs) return a.createdAtMs - b.createdAtMs;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

const round = (score: number): string => String(Math.round(score));

const tierWeight = (r: TicketRank): number => (r.tier === null ? RANK_WEIGHTS.noPlan : RANK_WEIGHTS.tier[r.tier]);

/** Each factor: its weight, and how to say "x's value vs y's value" with x the ticket it favours. */
const FACTORS: ReadonlyArray<{ readonly weight: (r: TicketRank) => number; readonly versus: (x: TicketRank, y: TicketRank) => Bilingual }> = [
  {
    weight: (r) => RANK_WEIGHTS.urgency[r.urgency],
    versus: (x, y) => {
      const [xw, yw] = [times(RANK_WEIGHTS.urgency[x.urgency]), times(RANK_WEIGHTS.urgency[y.urgency])];
      const [xl, yl] = [URGENCY_LABELS[x.urgency], URGENCY_LABELS[y.urgency]];
      return { es: `urgencia ${xl['es-PE'].toLowerCase()} ${xw} frente a ${yl['es-PE'].toLowerCase()} ${yw}`, en: `${xl.en.toLowerCase()} urgency ${xw} vs ${yl.en.toLowerCase()} ${yw}` };
    },
  },
  {
    weight: tierWeight,
    versus: (x, y) => {
      const name = (r: TicketRank): Bilingual => (r.tier === null ? { es: 'sin plan', en: 'no plan' } : { es: TIER_LABELS[r.tier]['es-PE'], en: TIER_LABELS[r.tier].en });
      const [xn, yn] = [name(x), name(y)];
      const [xw, yw] = [times(tierWeight(x)), times(tierWeight(y))];
      return { es: `cliente ${xn.es} ${xw} frente a ${yn.es} ${yw}`, en: `customer ${xn.en} ${xw} vs ${yn.en} ${yw}` };
    },
  },
  {
    weight: (r) => RANK_WEIGHTS.channel[r.channel],
    versus: (x, y) => {
      const [xw, yw] = [times(RANK_WEIGHTS.channel[x.channel]), times(RANK_WEIGHTS.channel[y.channel])];
      const [xl, yl] = [CHANNEL_LABELS[x.channel], CHANNEL_LABELS[y.channel]];
      return { es: `canal ${xl['es-PE'].toLowerCase()} ${xw} frente a ${yl['es-PE'].toLowerCase()} ${yw}`, en: `${xl.en} channel ${xw} vs ${yl.en} ${yw}` };
    },
  },
  {
    weight: (r) => r.waitingMinutes,
    versus: (x, y) => ({
      es: `espera ${formatWait(x.waitingMinutes)} frente a ${formatWait(y.waitingMinutes)}`,
      en: `waiting ${formatWait(x.waitingMinutes)} vs ${formatWait(y.waitingMinutes)}`,
    }),
  },
];

/** What tipped the order between two tickets of the same band: factors for the first, and those for the second. */
function factorComparisons(first: TicketRank, second: TicketRank): { favours: Bilingual[]; against: Bilingual[] } {
  const favours: Bilingual[] = [];
  const against: Bilingual[] = [];
  for (const factor of FACTORS) {
    const [f, s] = [factor.weight(first), factor.weight(second)];
    if (f > s) favours.push(factor.versus(first, second));
    else if (f < s) against.push(factor.versus(second, first));
  }
  return { favours, against };
}

/**
 * Why one ticket goes before the other, in words: "#12 va antes que #15
 * porque tiene más prioridad (480 frente a 300): urgencia crítica ×4 frente a
 * baja ×1." Whichever order the arguments come in, the sentence starts with
 * the ticket that goes first.
 */
export function explainOrder(a: TicketRank, b: TicketRank): Bilingual {
  const [first, second] = compareRank(a, b) <= 0 ? [a, b] : [b, a];
  const lead = { es: `${first.label} va antes que ${second.label} porque`, en: `${first.label} goes before ${second.label} because` };
  if (first.id === second.id) return { es: `${first.label} es el mismo ticket.`, en: `${first.label} is the same ticket.` };

  if (first.band !== second.band) {
    const es = STATUS_LABELS[second.status]['es-PE'];
    const en = STATUS_LABELS[second.status].en;
    return second.band === 1
      ? { es: `${lead.es} ${second.label} está en «${es}» y primero van los casos que esperan a nuestro equipo.`, en: `${lead.en} ${second.label} is "${en}" and cases waiting on our team come first.` }
      : { es: `${lead.es} ${second.label} ya está en «${es}».`, en: `${lead.en} ${second.label} is already "${en}".` };
  }

  if (first.score !== second.score) {
    const { favours, against } = factorComparisons(first, second);
    const es = `${lead.es} tiene más prioridad (${round(first.score)} frente a ${round(second.score)}): ${favours.map((f) => f.es).join('; ')}.`;
    const en = `${lead.en} it has higher priority (${round(first.score)} vs ${round(second.score)}): ${favours.map((f) => f.en).join('; ')}.`;
    if (against.length === 0) return { es, en };
    return {
      es: `${es} A favor de ${second.label}: ${against.map((f) => f.es).join('; ')}, pero no alcanza.`,
      en: `${en} In favour of ${second.label}: ${against.map((f) => f.en).join('; ')}, but not enough.`,
    };
  }

  if (first.createdAtMs !== second.createdAtMs) {
    return { es: `${lead.es} ambos tienen la misma prioridad y ${first.label} llegó primero.`, en: `${lead.en} both have the same priority and ${first.label} arrived first.` };
  }
  return {
    es: `${lead.es} ambos tienen la misma prioridad y llegaron a la vez; se desempata por identificador para que el orden sea siempre el mismo.`,
    en: `${lead.en} both have the same priority and arrived at the same time; the id breaks the tie so the order is always the same.`,
  };
}
