import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src-main/core/sync/backoff.ts';
import { requestJson } from '../../../src-main/core/sync/http.ts';
import { readSse, type SseEvent } from '../../../src-main/core/sync/sse.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(encoder.encode(chunk));
      c.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(streamOf(chunks))) events.push(event);
  return events;
}

describe('server-sent events reader', () => {
  it('parses events, data lines, ids and comments with any line ending', async () => {
    expect(await collect([': hola\n\nevent: poke\ndata: {}\n\n', 'data: a\r\ndata: b\r\n\r\n', 'event: poke\rid: 7\r\r'])).toEqual([
      { event: 'poke', data: '{}', id: undefined },
      { event: 'message', data: 'a\nb', id: undefined },
      { event: 'poke', data: '', id: '7' },
    ]);
  });

  it('gives the same events however the bytes are split (property)', async () => {
    const text = 'event: poke\ndata: {"n":1}\n\n: keepalive\n\nevent: poke\r\ndata: x\r\n\r\ndata: ñandú\n\n';
    const whole = await collect([text]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(await collect(pieces)).toEqual(whole);
      }),
      { numRuns: 100 },
    );
    expect(whole.map((e) => e.event)).toEqual(['poke', 'poke', 'message']);
  });

  it('refuses an endless line instead of buffering it', async () => {
    await expect(collect(['data: ' + 'x'.repeat(70 * 1024)])).rejects.toThrow(/demasiado larga/);
  });
});

describe('backoff', () => {
  it('doubles the ceiling per failure up to the maximum, drawing from its upper half', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 0.999))).toEqual([1000, 1999, 3998, 7996]);
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 0.5)).toBe(45_000);
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        return delay >= DEFAULT_BACKOFF.baseMs / 2 && delay <= DEFAULT_BACKOFF.maxMs;
      }),
    );
  });
});

describe('JSON requests', () => {
  const call = (response: Response | Error, maxBytes = 1000) =>
    requestJson({ fetch: () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)), url: 'http://127.0.0.1:1/x', method: 'GET', maxBytes, timeoutMs: 5000 });

  it('separates network failures, 401, other HTTP errors, non-JSON and oversize bodies', async () => {
    expect(await call(new TypeError('fetch failed'))).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(await call(new Response('{"error":{"code":"UNAUTHORIZED","message":"Token vencido"}}', { status: 401 }))).toMatchObject({ ok: false, failure: { kind: 'unauthorized', message: 'Token vencido' } });
    expect(await call(new Response('{"error":{"code":"FORBIDDEN","message":"No"}}', { status: 403 }))).toMatchObject({ ok: false, failure: { kind: 'http', status: 403, code: 'FORBIDDEN' } });
    expect(await call(new Response('<html>Bad gateway</html>', { status: 502 }))).toMatchObject({ ok: false, failure: { kind: 'http', status: 502, code: 'HTTP_502' } });
    expect(await call(new Response('{"cursor":', { status: 200 }))).toMatchObject({ ok: false, failure: { kind: 'protocol', code: 'SYNC_MALFORMED_RESPONSE' } });
    expect(await call(new Response('x'.repeat(2000), { status: 200 }))).toMatchObject({ ok: false, failure: { kind: 'protocol', code: 'SYNC_RESPONSE_TOO_LARGE' } });
    expect(await call(new Response('{"a":1}', { status: 200, headers: { 'content-length': '999999' } }))).toMatchObject({ ok: false, failure: { code: 'SYNC_RESPONSE_TOO_LARGE' } });
    expect(await call(new Response('{"ok":true}', { status: 200 }))).toEqual({ ok: true, body: { ok: true } });
  });
});
