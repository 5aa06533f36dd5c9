/**
 * JSON over HTTP for the sync protocol, with the failure kinds the engine
 * reacts to kept apart: the network (→ offline, retry), 401 (→ signed out),
 * other HTTP errors (→ error, retry) and answers that are not what the
 * protocol promises (→ error, retry, nothing applied). Bodies are read with a
 * size cap so a runaway response cannot exhaust the worker's memory.
 */
import { ErrorBodySchema } from '../../../src-shared/protocol/sync.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type HttpFailure =
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'http'; readonly status: number; readonly code: string; readonly message: string }
  | { readonly kind: 'protocol'; readonly code: string; readonly message: string };

export type HttpResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly failure: HttpFailure };

export interface JsonRequest {
  readonly fetch: FetchLike;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly token?: string | null;
  readonly body?: unknown;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Aborted when the engine stops. */
  readonly signal?: AbortSignal;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function authHeaders(token: string | null | undefined): Record<string, string> {
  return token === null || token === undefined ? {} : { authorization: `Bearer ${token}` };
}

class TooLarge extends Error {}

/** The body as text, refusing more than `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLarge(`${declared} bytes`);
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLarge(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function requestJson(request: JsonRequest): Promise<HttpResult> {
  const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal === undefined ? [] : [request.signal])];
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(request.url, {
      method: request.method,
      headers: { accept: 'application/json', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...authHeaders(request.token) },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.any(signals),
    });
    text = await readCapped(response, request.maxBytes);
  } catch (error) {
    if (error instanceof TooLarge) {
      return { ok: false, failure: { kind: 'protocol', code: 'SYNC_RESPONSE_TOO_LARGE', message: `La respuesta del servidor es demasiado grande (${error.message}); no se aplicó.` } };
    }
    // Refused, reset, timed out or dropped mid-body: all mean "no usable answer, try later".
    return { ok: false, failure: { kind: 'network', message: describe(error) } };
  }
  let body: unknown;
  try {
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch (error) {
    if (!response.ok) body = null;
    else return { ok: false, failure: { kind: 'protocol', code: 'SYNC_MALFORMED_RESPONSE', message: `El servidor envió una respuesta que no es JSON válido (${describe(error)}). No se aplicó ningún cambio.` } };
  }
  if (response.ok) return { ok: true, body };
  const parsed = ErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : `HTTP_${response.status}`;
  const message = parsed.success ? parsed.data.error.message : `El servidor respondió HTTP ${response.status}.`;
  if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized', message } };
  return { ok: false, failure: { kind: 'http', status: response.status, code, message } };
}
