/**
 * edit.* and attention.*: local edits and the edits the server refused.
 *
 * An edit is any v1 mutation. The desk makes the UUIDs of created things
 * when the renderer leaves them out, validates the arguments with the
 * protocol's own schemas, and answers 'saved' only after the cached rows and
 * the outbox committed together; the push starts right after. Bulk actions
 * are one edit per ticket, so the server accepts or refuses each on its own;
 * status moves the state machine already forbids, and assignments the
 * signed-in role may not make, are refused here, before anything is queued.
 */
import { randomUUID } from 'node:crypto';
import { Uuid, type TicketStatus } from '../../../src-shared/protocol/entities.ts';
import { mutationArgs, type MutationName } from '../../../src-shared/protocol/sync.ts';
import { checkAssign, checkCreateAssignedTo } from '../../../src-shared/tickets/permissions.ts';
import { checkTransition } from '../../../src-shared/tickets/state-machine.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import type { LocalEditSaved, CacheStore } from '../cache/store.ts';
import { withCache, type CacheAccess } from './cache-access.ts';
import type { SessionController } from './session-controller.ts';
import type { DeskParsedInput, DomainModule } from './types.ts';

/** Mutations that create something: their `id` is the new thing's, and the desk makes it when missing. */
const CREATES: ReadonlySet<MutationName> = new Set(['ticket.create', 'ticket.addNote', 'time.log', 'visit.book']);

type EditSaved = { status: 'saved'; seq: number; mutationId: string; entityId: string };

function saved(result: Result<LocalEditSaved>, entityId: string): Result<EditSaved> {
  if (!result.ok) return result;
  return ok({ status: 'saved', seq: result.value.seq, mutationId: result.value.mutationId, entityId });
}

/** Validates an edit's arguments; the message names the fields (for the person fixing the form). */
export function prepareEdit(name: MutationName, rawArgs: Record<string, unknown>): Result<{ args: Record<string, unknown>; entityId: string }> {
  const args = CREATES.has(name) && rawArgs.id === undefined ? { ...rawArgs, id: randomUUID() } : rawArgs;
  const parsed = mutationArgs[name].safeParse(args);
  if (!parsed.success) {
    return fail('VALIDATION', `Datos no válidos para ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'} ${i.message}`).join('; ')}`);
  }
  const data = parsed.data as Record<string, unknown> & { id: string };
  return ok({ args: data, entityId: data.id });
}

/**
 * The assignment rules the server enforces (src-shared/tickets/permissions.ts),
 * checked before anything is queued: an edit the server is bound to refuse
 * would otherwise show as done and come back later in Needs attention.
 */
function permitted(store: CacheStore, name: MutationName, args: Record<string, unknown>): Result<void> {
  const user = store.syncInfo().user;
  if (name === 'ticket.assign') return checkAssign(user);
  if (name === 'ticket.create') return checkCreateAssignedTo(user, typeof args.assigneeId === 'string' ? args.assigneeId : null);
  return ok(undefined);
}

/** The ticket an edit is about, when the edit names one or touches a visit of one. */
function ticketOf(store: CacheStore, name: string, args: unknown): string | null {
  if (typeof args !== 'object' || args === null) return null;
  const a = args as Record<string, unknown>;
  let candidate: unknown = null;
  if (typeof a.ticketId === 'string') candidate = a.ticketId;
  else if (name.startsWith('ticket.')) candidate = a.id;
  else if (name.startsWith('visit.') && typeof a.id === 'string') {
    candidate = (store.statement('SELECT ticket_id FROM visits WHERE id = ?').get(a.id) as { ticket_id: string } | undefined)?.ticket_id ?? null;
  }
  return Uuid.safeParse(candidate).success ? (candidate as string) : null;
}

export function createEditsModule(
  cache: CacheAccess,
  session: SessionController | null,
): DomainModule<'edit.apply' | 'edit.bulk' | 'attention.list' | 'attention.retry' | 'attention.discard'> {
  function apply(store: CacheStore, controller: SessionController, name: MutationName, rawArgs: Record<string, unknown>): Result<EditSaved> {
    const prepared = prepareEdit(name, rawArgs);
    if (!prepared.ok) return prepared;
    const { args, entityId } = prepared.value;
    const allowed = permitted(store, name, args);
    if (!allowed.ok) return allowed;
    const me = controller.me();
    // Assigning a ticket to oneself is not news for the assignment notification.
    const selfAssigned =
      me !== null && ((name === 'ticket.assign' && args.assigneeId === me) || (name === 'ticket.create' && args.assigneeId === me)) ? entityId : undefined;
    return saved(controller.edit(name, args, selfAssigned), entityId);
  }

  function bulk(store: CacheStore, controller: SessionController, input: DeskParsedInput<'edit.bulk'>) {
    const refused: { id: string; code: string; message: string }[] = [];
    let count = 0;
    const statusOf = store.statement('SELECT status FROM tickets WHERE id = ?');
    for (const id of new Set(input.ids)) {
      const current = statusOf.get(id) as { status: TicketStatus } | undefined;
      if (current === undefined) {
        refused.push({ id, code: 'NOT_FOUND', message: 'El ticket no está en la copia local; sincronice y vuelva a intentarlo.' });
        continue;
      }
      let result: Result<EditSaved>;
      if (input.action.kind === 'setStatus') {
        const allowed = checkTransition(current.status, input.action.status);
        if (!allowed.ok) {
          refused.push({ id, code: allowed.error.code, message: allowed.error.message });
          continue;
        }
        result = apply(store, controller, 'ticket.setStatus', { id, status: input.action.status });
      } else {
        result = apply(store, controller, 'ticket.assign', { id, assigneeId: input.action.assigneeId });
      }
      if (result.ok) count += 1;
      else refused.push({ id, code: result.error.code, message: result.error.message });
    }
    return ok({ saved: count, refused });
  }

  const noSession = () => fail<never>('CACHE_UNAVAILABLE', 'La copia local de datos no está disponible.');

  return {
    handlers: {
      'edit.apply': async ({ name, args }) => withCache(cache, (store) => (session === null ? noSession() : apply(store, session, name, args))),
      'edit.bulk': async (input) => withCache(cache, (store) => (session === null ? noSession() : bulk(store, session, input))),
      'attention.list': async () =>
        withCache(cache, (store) =>
          ok(
            store.needsAttention().map((item) => ({
              id: item.id,
              mutationName: item.name,
              args: item.args,
              code: item.code,
              message: item.message,
              createdAt: item.createdAt,
              ticketId: ticketOf(store, item.name, item.args),
            })),
          ),
        ),
      'attention.retry': async ({ id, args }) =>
        withCache(cache, (store) => {
          if (session === null) return noSession();
          const item = store.needsAttention().find((i) => i.id === id);
          if (item === undefined) return fail('NOT_FOUND', 'Ese cambio ya no está en la lista de pendientes de revisión.');
          const prepared = prepareEdit(item.name, args ?? (item.args as Record<string, unknown>));
          if (!prepared.ok) return prepared;
          const allowed = permitted(store, item.name, prepared.value.args);
          if (!allowed.ok) return allowed;
          return saved(session.retryNeedsAttention(id, prepared.value.args), prepared.value.entityId);
        }),
      'attention.discard': async ({ id }) =>
        withCache<{ discarded: boolean }>(cache, () => {
          if (session === null) return noSession();
          const result = session.discardNeedsAttention(id);
          if (result.ok) return ok({ discarded: true });
          return result.error.code === 'NOT_FOUND' ? ok({ discarded: false }) : result;
        }),
    },
  };
}
