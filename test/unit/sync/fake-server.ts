/**
 * A small in-process server of record that follows DESIGN.md §3 closely
 * enough to exercise the sync engine: login, a commit-ordered change log
 * behind an opaque cursor, per-client lastSeq with skip/stop-at-gap push
 * semantics, rejections that still advance lastSeq, and an SSE poke stream.
 * It is reached through an injected `fetch`, so tests can also drop
 * connections, expire tokens and send broken bodies.
 */
import { randomUUID } from 'node:crypto';
import type { EntityName } from '../../../src-shared/protocol/entities.ts';
import { MutationSchema, PushRequestSchema, type Change } from '../../../src-shared/protocol/sync.ts';

type Row = Record<string, unknown>;

export type Injected =
  | { readonly kind: 'network' }
  | { readonly kind: 'status'; readonly status: number; readonly code?: string }
  | { readonly kind: 'raw'; readonly status?: number; readonly body: string }
  | { readonly kind: 'drop-mid-body' };

export interface Rejection {
  readonly code: string;
  readonly message: string;
}

interface LoggedChange extends Change {
  readonly position: number;
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, message: string): Response => json(status, { error: { code, message } });

export class FakeServer {
  readonly url = 'http://127.0.0.1:4999';
  readonly users = new Map<string, { password: string; user: { id: string; name: string; email: string; role: 'technician' | 'dispatcher' | 'supervisor' | 'admin' } }>();
  readonly rows = new Map<string, { entity: EntityName; data: Row }>();
  readonly log: LoggedChange[] = [];
  readonly lastSeq = new Map<string, number>();
  /** Every push request body received, for assertions on order and batching. */
  readonly pushes: { clientId: string; seqs: number[] }[] = [];
  readonly pulls: { cursor: string | null; limit: number }[] = [];
  /** Failures to inject, consumed one per matching request, by path prefix (`/sync/pull`, `/sync/push`, `/sync/events`, `/auth/login`). */
  readonly inject = new Map<string, Injected[]>();
  reject: (mutation: { name: string; args: Row }) => Rejection | null = () => null;
  #tokens = new Set<string>();
  #streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  #streamWaiters: (() => void)[] = [];
  #position = 0;
  #rev = 0;
  #ticketNumber = 5000;

  addUser(email: string, password: string, role: 'technician' | 'dispatcher' | 'supervisor' | 'admin' = 'technician', id: string = randomUUID()) {
    const user = { id, name: email.split('@')[0]!, email, role };
    this.users.set(email, { password, user });
    return user;
  }

  /** Commits a server-side change (as if another desk or the server itself made it). */
  commit(entity: EntityName, data: Row): void {
    this.#rev += 1;
    this.rows.set(`${entity}:${String(data.id)}`, { entity, data });
    this.#position += 1;
    this.log.push({ entity, op: 'upsert', id: String(data.id), rev: `v${this.#rev}`, data, position: this.#position });
  }

  commitDelete(entity: EntityName, id: string): void {
    this.#rev += 1;
    this.rows.delete(`${entity}:${id}`);
    this.#position += 1;
    this.log.push({ entity, op: 'delete', id, rev: `v${this.#rev}`, data: null, position: this.#position });
  }

  row(entity: EntityName, id: string): Row | undefined {
    return this.rows.get(`${entity}:${id}`)?.data;
  }

  get sessions(): number {
    return this.#tokens.size;
  }

  expireTokens(): void {
    this.#tokens.clear();
  }

  fail(pathPrefix: string, ...failures: Injected[]): void {
    this.inject.set(pathPrefix, [...(this.inject.get(pathPrefix) ?? []), ...failures]);
  }

  poke(): void {
    const bytes = new TextEncoder().encode('event: poke\ndata: {}\n\n');
    for (const stream of this.#streams) stream.enqueue(bytes);
  }

  /** Drops every open event stream, as a flaky network would. */
  dropEventStreams(): void {
    for (const stream of this.#streams) stream.error(new TypeError('terminated'));
    this.#streams.clear();
  }

  get openEventStreams(): number {
    return this.#streams.size;
  }

  /** Resolves when an event stream is open (immediately if one is). */
  eventStreamOpen(): Promise<void> {
    if (this.#streams.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.#streamWaiters.push(resolve));
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const injected = [...this.inject.entries()].find(([prefix, list]) => path.startsWith(prefix) && list.length > 0);
    if (injected !== undefined) {
      const failure = injected[1].shift()!;
      if (failure.kind === 'network') throw new TypeError('fetch failed');
      if (failure.kind === 'status') return error(failure.status, failure.code ?? 'INJECTED', 'Falla inyectada');
      if (failure.kind === 'raw') return new Response(failure.body, { status: failure.status ?? 200 });
      return this.#droppingResponse();
    }
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    if (path === '/auth/login' && method === 'POST') return this.#login(body);
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    if (!this.#tokens.has(auth.replace(/^Bearer /, ''))) return error(401, 'UNAUTHORIZED', 'Token no válido o vencido.');
    if (path === '/auth/logout' && method === 'POST') {
      this.#tokens.delete(auth.replace(/^Bearer /, ''));
      return json(200, { ok: true });
    }
    if (path === '/sync/pull' && method === 'GET') return this.#pull(url.searchParams);
    if (path === '/sync/push' && method === 'POST') return this.#push(body);
    if (path === '/sync/events' && method === 'GET') return this.#events(init?.signal ?? undefined);
    return error(404, 'NOT_FOUND', 'No existe.');
  };

  #login(body: unknown): Response {
    const { email, password } = (body ?? {}) as { email?: string; password?: string };
    const account = email === undefined ? undefined : this.users.get(email);
    if (account === undefined || account.password !== password) return error(401, 'INVALID_CREDENTIALS', 'Credenciales incorrectas.');
    const token = randomUUID();
    this.#tokens.add(token);
    return json(200, { token, expiresAt: '2030-01-01T00:00:00.000Z', user: account.user });
  }

  #pull(params: URLSearchParams): Response {
    const clientId = params.get('clientId') ?? '';
    const cursor = params.get('cursor');
    const limit = Number(params.get('limit') ?? 1000);
    this.pulls.push({ cursor, limit });
    const after = cursor === null ? 0 : Number(cursor.replace(/^pos-/, ''));
    const pending = this.log.filter((c) => c.position > after);
    const pageChanges = pending.slice(0, limit);
    const last = pageChanges.at(-1)?.position ?? after;
    return json(200, {
      cursor: `pos-${last}`,
      hasMore: pending.length > limit,
      lastSeq: this.lastSeq.get(clientId) ?? 0,
      remaining: Math.max(0, pending.length - limit),
      changes: pageChanges.map(({ position: _position, ...change }) => change),
    });
  }

  #push(body: unknown): Response {
    const request = PushRequestSchema.safeParse(body);
    if (!request.success) return error(400, 'VALIDATION', request.error.message);
    const { clientId, mutations } = request.data;
    this.pushes.push({ clientId, seqs: mutations.map((m) => m.seq) });
    let lastSeq = this.lastSeq.get(clientId) ?? 0;
    const results: { seq: number; status: 'applied' | 'rejected'; code?: string; message?: string }[] = [];
    for (const raw of mutations) {
      const mutation = MutationSchema.parse(raw);
      if (mutation.seq <= lastSeq) continue;
      if (mutation.seq !== lastSeq + 1) break;
      const args = mutation.args as Row;
      const rejection = this.reject({ name: mutation.name, args }) ?? this.#apply(mutation.name, args);
      lastSeq = mutation.seq;
      results.push(rejection === null ? { seq: mutation.seq, status: 'applied' } : { seq: mutation.seq, status: 'rejected', ...rejection });
    }
    this.lastSeq.set(clientId, lastSeq);
    if (results.length > 0) this.poke();
    return json(200, { lastSeq, results });
  }

  /** The server's own effects of the mutations the tests use. */
  #apply(name: string, args: Row): Rejection | null {
    const now = '2025-03-10T15:30:00.000Z';
    const ticketId = String(args.id);
    const ticket = this.row('ticket', ticketId);
    switch (name) {
      case 'ticket.create':
        this.#ticketNumber += 1;
        this.commit('ticket', {
          id: args.id, number: this.#ticketNumber, type: args.type, channel: args.channel, urgency: args.urgency, status: 'new', subject: args.subject, description: args.description ?? '',
          customerId: args.customerId, assigneeId: args.assigneeId ?? null, requesterName: null, requesterEmail: null, errorMessage: null, affectedSite: null, affectedAccount: null,
          affectedEquipment: null, frequency: null, onsiteDistrictUbigeo: null, onsiteAddress: null, createdAt: now, updatedAt: now, waitingSince: null, slaPausedMinutes: 0, resolvedAt: null,
        });
        return null;
      case 'ticket.setStatus':
      case 'ticket.assign':
      case 'ticket.update': {
        if (ticket === undefined) return { code: 'NOT_FOUND', message: 'El ticket no existe.' };
        const patch = name === 'ticket.setStatus' ? { status: args.status } : name === 'ticket.assign' ? { assigneeId: args.assigneeId } : (args.patch as Row);
        this.commit('ticket', { ...ticket, ...patch, updatedAt: now });
        return null;
      }
      case 'ticket.addNote':
        this.commit('ticketEvent', { id: args.id, ticketId: args.ticketId, kind: args.kind, authorId: null, body: args.body, fromStatus: null, toStatus: null, createdAt: now });
        return null;
      default:
        return { code: 'UNKNOWN_MUTATION', message: `El servidor de prueba no conoce ${name}.` };
    }
  }

  #events(signal: AbortSignal | undefined): Response {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        c.enqueue(new TextEncoder().encode(': conectado\n\n'));
      },
      cancel: () => {
        this.#streams.delete(controller);
      },
    });
    this.#streams.add(controller);
    signal?.addEventListener('abort', () => {
      if (this.#streams.delete(controller)) controller.error(new DOMException('aborted', 'AbortError'));
    });
    for (const waiter of this.#streamWaiters.splice(0)) waiter();
    return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }

  #droppingResponse(): Response {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"cursor":"pos-1","hasMore":false,"lastSeq":0,"changes":[{"entity":"ti'));
        c.error(new TypeError('socket hang up'));
      },
    });
    return new Response(stream, { status: 200 });
  }
}
