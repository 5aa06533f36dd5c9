/**
 * `node src-main/bridge/cli.ts [--port N] [--data DIR] [--renderer DIR] [--server URL] [--open]`
 *
 * `--server URL` is the server of record a desk without a session signs in
 * to (`npm run web` passes the embedded server's URL); without it the desk
 * is calendar-only until the user names a server at login. The session
 * token stays in memory: the browser build never writes it to disk.
 *
 * Starts the browser bridge and prints exactly one line on stdout when it is
 * ready — `Ayni (navegador): <url>` — so scripts and people can pick up the
 * URL. Diagnostics go to stderr. SIGINT/SIGTERM close the bridge cleanly
 * (the desk core finishes in-flight work first).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge, type Bridge } from './server.ts';

const USAGE = 'Uso: node src-main/bridge/cli.ts [--port N] [--data DIR] [--renderer DIR] [--server URL] [--open]';

function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--server debe ser una URL http(s) (recibido: ${value}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--server debe ser una URL http(s) (recibido: ${value}).`);
  return url.origin;
}

function parseCli(argv: string[]): { port: number; dataDir: string; rendererDir?: string; serverUrl?: string; open: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string', default: '.data/web' },
      renderer: { type: 'string' },
      server: { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port debe ser un número entre 0 y 65535 (recibido: ${values.port}).`);
  return {
    port,
    dataDir: resolve(values.data),
    ...(values.renderer === undefined ? {} : { rendererDir: resolve(values.renderer) }),
    ...(values.server === undefined ? {} : { serverUrl: parseServerUrl(values.server) }),
    open: values.open,
  };
}

/** Opens the URL in the system browser; failing to do so is not fatal, the URL is printed anyway. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => process.stderr.write(`[ayni:bridge] warn: no se pudo abrir el navegador (${error.message}); abre la URL a mano.\n`));
  child.unref();
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const bridge: Bridge = await startBridge({
    port: options.port,
    dataDir: options.dataDir,
    ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
    ...(options.serverUrl === undefined ? {} : { serverUrl: options.serverUrl }),
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`[ayni:bridge] ${signal} otra vez: saliendo sin esperar.\n`);
      process.exit(1);
    }
    stopping = true;
    bridge.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[ayni:bridge] error al cerrar: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(`Ayni (navegador): ${bridge.url}\n`);
  if (options.open) openInBrowser(bridge.url);
}

main().catch((error: unknown) => {
  process.stderr.write(`[ayni:bridge] no se pudo iniciar: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
