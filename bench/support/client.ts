/**
 * A bare HTTP client for the server's API (/api/v1), the way a desk talks
 * to it: bearer token, JSON in and out.
 */
import { API_PREFIX, type PullResponse, type PushResponse } from '../../src-shared/protocol/sync.ts';

export interface ApiClient {
  readonly baseUrl: string;
  readonly token: string;
}

async function asJson<T>(response: Response, what: string): Promise<{ body: T; bytes: number }> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

export async function login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { body } = await asJson<{ token: string }>(response, 'login');
  return { baseUrl, token: body.token };
}

export async function pullPage(client: ApiClient, clientId: string, cursor: string | undefined, limit: number): Promise<{ page: PullResponse; bytes: number }> {
  const query = new URLSearchParams({ clientId, limit: String(limit) });
  if (cursor !== undefined) query.set('cursor', cursor);
  const response = await fetch(`${client.baseUrl}${API_PREFIX}/sync/pull?${query.toString()}`, { headers: { authorization: `Bearer ${client.token}` } });
  const { body, bytes } = await asJson<PullResponse>(response, 'pull');
  return { page: body, bytes };
}

export async function push(client: ApiClient, body: unknown): Promise<PushResponse> {
  const response = await fetch(`${client.baseUrl}${API_PREFIX}/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await asJson<PushResponse>(response, 'push')).body;
}
