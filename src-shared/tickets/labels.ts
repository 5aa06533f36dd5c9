/**
 * The words for every enumerated value people see: one module, so the
 * server's messages, the desk's PDFs and the UI say the same thing.
 * Spanish (es-PE) first, English second.
 */
import type { Locale } from '../ipc/desk-api.ts';
import type { Channel, Frequency, Role, TicketStatus, TicketType, Tier, Urgency, VisitStatus, WorkKind } from '../protocol/entities.ts';

export interface Label {
  readonly 'es-PE': string;
  readonly en: string;
}

export const STATUS_LABELS: Readonly<Record<TicketStatus, Label>> = {
  new: { 'es-PE': 'Nuevo', en: 'New' },
  in_progress: { 'es-PE': 'En curso', en: 'In progress' },
  waiting_customer: { 'es-PE': 'Esperando al cliente', en: 'Waiting for customer' },
  onsite_pending: { 'es-PE': 'Por agendar en sitio', en: 'On-site visit to schedule' },
  onsite_scheduled: { 'es-PE': 'Visita agendada', en: 'Visit scheduled' },
  resolved: { 'es-PE': 'Resuelto', en: 'Resolved' },
  closed: { 'es-PE': 'Cerrado', en: 'Closed' },
  cancelled: { 'es-PE': 'Anulado', en: 'Cancelled' },
};

export const URGENCY_LABELS: Readonly<Record<Urgency, Label>> = {
  low: { 'es-PE': 'Baja', en: 'Low' },
  medium: { 'es-PE': 'Media', en: 'Medium' },
  high: { 'es-PE': 'Alta', en: 'High' },
  critical: { 'es-PE': 'Crítica', en: 'Critical' },
};

export const TICKET_TYPE_LABELS: Readonly<Record<TicketType, Label>> = {
  incidencia: { 'es-PE': 'Incidencia', en: 'Incident' },
  requerimiento: { 'es-PE': 'Requerimiento', en: 'Service request' },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, Label>> = {
  portal: { 'es-PE': 'Portal', en: 'Portal' },
  email: { 'es-PE': 'Correo', en: 'Email' },
  phone: { 'es-PE': 'Teléfono', en: 'Phone' },
};

export const FREQUENCY_LABELS: Readonly<Record<Frequency, Label>> = {
  always: { 'es-PE': 'Siempre', en: 'Always' },
  sometimes: { 'es-PE': 'A veces', en: 'Sometimes' },
  once: { 'es-PE': 'Una vez', en: 'Once' },
};

export const TIER_LABELS: Readonly<Record<Tier, Label>> = {
  premium: { 'es-PE': 'Premium', en: 'Premium' },
  business: { 'es-PE': 'Empresarial', en: 'Business' },
  basic: { 'es-PE': 'Básico', en: 'Basic' },
};

export const WORK_KIND_LABELS: Readonly<Record<WorkKind, Label>> = {
  remote: { 'es-PE': 'Remoto', en: 'Remote' },
  onsite: { 'es-PE': 'En sitio', en: 'On-site' },
};

export const VISIT_STATUS_LABELS: Readonly<Record<VisitStatus, Label>> = {
  scheduled: { 'es-PE': 'Agendada', en: 'Scheduled' },
  in_progress: { 'es-PE': 'En curso', en: 'In progress' },
  done: { 'es-PE': 'Realizada', en: 'Done' },
  cancelled: { 'es-PE': 'Anulada', en: 'Cancelled' },
};

export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  technician: { 'es-PE': 'Técnico', en: 'Technician' },
  dispatcher: { 'es-PE': 'Despachador', en: 'Dispatcher' },
  supervisor: { 'es-PE': 'Supervisor', en: 'Supervisor' },
  admin: { 'es-PE': 'Administrador', en: 'Administrator' },
};

const TABLES = {
  status: STATUS_LABELS,
  urgency: URGENCY_LABELS,
  ticketType: TICKET_TYPE_LABELS,
  channel: CHANNEL_LABELS,
  frequency: FREQUENCY_LABELS,
  tier: TIER_LABELS,
  workKind: WORK_KIND_LABELS,
  visitStatus: VISIT_STATUS_LABELS,
  role: ROLE_LABELS,
} as const;

export type LabelKind = keyof typeof TABLES;
export type LabelValue<K extends LabelKind> = keyof (typeof TABLES)[K] & string;

/** `labelOf('status', 'onsite_pending', 'es-PE')` → "Por agendar en sitio". */
export function labelOf<K extends LabelKind>(kind: K, value: LabelValue<K>, locale: Locale): string {
  const table: Readonly<Record<string, Label>> = TABLES[kind];
  const label = table[value];
  if (label === undefined) throw new RangeError(`No ${kind} label for "${value}".`);
  return label[locale];
}
