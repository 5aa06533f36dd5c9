/**
 * Sync protocol v1 (DESIGN.md §3): pull with a commit-ordered cursor, push of
 * client mutations applied exactly once per (clientId, seq).
 */
import { z } from 'zod';
import { ENTITY_NAMES, type EntityName, IsoInstant, IsoDate, Ubigeo, Uuid, TicketType, Channel, Urgency, Frequency, TicketStatus, WorkKind } from './entities.ts';

export const SCHEMA_VERSION = 1;
export const API_PREFIX = '/api/v1';

/** The error body of every non-2xx HTTP answer. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const LoginRequestSchema = z.object({ email: z.string().max(254), password: z.string().max(200) }).strict();
export const LoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: IsoInstant,
  user: z.object({ id: Uuid, name: z.string(), email: z.string(), role: z.enum(['technician', 'dispatcher', 'supervisor', 'admin']) }),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId: 8–64 letters, digits, _ or -');

export const PullQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  clientId: ClientId,
  /** Up to 10,000: a desk's initial load asks for large pages (fewer round trips, see the sync engine). */
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});

export const ChangeSchema = z.object({
  entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1).max(100),
  rev: z.string().min(1).max(100),
  /** The entity's wire shape for upserts (see entities.ts); null for deletes. */
  data: z.unknown(),
});
export type Change = z.infer<typeof ChangeSchema>;

/**
 * The entities of a ticket's history: most of the rows, and not needed to
 * work the queues. A pull from no cursor delivers every other entity first
 * (stage `core`), then these (stage `history`), then continues with changes.
 */
export const HISTORY_ENTITIES = ['ticketEvent', 'timeEntry'] as const satisfies readonly EntityName[];
export const PullStage = z.enum(['core', 'history']);
export type PullStage = z.infer<typeof PullStage>;

export const PullResponseSchema = z.object({
  cursor: z.string(),
  hasMore: z.boolean(),
  lastSeq: z.number().int().min(0),
  /** Rows still to come after this page, when the server can tell cheaply (initial-sync progress bars). */
  remaining: z.number().int().min(0).optional(),
  /** During a pull from no cursor: which stage this page belongs to (absent once it continues with changes). */
  stage: PullStage.optional(),
  changes: z.array(ChangeSchema),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ---- Mutations ---------------------------------------------------------------

const optText = (max: number) => z.string().max(max).nullable().optional();

export const mutationArgs = {
  'ticket.create': z.object({
    id: Uuid,
    customerId: Uuid,
    type: TicketType,
    channel: Channel,
    urgency: Urgency,
    subject: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).default(''),
    requesterName: optText(120),
    requesterEmail: z.email().nullable().optional(),
    errorMessage: optText(2_000),
    affectedSite: optText(200),
    affectedAccount: optText(200),
    affectedEquipment: optText(200),
    frequency: Frequency.nullable().optional(),
    assigneeId: Uuid.nullable().optional(),
  }).strict(),
  'ticket.update': z.object({
    id: Uuid,
    /** The rev the client edited; a different current rev is a CONFLICT. */
    expectedRev: z.string().max(100).optional(),
    patch: z.object({
      type: TicketType,
      channel: Channel,
      urgency: Urgency,
      subject: z.string().trim().min(1).max(200),
      description: z.string().max(20_000),
      errorMessage: optText(2_000),
      affectedSite: optText(200),
      affectedAccount: optText(200),
      affectedEquipment: optText(200),
      frequency: Frequency.nullable(),
      onsiteDistrictUbigeo: Ubigeo.nullable(),
      onsiteAddress: optText(300),
    }).partial().strict(),
  }).strict(),
  'ticket.setStatus': z.object({ id: Uuid, status: TicketStatus, expectedRev: z.string().max(100).optional(), comment: optText(2_000) }).strict(),
  'ticket.assign': z.object({ id: Uuid, assigneeId: Uuid.nullable() }).strict(),
  'ticket.addNote': z.object({ id: Uuid, ticketId: Uuid, kind: z.enum(['reply', 'note']), body: z.string().trim().min(1).max(20_000) }).strict(),
  'time.log': z.object({
    id: Uuid,
    ticketId: Uuid,
    kind: WorkKind,
    minutes: z.number().int().min(1).max(24 * 60),
    workDate: IsoDate,
    billable: z.boolean().default(true),
    note: optText(2_000),
  }).strict(),
  'visit.book': z.object({
    id: Uuid,
    ticketId: Uuid,
    technicianId: Uuid,
    kind: WorkKind,
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    districtUbigeo: Ubigeo.optional(),
    address: z.string().max(300).optional(),
  }).strict(),
  'visit.reschedule': z.object({ id: Uuid, startsAt: IsoInstant, endsAt: IsoInstant, technicianId: Uuid.optional() }).strict(),
  'visit.cancel': z.object({ id: Uuid, reason: optText(500) }).strict(),
  'visit.checkIn': z.object({ id: Uuid, at: IsoInstant.optional() }).strict(),
  'visit.checkOut': z.object({ id: Uuid, at: IsoInstant.optional() }).strict(),
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

export const MutationSchema = z.object({
  seq: z.number().int().min(1),
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  clientId: ClientId,
  schemaVersion: z.number().int(),
  mutations: z.array(MutationSchema).max(500),
}).strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

/** Codes a rejected mutation can carry (DESIGN.md §3). */
export const REJECTION_CODES = [
  'OUTSIDE_BUSINESS_HOURS',
  'HOLIDAY',
  'OUTSIDE_SERVICE_AREA',
  'TECHNICIAN_BUSY',
  'INSUFFICIENT_TRAVEL_TIME',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'INVALID_TRANSITION',
  'CONFLICT',
  'UNKNOWN_MUTATION',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const PushResultSchema = z.object({
  seq: z.number().int().min(1),
  status: z.enum(['applied', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export const PushResponseSchema = z.object({ lastSeq: z.number().int().min(0), results: z.array(PushResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const CalendarQuerySchema = z.object({ from: IsoDate, to: IsoDate });
export const CalendarResponseSchema = z.object({
  timezone: z.literal('America/Lima'),
  days: z.array(z.object({
    date: IsoDate,
    open: z.boolean(),
    opensAt: z.string().optional(),
    closesAt: z.string().optional(),
    reason: z.enum(['weekend', 'holiday', 'closure']).optional(),
    name: z.string().optional(),
  })),
});
