/**
 * What the server of record really holds, read the way another desk would:
 * a supervisor pulling the change log with the sync protocol. Tests assert
 * edits "landed on the server" through this, never through the desk under test.
 */
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../fixtures.ts';

export interface ServerChange {
  readonly entity: string;
  readonly id: string;
  readonly data: Record<string, unknown> | null;
}

export interface ServerObserver {
  /** Everything committed since the previous call (the first call reads it all). */
  catchUp(): Promise<ServerChange[]>;
  /** The latest version of every row seen so far, by entity and id. */
  latest(entity: string, id: string): Record<string, unknown> | null;
  /** Every row of an entity seen so far. */
  all(entity: string): Array<Record<string, unknown>>;
  /** Sends one mutation as the supervisor (another desk at work); returns the server's verdict. */
  push(name: string, args: Record<string, unknown>): Promise<{ status: string; code?: string; message?: string }>;
}

export async function observeServer(serverUrl: string): Promise<ServerObserver> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.supervisor, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const clientId = `e2e-observer-${randomUUID()}`;
  const rows = new Map<string, Map<string, Record<string, unknown>>>();
  let cursor: string | null = null;
  let seq = 0;
  return {
    async push(name, args) {
      seq += 1;
      const response = await fetch(`${serverUrl}/api/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, schemaVersion: 1, mutations: [{ seq, id: randomUUID(), name, args }] }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { results: Array<{ status: string; code?: string; message?: string }> };
      const result = body.results[0];
      if (!result) throw new Error(`The server answered the push of ${name} without a result`);
      return result;
    },
    async catchUp() {
      const changes: ServerChange[] = [];
      for (;;) {
        const query = new URLSearchParams({ clientId, limit: '5000', ...(cursor === null ? {} : { cursor }) });
        const response = await fetch(`${serverUrl}/api/v1/sync/pull?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        const page = (await response.json()) as { cursor: string; hasMore: boolean; changes: ServerChange[] };
        for (const change of page.changes) {
          let table = rows.get(change.entity);
          if (!table) {
            table = new Map();
            rows.set(change.entity, table);
          }
          if (change.data === null) table.delete(change.id);
          else table.set(change.id, change.data);
        }
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return changes;
      }
    },
    latest: (entity, id) => rows.get(entity)?.get(id) ?? null,
    all: (entity) => [...(rows.get(entity)?.values() ?? [])],
  };
}

export interface MadeTicket {
  readonly id: string;
  readonly number: number;
  readonly subject: string;
  readonly customerId: string;
  readonly districtUbigeo: string;
}

/**
 * A fresh portal ticket of an active customer inside (or outside) the service
 * area, sent by the supervisor as another desk would, so a test never depends
 * on how many tickets of some status the demo company happens to have left.
 */
export async function makeTicket(observer: ServerObserver, options: { readonly inArea: boolean; readonly subject: string; readonly urgency?: string }): Promise<MadeTicket> {
  await observer.catchUp();
  const customer = observer.all('customer').find((c) => c.active === true && inServiceArea(c.districtUbigeo as string) === options.inArea);
  if (!customer) throw new Error(`The demo company has no active customer ${options.inArea ? 'inside' : 'outside'} the service area`);
  const id = randomUUID();
  const verdict = await observer.push('ticket.create', {
    id,
    customerId: customer.id,
    type: 'incidencia',
    channel: 'portal',
    urgency: options.urgency ?? 'high',
    subject: options.subject,
    description: 'Creado por la prueba de punta a punta.',
  });
  expect(verdict).toMatchObject({ status: 'applied' });
  await observer.catchUp();
  const number = observer.latest('ticket', id)?.number;
  if (typeof number !== 'number') throw new Error('The server did not number the new ticket');
  return { id, number, subject: options.subject, customerId: customer.id as string, districtUbigeo: customer.districtUbigeo as string };
}

/** Lima and Callao UBIGEOs: Provincia de Lima (1501xx) and the Callao (0701xx). */
export function inServiceArea(ubigeo: string): boolean {
  return ubigeo.startsWith('1501') || ubigeo.startsWith('0701');
}
