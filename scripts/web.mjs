// `npm run web [-- --port N --data DIR --open] [--server URL | --no-server]`:
// the console in a plain browser.
//
// Starts the embedded server of record (PGlite with the demo company, data in
// .data/server) unless told `--server URL` (use that one) or `--no-server`
// (calendar-only), then builds the renderer when out/renderer is missing or
// older than its sources and runs the browser bridge (src-main/bridge/cli.ts)
// on this same Node 22 (npm puts the pinned Node first on PATH, so
// process.execPath is Node 22 and it runs the TypeScript entries directly).
// The bridge prints one line, `Ayni (navegador): <url>`, on stdout; build
// logs and the server's output go to stderr so that line stays easy to pick
// up. The helpers are shared with start.mjs and e2e.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BRIDGE_CLI = join(ROOT, 'src-main', 'bridge', 'cli.ts');
const SERVER_CLI = join(ROOT, 'src-server', 'cli.ts');
const SERVER_DATA_DIR = join(ROOT, '.data', 'server');
/**
 * The embedded server's last port. A desk keeps talking to the server of its
 * session (the URL is stored with the session), so the embedded server comes
 * back on the same port when it can; a new port would leave a signed-in desk
 * knocking on the old one.
 */
const SERVER_PORT_FILE = join(ROOT, '.data', 'server.port');
/** The first start seeds the demo company into PGlite, which takes a while on a slow machine. */
const SERVER_START_TIMEOUT_MS = 180_000;
const SERVER_STOP_GRACE_MS = 10_000;

/** Refuses to go on under the system Node 20: the TypeScript entries need Node 22's type stripping. */
export function requireNode22() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(`Ayni necesita Node >= 22.12 (este es ${process.versions.node}). Usa "npm run web" o "npm start", que usan el Node 22 del proyecto.`);
    process.exit(1);
  }
}

/** Newest modification time of the files under `paths` (0 when none exist). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else if (info.mtimeMs > newest) newest = info.mtimeMs;
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when `output` is missing or older than any file under `sources`. */
export function isStale(output, sources) {
  if (!existsSync(output)) return true;
  return statSync(output).mtimeMs < newestMtime(sources);
}

const RENDERER_SOURCES = ['src-renderer', 'src-shared', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p));
export const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html');

/** Runs `electron-vite build` (main, preload and renderer) with this Node; its output goes to stderr. Exits on failure. */
export function buildApp(reason) {
  console.error(`Compilando la interfaz (${reason})…`);
  // The .bin shim would pick whatever `node` is on PATH; running its target with process.execPath keeps Node 22.
  const cli = realpathSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'));
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    console.error('La compilación falló (electron-vite build); revisa los errores de arriba.');
    process.exit(result.status ?? 1);
  }
}

export function ensureRendererBuilt() {
  if (!existsSync(RENDERER_INDEX)) buildApp('out/renderer no existe');
  else if (isStale(RENDERER_INDEX, RENDERER_SOURCES)) buildApp('hay cambios en src-renderer o src-shared');
}

/**
 * Runs the bridge CLI in the foreground, passing signals on, and exits with
 * its code once `onExit` (e.g. stopping the embedded server) has finished.
 */
export function runBridge(args, onExit = async () => {}) {
  const child = spawn(process.execPath, [BRIDGE_CLI, ...args], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // Ctrl+C reaches the whole foreground group already; forwarding covers `kill <pid>` of this script.
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    void onExit().finally(() => process.exit(code ?? (signal === null ? 1 : 0)));
  });
}

/**
 * Takes `--server URL` and `--no-server` out of the arguments (the rest go to
 * the bridge or Electron). Returns what to do about the server of record.
 */
export function takeServerArgs(args) {
  const rest = [];
  let choice = { kind: 'embedded' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--no-server') choice = { kind: 'none' };
    else if (arg === '--server') {
      const url = args[i + 1];
      if (url === undefined || url.startsWith('--')) {
        console.error('--server necesita una URL, p. ej. --server http://127.0.0.1:4100');
        process.exit(2);
      }
      choice = { kind: 'external', url };
      i += 1;
    } else if (arg.startsWith('--server=')) choice = { kind: 'external', url: arg.slice('--server='.length) };
    else rest.push(arg);
  }
  return { choice, rest };
}

function rememberedPort() {
  try {
    const port = Number(readFileSync(SERVER_PORT_FILE, 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65_536 ? port : null;
  } catch {
    // No file yet (first start) or unreadable: a free port is picked, which is the right answer either way.
    return null;
  }
}

function rememberPort(port) {
  try {
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    writeFileSync(SERVER_PORT_FILE, `${port}\n`, 'utf8');
  } catch (error) {
    console.error(`No se pudo recordar el puerto del servidor integrado (${error.message}); la próxima vez puede usar otro.`);
  }
}

/** Starts `src-server/cli.ts --demo` on `port` and resolves with its URL once it prints its one line; rejects with the reason otherwise. */
function spawnServer(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings=ExperimentalWarning', SERVER_CLI, '--demo', '--data', SERVER_DATA_DIR, '--port', String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let settled = false;
    let lastError = '';
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGTERM');
      reject(new Error(`no respondió en ${SERVER_START_TIMEOUT_MS / 1000} s`));
    }, SERVER_START_TIMEOUT_MS);
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.trim() !== '') lastError = line.trim();
      // Once running, what the server says goes to our stderr; before that it is kept as the reason it failed.
      if (settled) process.stderr.write(`${line}\n`);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Ayni servidor: (http:\/\/\S+)/.exec(line);
      if (!settled && match !== null) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, url: match[1] });
        return;
      }
      process.stderr.write(`${line}\n`);
    });
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(lastError.replace(/^Ayni servidor: /, '') || `terminó con ${signal ?? `código ${code}`}`));
    });
  });
}

function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), SERVER_STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The server of record for this run: the embedded one (a child process:
 * PGlite, demo company, data in .data/server), the one named with
 * `--server URL`, or none with `--no-server`. If the embedded server cannot
 * start, it says so in one Spanish line and the console goes on offline.
 * Returns `{ url, rest, stop }`: `url` null when there is no server, `rest`
 * the arguments that were not about the server, `stop()` to call on exit.
 */
export async function startEmbeddedServer(args) {
  const { choice, rest } = takeServerArgs(args);
  const none = { url: null, rest, stop: async () => {} };
  if (choice.kind === 'none') return none;
  if (choice.kind === 'external') return { url: choice.url, rest, stop: async () => {} };
  console.error('Iniciando el servidor integrado (PGlite, empresa de demostración)…');
  let started;
  const previous = rememberedPort();
  try {
    started = await spawnServer(previous ?? 0);
  } catch (error) {
    if (previous === null) {
      console.error(`No se pudo iniciar el servidor integrado (${error.message}): Ayni sigue sin conexión.`);
      return none;
    }
    try {
      // Most likely the old port is taken now; any free one will do.
      started = await spawnServer(0);
    } catch (retryError) {
      console.error(`No se pudo iniciar el servidor integrado (${retryError.message}): Ayni sigue sin conexión.`);
      return none;
    }
  }
  const { child, url } = started;
  rememberPort(Number(new URL(url).port));
  console.error(`Servidor integrado: ${url} (usuarios de demostración: tecnico@demo.ayni.pe, despacho@demo.ayni.pe, … contraseña ayni-demo)`);
  let stopping = false;
  // Ctrl+C reaches the server too (same process group); its exit then is expected, not news.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping = true));
  // Last resort for exit paths that skip stop() (a failed build exits at once): never leave the server behind holding its port.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`El servidor integrado se detuvo (${signal ?? `código ${code}`}); Ayni sigue sin conexión.`);
  });
  return {
    url,
    rest,
    stop: () => {
      stopping = true;
      return stopServer(child);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  requireNode22();
  ensureRendererBuilt();
  const server = await startEmbeddedServer(process.argv.slice(2));
  runBridge([...server.rest, ...(server.url === null ? [] : ['--server', server.url])], server.stop);
}
