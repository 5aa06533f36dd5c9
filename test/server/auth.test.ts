import { beforeEach, expect, it } from 'vitest';
import { LoginResponseSchema } from '../../src-shared/protocol/sync.ts';
import { hashToken } from '../../src-server/auth/sessions.ts';
import { EMAILS, IDS, PASSWORD } from './support/fixtures.ts';
import { describeServer } from './support/harness.ts';

const LOGIN = '/api/v1/auth/login';

describeServer('auth', (h) => {
  beforeEach(() => h.reset());

  it('health answers without a token and names the backend', async () => {
    const res = await h.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: h.kind, version: expect.any(String) });
  });

  it('login returns a token, its expiry and the user; the token opens the API; the password hash is never sent', async () => {
    const res = await h.request('POST', LOGIN, { body: { email: EMAILS.dispatcher.toUpperCase(), password: PASSWORD } });
    expect(res.status).toBe(200);
    const login = LoginResponseSchema.parse(res.body);
    expect(login.user).toEqual({ id: IDS.dispatcher, name: 'Diana Despacho', email: EMAILS.dispatcher, role: 'dispatcher' });
    expect(Date.parse(login.expiresAt) - h.clock.now().getTime()).toBe(12 * 3_600_000);
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
    const me = await h.request('GET', '/api/v1/auth/me', { token: login.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: IDS.dispatcher, role: 'dispatcher' } });
  });

  it('stores only the SHA-256 of the token', async () => {
    const res = await h.request<{ token: string }>('POST', LOGIN, { body: { email: EMAILS.technician, password: PASSWORD } });
    const rows = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(res.body.token));
    expect(rows.map((r) => r.token_hash)).not.toContain(res.body.token);
  });

  it('wrong password and unknown email get the same 401', async () => {
    const wrong = await h.request('POST', LOGIN, { body: { email: EMAILS.technician, password: 'nope-nope' } });
    const unknown = await h.request('POST', LOGIN, { body: { email: 'nadie@prueba.pe', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('after 5 failures in 10 minutes the same email+IP is refused (429), even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: `bad-${i}` } })).status).toBe(401);
    }
    const blocked = await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } } });
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another email from the same IP is not affected.
    expect((await h.request('POST', LOGIN, { body: { email: EMAILS.supervisor, password: PASSWORD } })).status).toBe(200);
    h.clock.set(new Date(h.clock.now().getTime() + 10 * 60_000 + 1_000));
    expect((await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: PASSWORD } })).status).toBe(200);
  });

  it('a successful login clears earlier failures', async () => {
    for (let i = 0; i < 4; i += 1) await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: 'bad' } });
    expect((await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: PASSWORD } })).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: 'bad' } });
    expect((await h.request('POST', LOGIN, { body: { email: EMAILS.admin, password: PASSWORD } })).status).toBe(200);
  });

  it('a deactivated user cannot log in', async () => {
    await h.db.query('UPDATE users SET active = false WHERE id = $1', [IDS.technician2]);
    expect((await h.request('POST', LOGIN, { body: { email: EMAILS.technician2, password: PASSWORD } })).status).toBe(401);
  });

  it('missing, malformed, unknown and expired tokens are 401 with the error shape', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: "Bearer ' OR 1=1 --" },
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: `Bearer ${'x'.repeat(5000)}` },
    ];
    for (const headers of cases) {
      const res = await h.request('GET', '/api/v1/auth/me', { headers });
      expect(res.status, JSON.stringify(headers).slice(0, 80)).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    }
    const login = await h.request<{ token: string }>('POST', LOGIN, { body: { email: EMAILS.technician, password: PASSWORD } });
    h.clock.set(new Date(h.clock.now().getTime() + 12 * 3_600_000 + 1));
    expect((await h.request('GET', '/api/v1/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const login = await h.request<{ token: string }>('POST', LOGIN, { body: { email: EMAILS.technician, password: PASSWORD } });
    expect((await h.request('POST', '/api/v1/auth/logout', { token: login.body.token })).status).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('deactivating a user ends their sessions at once', async () => {
    const token = await h.token('technician2');
    expect((await h.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    const res = await h.request('PUT', `/api/v1/users/${IDS.technician2}`, { as: 'admin', body: { active: false } });
    expect(res.status).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  it('bad login bodies are 4xx with the error shape', async () => {
    const bodies: unknown[] = ['{not json', '[]', '"texto"', JSON.stringify({ email: EMAILS.admin }), JSON.stringify({ email: 1, password: 2 }), JSON.stringify({ email: EMAILS.admin, password: PASSWORD, extra: true })];
    for (const payload of bodies) {
      const res = await h.app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': 'application/json' }, payload: payload as string });
      expect([400, 422], String(payload)).toContain(res.statusCode);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
