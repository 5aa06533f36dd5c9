// `npm start [-- --server URL | --no-server]`: the desktop console.
//
// First the server of record: the embedded one (PGlite with the demo
// company, data in .data/server; see startEmbeddedServer in web.mjs), or the
// one named with `--server URL`, or none with `--no-server` (calendar-only).
// Its URL reaches the desk core as the default server (AYNI_SERVER_URL for
// Electron, `--server` for the bridge); the embedded server stops when the
// console exits.
//
// With a real Electron binary: build when out/ is stale, then `electron .`
// (package.json "main" is out/main/index.js). Without one (e.g. machines where
// the Electron download is impossible) it says so in one line and opens the
// same UI in browser mode through the loopback bridge, printing the URL.
//
// The binary is detected from node_modules/electron/path.txt and dist/ by
// hand: requiring the `electron` package would start its auto-download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildApp, ensureRendererBuilt, isStale, requireNode22, runBridge, startEmbeddedServer } from './web.mjs';

/** The Electron executable, or null when only the npm package (no binary) is installed. */
function electronBinary() {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const binary = join(distDir, relative);
  return existsSync(distDir) && existsSync(binary) ? binary : null;
}

async function main() {
  requireNode22();
  const electron = electronBinary();
  if (electron === null) {
    console.log('Electron no está disponible en esta máquina: Ayni se abre en modo navegador.');
    ensureRendererBuilt();
    const server = await startEmbeddedServer(process.argv.slice(2));
    runBridge([...server.rest, ...(server.url === null ? [] : ['--server', server.url])], server.stop);
    return;
  }

  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(ROOT, p));
  const sources = ['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p));
  const missing = outputs.find((output) => !existsSync(output));
  if (missing !== undefined) buildApp(`falta ${missing.slice(ROOT.length)}`);
  else if (outputs.some((output) => isStale(output, sources))) buildApp('hay cambios en el código');

  const server = await startEmbeddedServer(process.argv.slice(2));
  const args = server.rest;
  const env = { ...process.env };
  if (server.url === null) delete env.AYNI_SERVER_URL;
  else env.AYNI_SERVER_URL = server.url;
  const child = spawn(electron, ['.', ...args], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    void server.stop().finally(() => process.exit(code ?? (signal === null ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error('No se pudo iniciar Ayni:', error);
  process.exit(1);
});
