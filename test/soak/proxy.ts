/**
 * A loopback HTTP proxy between the desk and the server that the driver
 * controls, to cut connections at the two moments that matter:
 *
 * - drop-request: the connection dies before the request reaches the
 *   server (the server never applies it);
 * - drop-response: the request is forwarded, the server commits and
 *   answers, and the connection dies before the answer reaches the desk
 *   (the desk cannot tell whether its push was applied).
 *
 * Server-sent events are streamed through untouched. With the planted
 * `replay-stale` bug the proxy also re-sends an earlier push under a fresh
 * clientId — what a server that forgot a client's lastSeq would do — so the
 * checker can show it notices mutations applied twice.
 */
import { randomUUID } from 'node:crypto';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DropKind = 'drop-request' | 'drop-response';

export interface DropRule {
  readonly kind: DropKind;
  /** Which requests the rule hits: only pushes, or any request but the event stream. */
  readonly match: 'push' | 'any';
  /** How many matching requests to drop. */
  count: number;
}

export interface ProxyStats {
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  /** Requests that failed because the server was down or died mid-request. */
  upstreamErrors: number;
  /** Planted replays sent, and how many of their mutations the server applied again. */
  replays: number;
  replayedApplied: number;
  /** Failures of the proxy itself (a client that went away mid-request); the last one is kept for the report. */
  proxyErrors: number;
  lastProxyError: string | null;
}

interface PushBody {
  clientId: string;
  schemaVersion: number;
  mutations: { seq: number; id: string; name: string; args: unknown }[];
}

const SSE_PATH = '/api/v1/sync/events';
const PUSH_PATH = '/api/v1/sync/push';

export class FaultProxy {
  readonly #target: { host: string; port: number };
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 16 });
  #server: Server | null = null;
  #rules: DropRule[] = [];
  #replayStale = false;
  readonly #pushLog: { body: PushBody; authorization: string }[] = [];
  readonly stats: ProxyStats = { forwarded: 0, droppedRequests: 0, droppedResponses: 0, upstreamErrors: 0, replays: 0, replayedApplied: 0, proxyErrors: 0, lastProxyError: null };
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.#target = target;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        // A desk killed mid-request ends here; the connection is gone either way.
        this.stats.proxyErrors += 1;
        this.stats.lastProxyError = error instanceof Error ? error.message : String(error);
        req.socket.destroy();
      });
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.#agent.destroy();
  }

  /** Arms a rule; it disarms itself after `count` matching requests. */
  arm(rule: DropRule): void {
    this.#rules.push(rule);
  }

  /** Disarms every rule (the network heals). */
  heal(): void {
    this.#rules = [];
  }

  /** Cuts every open connection, event streams included (used when the server is killed, as the kernel would). */
  cutAll(): void {
    this.#server?.closeAllConnections();
  }

  setReplayStale(on: boolean): void {
    this.#replayStale = on;
    this.#pushLog.length = 0;
  }

  #takeRule(kind: DropKind, isPush: boolean): boolean {
    const rule = this.#rules.find((r) => r.kind === kind && r.count > 0 && (r.match === 'any' || isPush));
    if (rule === undefined) return false;
    rule.count -= 1;
    return true;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const isEvents = path.startsWith(SSE_PATH);
    const isPush = req.method === 'POST' && path.startsWith(PUSH_PATH);
    if (!isEvents && this.#takeRule('drop-request', isPush)) {
      this.stats.droppedRequests += 1;
      req.socket.destroy();
      return;
    }
    const body = await readAll(req);
    if (isEvents) {
      this.#stream(req, res);
      return;
    }
    const upstream = await this.#forward(req.method ?? 'GET', path, req.headers, body).catch((error: unknown) => error as Error);
    if (upstream instanceof Error) {
      this.stats.upstreamErrors += 1;
      req.socket.destroy();
      return;
    }
    if (this.#takeRule('drop-response', isPush)) {
      // The server has answered, so it committed (or refused) already; the desk never hears of it.
      this.stats.droppedResponses += 1;
      req.socket.destroy();
      return;
    }
    // Before answering, so the desk's next pull already sees what the replay did.
    if (isPush && upstream.status === 200 && this.#replayStale) await this.#plantedReplay(body, req.headers.authorization ?? '');
    this.stats.forwarded += 1;
    res.writeHead(upstream.status, upstream.headers);
    res.end(upstream.body);
  }

  #forward(method: string, path: string, headers: IncomingMessage['headers'], body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: this.#target.host, port: this.#target.port, method, path, headers: { ...headers, host: `${this.#target.host}:${this.#target.port}` }, agent: this.#agent },
        (response) => {
          readAll(response).then(
            (data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  #stream(req: IncomingMessage, res: ServerResponse): void {
    const outgoing = httpRequest(
      { host: this.#target.host, port: this.#target.port, method: req.method, path: req.url, headers: { ...req.headers, host: `${this.#target.host}:${this.#target.port}` } },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
        response.on('error', () => req.socket.destroy());
        response.on('aborted', () => req.socket.destroy());
      },
    );
    outgoing.on('error', () => req.socket.destroy());
    req.socket.on('close', () => outgoing.destroy());
    outgoing.end();
  }

  /**
   * PLANTED BUG: a push the server already processed is processed again, as
   * if the server had forgotten the client's lastSeq. A fresh clientId (with
   * seqs renumbered from 1) is the only way to make the real server do it.
   */
  async #plantedReplay(raw: Buffer, authorization: string): Promise<void> {
    let parsed: PushBody;
    try {
      parsed = JSON.parse(raw.toString('utf8')) as PushBody;
    } catch (error) {
      throw new Error('soak proxy: a push body that is not JSON', { cause: error });
    }
    this.#pushLog.push({ body: parsed, authorization });
    // Pushes two to four back: by then a ticket a status change touched has often toggled back, so the stale change is valid again.
    for (const back of [3, 4, 5]) {
      const stale = this.#pushLog.at(-back);
      if (stale === undefined) continue;
      const replay: PushBody = { clientId: `soak-replay-${randomUUID()}`, schemaVersion: stale.body.schemaVersion, mutations: stale.body.mutations.map((m, i) => ({ ...m, seq: i + 1 })) };
      const answer = await this.#forward('POST', PUSH_PATH, { 'content-type': 'application/json', authorization: stale.authorization }, Buffer.from(JSON.stringify(replay))).catch((error: unknown) => error as Error);
      this.stats.replays += 1;
      if (answer instanceof Error || answer.status !== 200) continue;
      const results = (JSON.parse(answer.body.toString('utf8')) as { results: { status: string }[] }).results;
      this.stats.replayedApplied += results.filter((r) => r.status === 'applied').length;
    }
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}
