// `npm start`: the desktop console.
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
import { ROOT, buildApp, ensureRendererBuilt, isStale, requireNode22, runBridge } from './web.mjs';

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

/**
 * Seam for the embedded server of record (PGlite, demo company): start it
 * here, before the desk, and stop it when the desk exits. Not built yet, so
 * the desk runs signed out.
 */
async function startEmbeddedServer() {
  return { stop: async () => {} };
}

async function main() {
  requireNode22();
  const args = process.argv.slice(2);
  const server = await startEmbeddedServer();

  const electron = electronBinary();
  if (electron === null) {
    console.log('Electron no está disponible en esta máquina: Ayni se abre en modo navegador.');
    ensureRendererBuilt();
    runBridge(args);
    return;
  }

  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(ROOT, p));
  const sources = ['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p));
  const missing = outputs.find((output) => !existsSync(output));
  if (missing !== undefined) buildApp(`falta ${missing.slice(ROOT.length)}`);
  else if (outputs.some((output) => isStale(output, sources))) buildApp('hay cambios en el código');

  const child = spawn(electron, ['.', ...args], { cwd: ROOT, stdio: 'inherit' });
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
