/**
 * The server's poke channel (GET /sync/events, server-sent events): each
 * `poke` means new changes committed, so the engine pulls. The connection is
 * kept open and re-opened with backoff when it drops; on (re)connect the
 * engine also pulls, since pokes sent while disconnected are lost. Polling
 * in the engine covers the time the channel is down.
 */
import type { CoreLogger } from '../log.ts';
import { backoffDelay, type BackoffPolicy } from './backoff.ts';
import { authHeaders, type FetchLike } from './http.ts';
import type { Scheduler, TimerHandle } from './scheduler.ts';
import { readSse } from './sse.ts';

export interface EventStreamOptions {
  readonly url: string;
  readonly fetch: FetchLike;
  readonly scheduler: Scheduler;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly token: () => string | null;
  readonly onPoke: () => void;
  readonly onConnected: () => void;
  readonly onUnauthorized: () => void;
  readonly logger: CoreLogger;
}

export class EventStream {
  readonly #options: EventStreamOptions;
  #running = false;
  #abort: AbortController | null = null;
  #timer: TimerHandle | null = null;
  #failures = 0;
  #connected = false;

  constructor(options: EventStreamOptions) {
    this.#options = options;
  }

  get connected(): boolean {
    return this.#connected;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#abort?.abort();
    this.#abort = null;
    if (this.#timer !== null) this.#options.scheduler.clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #connect(): Promise<void> {
    this.#timer = null;
    const token = this.#options.token();
    if (!this.#running || token === null) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const response = await this.#options.fetch(this.#options.url, { headers: { accept: 'text/event-stream', ...authHeaders(token) }, signal: abort.signal });
      if (response.status === 401) {
        this.#running = false;
        this.#options.onUnauthorized();
        return;
      }
      if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
      this.#failures = 0;
      this.#connected = true;
      this.#options.onConnected();
      for await (const event of readSse(response.body)) {
        if (event.event === 'poke') this.#options.onPoke();
        if (event.event === 'unauthorized') {
          // The server re-checks the session on its heartbeat and says so when it ended.
          abort.abort();
          this.#running = false;
          this.#options.onUnauthorized();
          return;
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) this.#options.logger.warn('Canal de avisos del servidor interrumpido; se reconectará', error);
    } finally {
      this.#connected = false;
    }
    if (this.#running && !abort.signal.aborted) {
      this.#timer = this.#options.scheduler.setTimeout(() => void this.#connect(), backoffDelay(this.#failures, this.#options.backoff, this.#options.random));
      this.#failures += 1;
    }
  }
}
