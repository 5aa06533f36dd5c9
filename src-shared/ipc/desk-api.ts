/**
 * DeskApi: the one contract between the renderer and the desk core
 * (STYLE.md habit 2). Every call has an input and an output schema; every
 * event a payload schema. Electron's preload exposes an object of type
 * `DeskApi`; the browser bridge carries the same calls over a loopback
 * WebSocket. Both sides validate with these schemas.
 */
import { z } from 'zod';
import type { Result } from '../result.ts';
import { DESK_CALL_NAMES, DESK_EVENT_NAMES, type DeskCallName, type DeskEventName } from './names.ts';
import { workCalls, workEvents } from './work-calls.ts';

export const LocaleSchema = z.enum(['es-PE', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const HourMinute = z.string().regex(/^\d{2}:\d{2}$/, 'HH:mm');

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
});

export const SettingsSchema = z.object({
  locale: LocaleSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const CalendarDaySchema = z.object({
  date: IsoDate,
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  open: z.boolean(),
  opensAt: HourMinute.optional(),
  closesAt: HourMinute.optional(),
  reason: z.enum(['weekend', 'holiday', 'closure']).optional(),
  /** Holiday or closure name, in Spanish as decreed. */
  name: z.string().optional(),
  /** A company opening on a day that would otherwise be closed. */
  companyOpening: z.boolean().optional(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarMonthSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  timezone: z.literal('America/Lima'),
  businessDays: z.number().int().min(0),
  businessMinutes: z.number().int().min(0),
  days: z.array(CalendarDaySchema),
});
export type CalendarMonth = z.infer<typeof CalendarMonthSchema>;

export const DistrictSchema = z.object({
  ubigeo: z.string().regex(/^\d{6}$/),
  name: z.string(),
  province: z.enum(['Lima', 'Callao']),
  zone: z.string(),
});
export type DistrictInfo = z.infer<typeof DistrictSchema>;

export const DistrictLookupSchema = z.discriminatedUnion('inArea', [
  z.object({ inArea: z.literal(true), district: DistrictSchema, matchedBy: z.enum(['ubigeo', 'name', 'variant']) }),
  z.object({
    inArea: z.literal(false),
    code: z.enum(['EMPTY', 'OUTSIDE_SERVICE_AREA', 'UNKNOWN_PLACE']),
    /** What the user typed, trimmed. */
    query: z.string(),
    /** Province or region when the place is known to be elsewhere (e.g. Huaral, Cañete). */
    knownPlace: z.string().optional(),
  }),
]);
export type DistrictLookup = z.infer<typeof DistrictLookupSchema>;

export const SyncStatusSchema = z.object({
  state: z.enum(['idle', 'syncing', 'online', 'offline', 'error', 'signedOut']),
  pendingEdits: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  message: z.string().optional(),
  /**
   * During a long catch-up: rows done of the estimated total. `stage` is
   * `history` once the queues are complete and the tickets' history is still
   * arriving (the console is fully usable then).
   */
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0), stage: z.enum(['core', 'history']).optional() }).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const Empty = z.object({}).strict();

export const deskCalls = {
  'app.info': { input: Empty, output: AppInfoSchema },
  'settings.get': { input: Empty, output: SettingsSchema },
  'settings.update': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
  'calendar.month': {
    input: z.object({ year: z.number().int().min(1990).max(2100), month: z.number().int().min(1).max(12) }).strict(),
    output: CalendarMonthSchema,
  },
  'districts.list': { input: Empty, output: z.array(DistrictSchema) },
  'districts.lookup': { input: z.object({ query: z.string().max(200) }).strict(), output: DistrictLookupSchema },
  'sync.status': { input: Empty, output: SyncStatusSchema },
  ...workCalls,
} as const satisfies Record<DeskCallName, { input: z.ZodType; output: z.ZodType }>;

export const deskEvents = {
  'sync.status': SyncStatusSchema,
  'rows.changed': z.object({ entities: z.array(z.string()) }),
  'settings.changed': SettingsSchema,
  ...workEvents,
} as const satisfies Record<DeskEventName, z.ZodType>;

// Compile-time proof that names.ts and the schemas list the same calls and events.
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : false;
const _callsMatch: SameKeys<typeof deskCalls, DeskCallName> = true;
const _eventsMatch: SameKeys<typeof deskEvents, DeskEventName> = true;
void _callsMatch;
void _eventsMatch;
void DESK_CALL_NAMES;
void DESK_EVENT_NAMES;

export type DeskInput<N extends DeskCallName> = z.input<(typeof deskCalls)[N]['input']>;
export type DeskOutput<N extends DeskCallName> = z.output<(typeof deskCalls)[N]['output']>;
export type DeskEventPayload<E extends DeskEventName> = z.output<(typeof deskEvents)[E]>;

/** The object the renderer sees as `window.desk` (Electron) or builds over the bridge (browser). */
export interface DeskApi {
  call<N extends DeskCallName>(name: N, input: DeskInput<N>): Promise<Result<DeskOutput<N>>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void;
}

/** Validates a call's input at a boundary. The message lists the offending fields for the log, not for users. */
export function parseDeskInput<N extends DeskCallName>(name: N, input: unknown): Result<DeskInput<N>> {
  const parsed = deskCalls[name].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as DeskInput<N> };
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      message: `Datos no válidos para ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'} ${i.message}`).join('; ')}`,
    },
  };
}

export { DESK_CALL_NAMES, DESK_EVENT_NAMES, type DeskCallName, type DeskEventName };
