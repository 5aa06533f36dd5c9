// `npm run web [-- --port N --data DIR --open]`: the console in a plain browser.
//
// Builds the renderer when out/renderer is missing or older than its sources,
// then runs the browser bridge (src-main/bridge/cli.ts) on this same Node 22
// (npm puts the pinned Node first on PATH, so process.execPath is Node 22 and
// it runs the TypeScript entry directly). The bridge prints one line,
// `Ayni (navegador): <url>`, on stdout; build logs go to stderr so that line
// stays easy to pick up. The helpers are shared with start.mjs and e2e.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BRIDGE_CLI = join(ROOT, 'src-main', 'bridge', 'cli.ts');

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

/** Runs the bridge CLI in the foreground, passing signals on, and exits with its code. */
export function runBridge(args) {
  const child = spawn(process.execPath, [BRIDGE_CLI, ...args], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // Ctrl+C reaches the whole foreground group already; forwarding covers `kill <pid>` of this script.
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  requireNode22();
  ensureRendererBuilt();
  runBridge(process.argv.slice(2));
}
