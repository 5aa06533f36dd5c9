/**
 * A loopback link between a desk and the server of record that a test can
 * hold, like a slow line that the test controls: every request is forwarded
 * unchanged (the server events stream included), except that pull requests
 * beyond the number the test allows wait until it allows more.
 *
 * Nothing is invented: the desk pulls the server's real pages and reports
 * its real progress. The test only decides when the next page may travel,
 * so it can look at the console between two pages of the initial sync on
 * any machine, however fast the sync is.
 */
import { createServer, request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const PULL_PATH = '/api/v1/sync/pull';

export interface HeldLink {
  /** `http://127.0.0.1:PORT`: give it to the desk as its server. */
  readonly url: string;
  /** Pull requests the server has answered through this link. */
  pullsAnswered(): number;
  /** From now on, at most `count` pull requests in all go through; later ones wait. `Infinity` lets everything through. */
  allowPulls(count: number): void;
  /** Resolves once a pull request is waiting at the link (the desk has asked for the next page). */
  waitForHeldPull(): Promise<void>;
  close(): Promise<void>;
}

export async function startHeldLink(serverUrl: string): Promise<HeldLink> {
  const target = new URL(serverUrl);
  let allowed = Number.POSITIVE_INFINITY;
  let forwardedPulls = 0;
  let answeredPulls = 0;
  const held: Array<() => void> = [];
  const heldWaiters: Array<() => void> = [];
  const upstream = new Set<ClientRequest>();

  const forward = (req: IncomingMessage, res: ServerResponse, isPull: boolean): void => {
    const out = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.once('end', () => {
          if (isPull) answeredPulls += 1;
        });
      },
    );
    upstream.add(out);
    out.once('close', () => upstream.delete(out));
    out.once('error', (error) => {
      // The server went away mid-request: the desk sees what it would see on a real line, a cut connection.
      res.destroy(error);
    });
    res.once('close', () => out.destroy());
    req.pipe(out);
  };

  const release = (): void => {
    while (held.length > 0 && forwardedPulls < allowed) {
      forwardedPulls += 1;
      held.shift()?.();
    }
  };

  const server = createServer((req, res) => {
    const isPull = (req.url ?? '').startsWith(PULL_PATH);
    if (!isPull) {
      forward(req, res, false);
      return;
    }
    held.push(() => forward(req, res, true));
    release();
    if (held.length > 0) for (const wake of heldWaiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    pullsAnswered: () => answeredPulls,
    allowPulls(count) {
      allowed = count;
      release();
    },
    waitForHeldPull() {
      if (held.length > 0) return Promise.resolve();
      return new Promise<void>((resolve) => heldWaiters.push(resolve));
    },
    async close() {
      for (const out of upstream) out.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
