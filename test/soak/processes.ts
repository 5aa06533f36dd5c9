/**
 * Child processes of the fault test: the real server (src-server/cli.ts) and
 * the desk (desk-child.ts), each started with the same Node that runs the
 * driver, killable with SIGKILL at any moment and restartable on the same
 * data. Their stderr goes to log files in the run directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DeskCommand, DeskReport, DrainedReport } from './protocol.ts';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_FLAGS = ['--experimental-strip-types', '--no-warnings=ExperimentalWarning'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`soak: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---- Server -------------------------------------------------------------------------

export interface ServerOptions {
  readonly port: number;
  /** PGlite data directory, or a postgres:// URL. */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** Demo company size (the CLI's --scale); default the normal demo. */
  readonly scale?: number;
  readonly logPath: string;
}

export class ServerProcess {
  readonly #options: ServerOptions;
  readonly #log: WriteStream;
  #child: ChildProcess | null = null;
  starts = 0;
  lastStartMs = 0;

  constructor(options: ServerOptions) {
    this.#options = options;
    this.#log = createWriteStream(options.logPath, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.#options.port}`;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** Starts the server (seeding the demo company into an empty database) and waits until it listens. */
  async start(timeoutMs = 180_000): Promise<void> {
    const began = performance.now();
    const where = this.#options.databaseUrl !== undefined ? ['--database', this.#options.databaseUrl] : ['--data', this.#options.dataDir ?? ''];
    const scale = this.#options.scale === undefined ? [] : ['--scale', String(this.#options.scale)];
    const child = spawn(process.execPath, [...NODE_FLAGS, 'src-server/cli.ts', '--demo', ...scale, '--port', String(this.#options.port), ...where], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    child.stderr.pipe(this.#log, { end: false });
    const announced = new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        this.#log.write(`[stdout] ${line}\n`);
        if (line.startsWith('Ayni servidor:')) resolve();
      });
      child.once('exit', (code, signal) => reject(new Error(`server exited during start (code ${code}, signal ${signal}); see ${this.#options.logPath}`)));
    });
    await withTimeout(announced, timeoutMs, 'the server to listen');
    child.removeAllListeners('exit');
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    this.starts += 1;
    this.lastStartMs = performance.now() - began;
  }

  /** kill -9: no shutdown of any kind. */
  async kill9(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    child.kill('SIGKILL');
    await exited(child);
  }

  /** A clean stop (SIGTERM: the CLI closes the database). */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    child.kill('SIGTERM');
    await withTimeout(exited(child), 60_000, 'the server to stop');
  }

  /** Synchronous last resort when the driver itself is going away. */
  forceKill(): void {
    this.#child?.kill('SIGKILL');
  }

  close(): void {
    this.#log.end();
  }
}

// ---- Desk -------------------------------------------------------------------------------

export interface DeskOptions {
  readonly dir: string;
  readonly serverUrl: string;
  readonly email: string;
  readonly password: string;
  readonly runTag: string;
  readonly logPath: string;
  readonly plant?: string;
}

type Waiter = { readonly type: DeskReport['type']; readonly resolve: (report: DeskReport) => void };

/** The driver's handle on one desk process at a time; restarts keep the data directory. */
export class DeskProcess {
  readonly #options: DeskOptions;
  readonly #log: WriteStream;
  #child: ChildProcess | null = null;
  #waiters: Waiter[] = [];
  #onReport: (report: DeskReport) => void = () => undefined;
  #exitWaiter: ((reason: string) => void) | null = null;
  tickets: readonly string[] = [];
  starts = 0;
  lastStartMs = 0;
  lastReady: Extract<DeskReport, { type: 'ready' }> | null = null;

  constructor(options: DeskOptions) {
    this.#options = options;
    this.#log = createWriteStream(options.logPath, { flags: 'a' });
  }

  /** Every report of the current process goes here (begin/saved/refused…). */
  onReport(listener: (report: DeskReport) => void): void {
    this.#onReport = listener;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  async start(timeoutMs = 120_000): Promise<Extract<DeskReport, { type: 'ready' }>> {
    const began = performance.now();
    const o = this.#options;
    const args = [...NODE_FLAGS, 'test/soak/desk-child.ts', '--dir', o.dir, '--server', o.serverUrl, '--email', o.email, '--password', o.password, '--run-tag', o.runTag];
    if (this.tickets.length > 0) args.push('--tickets', this.tickets.join(','));
    const env = { ...process.env, SOAK_PLANT: o.plant ?? '' };
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
    this.#child = child;
    this.#waiters = [];
    child.stderr.pipe(this.#log, { end: false });
    child.stdin.on('error', () => undefined); // EPIPE after a kill: the exit handler reports it.
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => this.#line(line));
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      this.#exitWaiter?.(`desk exited (code ${code}, signal ${signal})`);
    });
    const ready = (await this.#waitFor('ready', timeoutMs)) as Extract<DeskReport, { type: 'ready' }>;
    this.tickets = ready.tickets;
    this.lastReady = ready;
    this.starts += 1;
    this.lastStartMs = performance.now() - began;
    return ready;
  }

  #line(line: string): void {
    let report: DeskReport;
    try {
      report = JSON.parse(line) as DeskReport;
    } catch {
      this.#log.write(`[stdout, not a report] ${line}\n`);
      return;
    }
    if (report.type === 'fatal') this.#log.write(`[fatal] ${report.message}\n`);
    this.#onReport(report);
    const waiter = this.#waiters.find((w) => w.type === report.type);
    if (waiter !== undefined) {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      waiter.resolve(report);
    }
  }

  /** Resolves with the next report of `type`; rejects when the process exits first or the time runs out. */
  #waitFor(type: DeskReport['type'], timeoutMs: number): Promise<DeskReport> {
    const child = this.#child;
    if (child === null) return Promise.reject(new Error(`desk is not running (waiting for ${type})`));
    const wanted = new Promise<DeskReport>((resolve, reject) => {
      this.#waiters.push({ type, resolve });
      this.#exitWaiter = (reason) => reject(new Error(`${reason} while waiting for ${type}; see ${this.#options.logPath}`));
    });
    return withTimeout(wanted, timeoutMs, `desk report ${type}`);
  }

  send(command: DeskCommand): void {
    this.#child?.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  /** Runs a trial's edits; resolves on `ran`, or with null when the process died (killed) first. */
  async run(command: Extract<DeskCommand, { cmd: 'run' }>, timeoutMs: number): Promise<'ran' | 'died'> {
    const done = this.#waitFor('ran', timeoutMs);
    this.send(command);
    try {
      await done;
      return 'ran';
    } catch (error) {
      if (this.#child === null) return 'died';
      throw error;
    }
  }

  async drain(timeoutMs: number): Promise<DrainedReport> {
    const done = this.#waitFor('drained', timeoutMs);
    this.send({ cmd: 'drain' });
    return (await done) as DrainedReport;
  }

  async kill9(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  forceKill(): void {
    this.#child?.kill('SIGKILL');
  }

  async exit(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    this.send({ cmd: 'exit' });
    await withTimeout(exited(child), 30_000, 'the desk to exit');
  }

  close(): void {
    this.#log.end();
  }
}
