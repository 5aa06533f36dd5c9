/**
 * One server per backend per test file: `describeServer` declares the same
 * suite once for PGlite and once for real PostgreSQL (see backends.ts), with
 * a database opened once per file (PGlite takes seconds to start) and reset
 * to the fixtures by `reset()` (TRUNCATE, not a new database).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../../src-shared/protocol/entities.ts';
import { SCHEMA_VERSION, type Mutation, type PushResponse, type PullResponse } from '../../../src-shared/protocol/sync.ts';
import { buildApp, type AppOptions } from '../../../src-server/app.ts';
import { createSession } from '../../../src-server/auth/sessions.ts';
import type { DatabaseKind, Db } from '../../../src-server/db/types.ts';
import { prepareDatabase, SERVER_VERSION } from '../../../src-server/server.ts';
import { chosenBackends, openTestDatabase, registerClusterTeardown } from './backends.ts';
import { DEFAULT_NOW, IDS, insertFixtures } from './fixtures.ts';

export interface TestClock {
  now(): Date;
  set(at: Date | string): void;
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, unknown>;
}

export interface RequestOptions {
  readonly as?: Role | 'technician2' | null;
  readonly token?: string;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

export interface ServerHarness {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** The database URL on PostgreSQL (null on PGlite). */
  readonly databaseUrl: string | null;
  readonly app: FastifyInstance;
  readonly clock: TestClock;
  /** Empty tables, the fixtures, the server's start-up work; forgets cached tokens. */
  reset(): Promise<void>;
  /** A session token for a fixture user (made directly, without the login route's scrypt cost). */
  token(who: Role | 'technician2'): Promise<string>;
  request<T = unknown>(method: InjectOptions['method'], url: string, options?: RequestOptions): Promise<Answer<T>>;
  push(who: Role | 'technician2', mutations: readonly Omit<Mutation, 'id'>[] | readonly Mutation[], clientId?: string): Promise<Answer<PushResponse>>;
  pull(who: Role | 'technician2', cursor?: string, clientId?: string, limit?: number): Promise<Answer<PullResponse>>;
  /** Pulls from no cursor until the server has no more (through the initial stages); the last answer. */
  catchUp(who: Role | 'technician2', clientId?: string): Promise<Answer<PullResponse>>;
}

const USER_IDS: Readonly<Record<Role | 'technician2', string>> = {
  technician: IDS.technician,
  technician2: IDS.technician2,
  dispatcher: IDS.dispatcher,
  supervisor: IDS.supervisor,
  admin: IDS.admin,
};

export const DEFAULT_CLIENT = 'test-client-0001';

async function truncateAll(db: Db): Promise<void> {
  const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
  await db.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE;
    ALTER SEQUENCE change_id_seq RESTART; ALTER SEQUENCE ticket_number_seq RESTART;`);
}

function createHarness(kind: DatabaseKind, appOptions: AppOptions): { harness: ServerHarness; start(): Promise<void>; stop(): Promise<void> } {
  let db: Db | undefined;
  let databaseUrl: string | null = null;
  let app: FastifyInstance | undefined;
  let now = DEFAULT_NOW;
  let tokens = new Map<string, Promise<string>>();
  const clock: TestClock = {
    now: () => now,
    set: (at) => {
      now = new Date(at);
    },
  };
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use the harness inside tests or hooks.`);
    return value;
  };

  const harness: ServerHarness = {
    kind,
    get db() {
      return need(db, 'db');
    },
    get databaseUrl() {
      return databaseUrl;
    },
    get app() {
      return need(app, 'app');
    },
    clock,
    async reset() {
      const database = need(db, 'db');
      now = DEFAULT_NOW;
      tokens = new Map();
      await truncateAll(database);
      await database.transaction((tx) => insertFixtures(tx));
      await prepareDatabase(database, now);
    },
    token(who) {
      let token = tokens.get(who);
      if (token === undefined) {
        token = createSession(need(db, 'db'), USER_IDS[who], new Date()).then((session) => session.token);
        tokens.set(who, token);
      }
      return token;
    },
    async request<T>(method: InjectOptions['method'], url: string, options: RequestOptions = {}): Promise<Answer<T>> {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token ?? (options.as == null ? undefined : await harness.token(options.as));
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const response = await need(app, 'app').inject({
        method,
        url,
        headers,
        ...(options.query === undefined ? {} : { query: options.query }),
        ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
      });
      const text = response.body;
      let body: unknown = text;
      if ((response.headers['content-type'] ?? '').toString().includes('json') && text !== '') body = JSON.parse(text);
      return { status: response.statusCode, body: body as T, headers: response.headers };
    },
    push(who, mutations, clientId = DEFAULT_CLIENT) {
      const withIds = mutations.map((m, index) => ({ id: `m-${m.seq}-${index}`, ...m }));
      return harness.request<PushResponse>('POST', '/api/v1/sync/push', { as: who, body: { clientId, schemaVersion: SCHEMA_VERSION, mutations: withIds } });
    },
    pull(who, cursor, clientId = DEFAULT_CLIENT, limit) {
      const query: Record<string, string> = { clientId };
      if (cursor !== undefined) query.cursor = cursor;
      if (limit !== undefined) query.limit = String(limit);
      return harness.request<PullResponse>('GET', '/api/v1/sync/pull', { as: who, query });
    },
    async catchUp(who, clientId = DEFAULT_CLIENT) {
      let answer = await harness.pull(who, undefined, clientId);
      while (answer.status === 200 && answer.body.hasMore) answer = await harness.pull(who, answer.body.cursor, clientId);
      return answer;
    },
  };

  return {
    harness,
    async start() {
      ({ db, url: databaseUrl } = await openTestDatabase(kind));
      app = buildApp({ db, now: clock.now, version: SERVER_VERSION }, appOptions);
      await app.ready();
    },
    async stop() {
      await app?.close();
      await db?.close();
    },
  };
}

export interface DescribeServerOptions {
  readonly app?: AppOptions;
  /** Run only on these backends (e.g. a test that needs real concurrency). */
  readonly only?: readonly DatabaseKind[];
}

/** Declares `suite` once per chosen backend, each with its own harness. */
export function describeServer(title: string, suite: (h: ServerHarness) => void, options: DescribeServerOptions = {}): void {
  registerClusterTeardown();
  for (const backend of chosenBackends()) {
    if (options.only !== undefined && !options.only.includes(backend.kind)) continue;
    if (backend.skipReason !== null) {
      console.warn(`[${title}] ${backend.skipReason}`);
      describe.skip(`${title} [${backend.kind}]`, () => suite(createHarness(backend.kind, {}).harness));
      continue;
    }
    describe(`${title} [${backend.kind}]`, () => {
      const { harness, start, stop } = createHarness(backend.kind, options.app ?? {});
      beforeAll(start);
      afterAll(stop);
      suite(harness);
    });
  }
}
