/**
 * DeskApi calls and events for the technician's work (issues 4–5): session,
 * queues, the ticket workspace, edits, visits, balances, Needs attention.
 * Spread into `deskCalls`/`deskEvents` (desk-api.ts); the names are listed
 * in `names.ts` (the preload checks names without zod). Changes to shapes
 * after the merge are noted next to the schema they touch.
 */
import { z } from 'zod';
import {
  BalanceSchema, Channel, CustomerSchema, PlanSchema, Role, TicketEventSchema, TicketSchema, TicketStatus, TicketType, Tier,
  TimeEntrySchema, Urgency, UserSchema, Uuid, VisitSchema, YearMonth, IsoDate, IsoInstant,
} from '../protocol/entities.ts';
import { mutationArgs, type MutationName } from '../protocol/sync.ts';

const Empty = z.object({}).strict();
const Localized = z.object({ es: z.string(), en: z.string() });

// ---- Session -----------------------------------------------------------------

export const SessionUserSchema = z.object({ id: Uuid, name: z.string(), email: z.string(), role: Role });
export const SessionSchema = z.object({
  signedIn: z.boolean(),
  user: SessionUserSchema.nullable(),
  serverUrl: z.string().nullable(),
  /** Why the user must sign in again (expired token), in Spanish. */
  reason: z.string().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

// ---- Queue -------------------------------------------------------------------

export const QUEUE_VIEWS = ['mine', 'unassigned', 'onsite_pending', 'waiting_customer', 'all'] as const;
export const QUEUE_SORT_KEYS = ['priority', 'createdAt', 'number', 'updatedAt'] as const;

export const QueueFiltersSchema = z.object({
  type: z.array(TicketType).max(10),
  status: z.array(TicketStatus).max(10),
  channel: z.array(Channel).max(10),
  urgency: z.array(Urgency).max(10),
  tier: z.array(Tier).max(10),
  customerId: z.array(Uuid).max(100),
  technicianId: z.array(Uuid).max(100),
}).partial().strict();
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

export const QueueSortSchema = z.object({ key: z.enum(QUEUE_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict();

export const QueuePageInputSchema = z.object({
  view: z.enum(QUEUE_VIEWS),
  filters: QueueFiltersSchema.default({}),
  sort: QueueSortSchema.default({ key: 'priority', dir: 'asc' }),
  search: z.string().max(200).optional(),
  /** `nextCursor` of the previous page (keyset paging). */
  after: z.string().max(1_000).optional(),
  limit: z.number().int().min(1).max(500).default(50),
}).strict();
export type QueuePageInput = z.input<typeof QueuePageInputSchema>;

/** The SLA clock in business time (paused while waiting on the customer). */
export const SlaSchema = z.object({
  state: z.enum(['none', 'ok', 'warning', 'breached', 'paused', 'met']),
  dueAt: IsoInstant.nullable(),
  /** Business minutes left (negative when overdue). */
  minutesLeft: z.number().nullable(),
  /**
   * Which promise the clock runs against: the first response while the
   * ticket is `new`, resolution afterwards; absent when there is no promise.
   * (Added at the desk-core merge; rules in src-shared/tickets/sla.ts.)
   */
  target: z.enum(['response', 'resolution']).optional(),
});

export const QueueRowSchema = z.object({
  id: Uuid,
  number: z.number().int().nullable(),
  subject: z.string(),
  type: TicketType,
  channel: Channel,
  urgency: Urgency,
  status: TicketStatus,
  customerId: Uuid,
  customerName: z.string(),
  assigneeId: Uuid.nullable(),
  assigneeName: z.string().nullable(),
  tier: Tier.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  pendingSync: z.boolean(),
  rank: z.object({ score: z.number(), explanation: Localized }),
  sla: SlaSchema,
});
export type QueueRow = z.infer<typeof QueueRowSchema>;

export const QueuePageSchema = z.object({ rows: z.array(QueueRowSchema), total: z.number().int().min(0), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const QueueCountsSchema = z.record(z.enum(QUEUE_VIEWS), z.number().int().min(0));

export const SavedViewSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  query: QueuePageInputSchema.omit({ after: true, limit: true }),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

// ---- Ticket workspace --------------------------------------------------------

export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  rev: z.string().nullable(),
  pendingSync: z.boolean(),
  events: z.array(TicketEventSchema),
  customer: CustomerSchema.nullable(),
  assignee: UserSchema.nullable(),
  plan: PlanSchema.nullable(),
  tier: Tier.nullable(),
  month: YearMonth,
  balance: BalanceSchema.nullable(),
  visits: z.array(VisitSchema),
  timeEntries: z.array(TimeEntrySchema),
  /** Names of the event authors, by user id. */
  authors: z.record(z.string(), z.string()),
  allowedStatuses: z.array(TicketStatus),
  rank: z.object({ score: z.number(), explanation: Localized }),
  sla: SlaSchema,
  /**
   * Ids of this ticket's events, visits and time entries that carry a local
   * edit the server has not confirmed yet (e.g. a note written offline), so
   * each can show "sin enviar". `pendingSync` is about the ticket row only.
   * (Added at the desk-core merge; always present in the desk's answers.)
   */
  pendingIds: z.array(z.string()).optional(),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

/** An edit: any v1 mutation. Ids of created things may be omitted; the desk makes UUIDs. */
export const EditInputSchema = z.object({
  name: z.enum(Object.keys(mutationArgs) as [MutationName, ...MutationName[]]),
  args: z.record(z.string(), z.unknown()),
}).strict();
export type EditInput = z.infer<typeof EditInputSchema>;

/** Reported only after the local transaction (rows + outbox) committed. */
export const EditSavedSchema = z.object({ status: z.literal('saved'), seq: z.number().int().min(1), mutationId: z.string(), entityId: z.string() });

export const BulkInputSchema = z.object({
  ids: z.array(Uuid).min(1).max(500),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('assign'), assigneeId: Uuid.nullable() }),
    z.object({ kind: z.literal('setStatus'), status: TicketStatus }),
  ]),
}).strict();
export const BulkResultSchema = z.object({
  saved: z.number().int().min(0),
  refused: z.array(z.object({ id: Uuid, code: z.string(), message: z.string() })),
});

export const CustomerHitSchema = z.object({ id: Uuid, code: z.string(), name: z.string(), districtUbigeo: z.string(), tier: Tier.nullable(), emails: z.array(z.string()) });

export const VisitRowSchema = VisitSchema.extend({
  ticketNumber: z.number().int().nullable(),
  ticketSubject: z.string().nullable(),
  customerName: z.string().nullable(),
  technicianName: z.string().nullable(),
  pendingSync: z.boolean(),
});

export const BalanceRowSchema = BalanceSchema.extend({ customerName: z.string().nullable() });

export const AttentionItemSchema = z.object({
  id: z.number().int(),
  mutationName: z.string(),
  args: z.unknown(),
  code: z.string(),
  message: z.string(),
  createdAt: IsoInstant,
  /** The ticket the edit was about, for a link. */
  ticketId: Uuid.nullable(),
});

export const workCalls = {
  'session.get': { input: Empty, output: SessionSchema },
  'session.login': { input: z.object({ serverUrl: z.url().max(300).optional(), email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }).strict(), output: SessionSchema },
  'session.logout': { input: Empty, output: z.object({ pendingEdits: z.number().int().min(0) }) },
  'sync.now': { input: Empty, output: z.object({ started: z.boolean() }) },
  'queue.page': { input: QueuePageInputSchema, output: QueuePageSchema },
  'queue.counts': { input: Empty, output: QueueCountsSchema },
  'views.list': { input: Empty, output: z.array(SavedViewSchema) },
  'views.save': { input: SavedViewSchema, output: z.array(SavedViewSchema) },
  'views.delete': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.array(SavedViewSchema) },
  'ticket.get': { input: z.object({ id: Uuid }).strict(), output: TicketDetailSchema.nullable() },
  'edit.apply': { input: EditInputSchema, output: EditSavedSchema },
  'edit.bulk': { input: BulkInputSchema, output: BulkResultSchema },
  'customers.search': { input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(CustomerHitSchema) },
  'users.list': { input: z.object({ role: Role.optional() }).strict(), output: z.array(UserSchema) },
  'visits.range': { input: z.object({ date: IsoDate, span: z.enum(['day', 'week']), technicianIds: z.array(Uuid).max(200).optional() }).strict(), output: z.array(VisitRowSchema) },
  'balances.month': { input: z.object({ month: YearMonth, customerIds: z.array(Uuid).max(500).optional() }).strict(), output: z.array(BalanceRowSchema) },
  'attention.list': { input: Empty, output: z.array(AttentionItemSchema) },
  'attention.retry': { input: z.object({ id: z.number().int(), args: z.record(z.string(), z.unknown()).optional() }).strict(), output: EditSavedSchema },
  'attention.discard': { input: z.object({ id: z.number().int() }).strict(), output: z.object({ discarded: z.boolean() }) },
} as const;

export const workEvents = {
  'session.changed': SessionSchema,
  /** A ticket was assigned to the signed-in technician by someone else (desktop notification). */
  'ticket.assigned': z.object({ ticketId: Uuid, number: z.number().int().nullable(), subject: z.string() }),
  'attention.changed': z.object({ count: z.number().int().min(0) }),
} as const;
