/**
 * Small pieces the mutation handlers share: loading with NOT_FOUND, ticket
 * events, and the Lima month of an instant.
 */
import { randomUUID } from 'node:crypto';
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import type { EntityData, EntityName, TicketEvent, TicketStatus } from '../../src-shared/protocol/entities.ts';
import type { Tx } from '../db/types.ts';
import { insertEntities, loadEntity, lockEntity } from '../entities/store.ts';
import { Rejection } from './types.ts';

const NAMES: Readonly<Partial<Record<EntityName, string>>> = {
  ticket: 'El ticket',
  customer: 'El cliente',
  user: 'El usuario',
  visit: 'La visita',
  plan: 'El plan',
};

export function notFound(entity: EntityName, id: string): Rejection {
  return new Rejection('NOT_FOUND', `${NAMES[entity] ?? entity} ${id} no existe.`, { entity, id });
}

/** Locks the row for this transaction, or rejects NOT_FOUND. */
export async function lockOrReject<E extends EntityName>(tx: Tx, entity: E, id: string): Promise<EntityData<E>> {
  const row = await lockEntity(tx, entity, id);
  if (row === null) throw notFound(entity, id);
  return row;
}

export async function loadOrReject<E extends EntityName>(tx: Tx, entity: E, id: string): Promise<EntityData<E>> {
  const row = await loadEntity(tx, entity, id);
  if (row === null) throw notFound(entity, id);
  return row;
}

/** Rejects CONFLICT when an entity with this client-made id already exists. */
export async function rejectIfExists(tx: Tx, entity: EntityName, id: string): Promise<void> {
  if ((await loadEntity(tx, entity, id)) !== null) throw new Rejection('CONFLICT', `Ya existe un registro con el id ${id}.`, { entity, id });
}

export interface EventInput {
  readonly ticketId: string;
  readonly kind: TicketEvent['kind'];
  readonly authorId: string | null;
  readonly body?: string | null;
  readonly fromStatus?: TicketStatus | null;
  readonly toStatus?: TicketStatus | null;
  readonly createdAt: Date;
  /** Client-made id (notes and replies); server-made otherwise. */
  readonly id?: string;
}

export async function addTicketEvent(tx: Tx, input: EventInput): Promise<TicketEvent> {
  const event: TicketEvent = {
    id: input.id ?? randomUUID(),
    ticketId: input.ticketId,
    kind: input.kind,
    authorId: input.authorId,
    body: input.body ?? null,
    fromStatus: input.fromStatus ?? null,
    toStatus: input.toStatus ?? null,
    createdAt: input.createdAt.toISOString(),
  };
  await insertEntities(tx, 'ticketEvent', [event]);
  return event;
}

/** `YYYY-MM` of the Lima day an instant falls on. */
export function limaMonthOf(at: Date | string): string {
  return limaDateOf(typeof at === 'string' ? new Date(at) : at).slice(0, 7);
}
