/**
 * The synced entities as they travel on the wire (`data` of a pull change).
 * The server of record writes them, the desk cache mirrors them, the demo
 * seed produces them. Ids are UUIDs; instants are ISO 8601 with offset;
 * money is integer céntimos (PEN); durations are integer minutes.
 */
import { z } from 'zod';

export const Uuid = z.uuid();
export const IsoInstant = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
/** A Lima calendar month, `YYYY-MM`. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const Ubigeo = z.string().regex(/^\d{6}$/, 'UBIGEO de 6 dígitos');
export const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const ROLES = ['technician', 'dispatcher', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Plan tiers, best first. UI labels: Premium, Empresarial, Básico. */
export const TIERS = ['premium', 'business', 'basic'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export const TICKET_TYPES = ['incidencia', 'requerimiento'] as const;
export const TicketType = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof TicketType>;

export const CHANNELS = ['portal', 'email', 'phone'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** UI labels: baja, media, alta, crítica. */
export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** How often the problem happens. UI labels: siempre, a veces, una vez. */
export const FREQUENCIES = ['always', 'sometimes', 'once'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

/**
 * Ticket statuses. The allowed transitions live in `tickets/state-machine.ts`.
 * UI labels: Nuevo, En curso, Esperando al cliente, Por agendar en sitio,
 * Visita agendada, Resuelto, Cerrado, Anulado.
 */
export const TICKET_STATUSES = ['new', 'in_progress', 'waiting_customer', 'onsite_pending', 'onsite_scheduled', 'resolved', 'closed', 'cancelled'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const WORK_KINDS = ['remote', 'onsite'] as const;
export const WorkKind = z.enum(WORK_KINDS);
export type WorkKind = z.infer<typeof WorkKind>;

export const VISIT_STATUSES = ['scheduled', 'in_progress', 'done', 'cancelled'] as const;
export const VisitStatus = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof VisitStatus>;

const text = (max: number) => z.string().max(max);

export const CustomerSchema = z.object({
  id: Uuid,
  /** Short code people say on the phone, e.g. "CLI-0042". */
  code: text(20),
  name: text(200).min(1),
  /** Peruvian tax id (RUC), 11 digits. */
  ruc: z.string().regex(/^\d{11}$/).nullable(),
  /** Registered addresses: email tickets are accepted only from these. */
  emails: z.array(z.email()).max(50),
  phone: text(40).nullable(),
  districtUbigeo: Ubigeo,
  address: text(300),
  active: z.boolean(),
  createdAt: IsoInstant,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const PlanSchema = z.object({
  id: Uuid,
  code: text(40),
  name: text(120).min(1),
  tier: Tier,
  /** `hours`: remote/on-site minute buckets; `tickets`: a monthly ticket quota. */
  kind: z.enum(['hours', 'tickets']),
  remoteMinutes: z.number().int().min(0),
  onsiteMinutes: z.number().int().min(0),
  ticketQuota: z.number().int().min(0),
  /** Monthly price in céntimos de sol. */
  priceCents: z.number().int().min(0),
  active: z.boolean(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** The plan a customer has from `effectiveMonth` on, until a later assignment. Never retroactive. */
export const PlanAssignmentSchema = z.object({
  id: Uuid,
  customerId: Uuid,
  planId: Uuid,
  effectiveMonth: YearMonth,
  createdAt: IsoInstant,
});
export type PlanAssignment = z.infer<typeof PlanAssignmentSchema>;

export const UserSchema = z.object({
  id: Uuid,
  name: text(120).min(1),
  email: z.email(),
  role: Role,
  /** Where a technician starts the day; used for travel estimates. */
  homeDistrictUbigeo: Ubigeo.nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const TicketSchema = z.object({
  id: Uuid,
  /** Human ticket number, assigned by the server; null until the server has the ticket. */
  number: z.number().int().positive().nullable(),
  type: TicketType,
  channel: Channel,
  urgency: Urgency,
  status: TicketStatus,
  subject: text(200).min(1),
  description: text(20_000),
  customerId: Uuid,
  assigneeId: Uuid.nullable(),
  requesterName: text(120).nullable(),
  requesterEmail: z.email().nullable(),
  errorMessage: text(2_000).nullable(),
  affectedSite: text(200).nullable(),
  affectedAccount: text(200).nullable(),
  affectedEquipment: text(200).nullable(),
  frequency: Frequency.nullable(),
  /** Where the on-site work happens when it differs from the customer's address. */
  onsiteDistrictUbigeo: Ubigeo.nullable(),
  onsiteAddress: text(300).nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /** Set when the ticket entered `waiting_customer`; the SLA clock is paused while it is set. */
  waitingSince: IsoInstant.nullable(),
  /** Business minutes the SLA clock spent paused so far. */
  slaPausedMinutes: z.number().int().min(0),
  resolvedAt: IsoInstant.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TICKET_EVENT_KINDS = ['reply', 'note', 'status', 'assignment', 'time', 'visit'] as const;
export const TicketEventSchema = z.object({
  id: Uuid,
  ticketId: Uuid,
  kind: z.enum(TICKET_EVENT_KINDS),
  authorId: Uuid.nullable(),
  body: text(20_000).nullable(),
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus.nullable(),
  createdAt: IsoInstant,
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;

export const VisitSchema = z.object({
  id: Uuid,
  ticketId: Uuid,
  technicianId: Uuid,
  kind: WorkKind,
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  districtUbigeo: Ubigeo.nullable(),
  address: text(300).nullable(),
  status: VisitStatus,
  checkInAt: IsoInstant.nullable(),
  checkOutAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
});
export type Visit = z.infer<typeof VisitSchema>;

export const TimeEntrySchema = z.object({
  id: Uuid,
  ticketId: Uuid,
  customerId: Uuid,
  technicianId: Uuid,
  kind: WorkKind,
  minutes: z.number().int().min(1).max(24 * 60),
  /** The Lima calendar day the work was done; decides the month it is billed to. */
  workDate: IsoDate,
  billable: z.boolean(),
  note: text(2_000).nullable(),
  createdAt: IsoInstant,
});
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

/** Extra support bought for one month when the plan runs out. */
export const PurchaseSchema = z.object({
  id: Uuid,
  customerId: Uuid,
  month: YearMonth,
  remoteMinutes: z.number().int().min(0),
  onsiteMinutes: z.number().int().min(0),
  tickets: z.number().int().min(0),
  priceCents: z.number().int().min(0),
  createdAt: IsoInstant,
});
export type Purchase = z.infer<typeof PurchaseSchema>;

/** Derived on the server, per customer per Lima month; clients never write it. Id: `${customerId}:${month}`. */
export const BalanceSchema = z.object({
  id: z.string(),
  customerId: Uuid,
  month: YearMonth,
  planId: Uuid.nullable(),
  tier: Tier.nullable(),
  remoteMinutesIncluded: z.number().int().min(0),
  onsiteMinutesIncluded: z.number().int().min(0),
  ticketQuota: z.number().int().min(0),
  remoteMinutesPurchased: z.number().int().min(0),
  onsiteMinutesPurchased: z.number().int().min(0),
  ticketsPurchased: z.number().int().min(0),
  remoteMinutesUsed: z.number().int().min(0),
  onsiteMinutesUsed: z.number().int().min(0),
  ticketsOpened: z.number().int().min(0),
});
export type Balance = z.infer<typeof BalanceSchema>;

/** A day that differs from the plain Mon–Fri 08:00–21:00 rule. Id: the date. */
export const CalendarDayEntitySchema = z.object({
  id: IsoDate,
  date: IsoDate,
  kind: z.enum(['holiday', 'closure', 'opening']),
  name: text(200),
  opensAt: HourMinute.nullable(),
  closesAt: HourMinute.nullable(),
});
export type CalendarDayEntity = z.infer<typeof CalendarDayEntitySchema>;

export const entitySchemas = {
  customer: CustomerSchema,
  plan: PlanSchema,
  planAssignment: PlanAssignmentSchema,
  user: UserSchema,
  ticket: TicketSchema,
  ticketEvent: TicketEventSchema,
  visit: VisitSchema,
  timeEntry: TimeEntrySchema,
  purchase: PurchaseSchema,
  balance: BalanceSchema,
  calendarDay: CalendarDayEntitySchema,
} as const;

export type EntityName = keyof typeof entitySchemas;
export const ENTITY_NAMES = Object.keys(entitySchemas) as EntityName[];
export type EntityData<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;
