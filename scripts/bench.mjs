// `npm run bench [-- <filter>...] [--list]`: the benchmarks (DESIGN.md §4).
//
// Runs every benchmark file at the top of bench/ (*.ts, *.mts, *.mjs, *.js),
// one after another, each in its own Node 22 process so one cannot warm up
// or starve the next. Helpers live in bench/support/; files starting with
// "_" are skipped. With filters, only files whose name contains one of them
// run (`npm run bench -- server-sync`). `--list` prints what would run.
//
// A benchmark prints one JSON line per figure on stdout,
// {"bench": "name", "value": 123.4, "unit": "ms", ...context}. The runner
// passes those lines through on stdout with "file" added, sends anything
// else to stderr, and fails (exit 1) when a file exits non-zero, times out
// (AYNI_BENCH_TIMEOUT_S per file, default 3600) or prints no figure.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, 'bench');
const EXTENSIONS = ['.ts', '.mts', '.mjs', '.js'];
// Benchmarks allocate many short-lived objects (the demo generator, JSON pages): a big young
// generation lets them die there instead of being promoted and marked (halves the generator's CPU).
const NODE_FLAGS = ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', '--min-semi-space-size=64', '--max-semi-space-size=128'];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Los benchmarks necesitan Node >= 22.12 (este es ${process.versions.node}). Usa "npm run bench", que usa el Node 22 del proyecto.`);
  process.exit(1);
}

const args = process.argv.slice(2);
const list = args.includes('--list');
const filters = args.filter((a) => a !== '--list');
const timeoutSeconds = Number(process.env.AYNI_BENCH_TIMEOUT_S ?? 3600);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  console.error(`AYNI_BENCH_TIMEOUT_S debe ser un número positivo (recibido: ${process.env.AYNI_BENCH_TIMEOUT_S}).`);
  process.exit(1);
}

function discover() {
  let names = [];
  try {
    names = readdirSync(BENCH_DIR);
  } catch {
    return [];
  }
  return names
    .filter((name) => EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts') && !name.startsWith('_'))
    .map((name) => join(BENCH_DIR, name))
    .filter((path) => statSync(path).isFile())
    .filter((path) => filters.length === 0 || filters.some((f) => relative(BENCH_DIR, path).includes(f)))
    .sort();
}

/** Runs one file; resolves to {ok, figures, ms}. */
function runFile(path, onChild) {
  return new Promise((resolve) => {
    const file = relative(ROOT, path);
    const started = Date.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    onChild(child);
    let figures = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[bench] ${file}: más de ${timeoutSeconds} s, se detiene.`);
      child.kill('SIGTERM');
    }, timeoutSeconds * 1000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let parsed = null;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = null;
      }
      if (parsed !== null && typeof parsed === 'object' && typeof parsed.bench === 'string' && typeof parsed.value === 'number' && typeof parsed.unit === 'string') {
        figures++;
        process.stdout.write(`${JSON.stringify({ ...parsed, file })}\n`);
      } else if (line.trim() !== '') {
        process.stderr.write(`[${file}] ${line}\n`);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ok = code === 0 && !timedOut && figures > 0;
      if (code === 0 && figures === 0) console.error(`[bench] ${file}: no imprimió ninguna cifra.`);
      if (code !== 0) console.error(`[bench] ${file}: terminó con ${signal ?? `código ${code}`}.`);
      resolve({ file, ok, figures, ms: Date.now() - started });
    });
  });
}

const files = discover();
if (files.length === 0) {
  console.error(filters.length === 0 ? 'No hay benchmarks en bench/.' : `Ningún benchmark coincide con: ${filters.join(', ')}.`);
  process.exit(1);
}
if (list) {
  for (const path of files) console.log(relative(ROOT, path));
  process.exit(0);
}

let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

const results = [];
for (const path of files) {
  console.error(`[bench] ${relative(ROOT, path)}`);
  results.push(await runFile(path, (child) => (current = child)));
  current = null;
}
for (const r of results) console.error(`[bench] ${r.ok ? 'ok   ' : 'FALLA'} ${r.file}: ${r.figures} cifras en ${(r.ms / 1000).toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
