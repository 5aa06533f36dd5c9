/**
 * The browser bridge: lets the same React UI run in a plain browser (for
 * development and end-to-end tests where no Electron binary exists) by
 * serving the built renderer over HTTP and DeskApi over a WebSocket, backed
 * by the same desk core worker Electron uses.
 *
 * Loopback only, and guarded like a local admin port: it binds 127.0.0.1,
 * answers only requests addressed to 127.0.0.1:PORT (DNS rebinding), and
 * opens the WebSocket only for the page's own origin carrying the per-run
 * token — anything else is refused before the upgrade.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_MAX_MESSAGE_BYTES, BRIDGE_PATH } from '../../src-shared/ipc/bridge-protocol.ts';
import type { TokenStore } from '../core/sync/token-store.ts';
import { startDeskCoreWorker, type DeskCoreHandle } from '../core/worker-host.ts';
import type { WorkerSyncTuning } from '../core/worker-messages.ts';
import { send, serveConnection } from './connection.ts';
import { createStaticSite } from './static-files.ts';
import { createBridgeToken, isAcceptableToken, tokensMatch } from './token.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = resolve(REPO_ROOT, 'out/renderer');
const DEFAULT_WORKER_PATH = new URL('../core/worker.ts', import.meta.url);
const CLOSE_GOING_AWAY = 1001;

export interface BridgeOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly dataDir: string;
  readonly rendererDir?: string;
  /** Fixed token for tools that must know it in advance; by default a fresh random one per run. */
  readonly token?: string;
  readonly appVersion?: string;
  readonly workerPath?: string | URL;
  /** The server of record for a desk without a session (e.g. the embedded one); absent = calendar-only until the user names one. */
  readonly serverUrl?: string | null;
  /** Where the session token lives; default memory (the browser build never writes it to disk). */
  readonly tokens?: TokenStore;
  readonly syncTuning?: WorkerSyncTuning;
}

export interface Bridge {
  /** `http://127.0.0.1:PORT/#token=…` — the fragment carries the token to the page without sending it over HTTP. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

function refuseUpgrade(socket: Duplex, status: 403 | 404, reason: string): void {
  const body = `${reason}\n`;
  const statusText = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? createBridgeToken();
  if (!isAcceptableToken(token)) throw new Error('The bridge token must be at least 16 URL-safe characters (A–Z, a–z, 0–9, "-", "_").');
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const appVersion = options.appVersion ?? (await packageVersion());

  const server = createServer();
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', failed);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const site = createStaticSite({ rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR, wsOrigin: `ws://${host}` });

  let core: DeskCoreHandle;
  try {
    core = startDeskCoreWorker({
      workerPath: options.workerPath ?? DEFAULT_WORKER_PATH,
      dataDir,
      mode: 'web',
      appVersion,
      serverUrl: options.serverUrl ?? null,
      ...(options.tokens === undefined ? {} : { tokens: options.tokens }),
      ...(options.syncTuning === undefined ? {} : { syncTuning: options.syncTuning }),
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const stopEvents = core.onEvent((event, payload) => {
    for (const client of sockets.clients) send(client, { type: 'event', event, payload });
  });

  server.on('request', (req, res) => {
    if (req.headers.host !== host) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Este servidor solo atiende a 127.0.0.1.\n');
      return;
    }
    void site.serve(req, res);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => process.stderr.write(`[ayni:bridge] warn: upgrade socket error: ${error.message}\n`));
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== BRIDGE_PATH) return refuseUpgrade(socket, 404, 'No encontrado.');
    if (req.headers.host !== host) return refuseUpgrade(socket, 403, 'Host no permitido.');
    if (req.headers.origin !== origin) return refuseUpgrade(socket, 403, 'Origen no permitido.');
    if (!tokensMatch(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 403, 'Token no válido.');
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) => serveConnection(ws, core));
  });

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    close() {
      closing ??= (async () => {
        stopEvents();
        const goneAway = [...sockets.clients].map(
          (client) =>
            new Promise<void>((done) => {
              client.once('close', () => done());
              client.close(CLOSE_GOING_AWAY, 'El escritorio se está cerrando.');
              // A tab that does not answer the close handshake is cut off rather than holding shutdown.
              setTimeout(() => {
                client.terminate();
                done();
              }, 1_000).unref();
            }),
        );
        await Promise.all(goneAway);
        await new Promise<void>((done) => sockets.close(() => done()));
        const httpClosed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await httpClosed;
        await core.close();
      })();
      return closing;
    },
  };
}
