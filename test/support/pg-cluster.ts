/**
 * A throwaway PostgreSQL cluster for tests: initdb once into a cached
 * template, copy it per cluster, start on 127.0.0.1 at a free port, stop and
 * remove on teardown. Runs the binaries as `postgres` when we are root
 * (initdb refuses to run as root).
 *
 *   const cluster = await startPgCluster();   // or null + skipReason
 *   … cluster.url …
 *   await cluster.stop();
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';

export interface PgCluster {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Another empty database in this cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

interface Binaries {
  readonly bin: string;
  readonly version: string;
}

/** The newest installed PostgreSQL, preferring 15 (what the issue and CI install). */
export function findPgBinaries(): Binaries | null {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((version) => existsSync(join(POSTGRES_ROOT, version, 'bin', 'initdb')) && existsSync(join(POSTGRES_ROOT, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const version = versions.includes('15') ? '15' : versions[0];
  return version === undefined ? null : { bin: join(POSTGRES_ROOT, version, 'bin'), version };
}

/** Why real-PostgreSQL tests cannot run here, or null when they can. */
export function pgClusterSkipReason(): string | null {
  if (findPgBinaries() === null) return `no PostgreSQL binaries under ${POSTGRES_ROOT} (apt-get install -y postgresql)`;
  if (isRoot() && !hasPostgresUser()) return 'running as root but there is no "postgres" user to run initdb as';
  return null;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasPostgresUser(): boolean {
  return existsSync('/etc/passwd') && /^postgres:/m.test(readFileSync('/etc/passwd', 'utf8'));
}

async function asPostgres(command: string, args: readonly string[]): Promise<string> {
  const [file, fullArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
  const { stdout } = await run(file, fullArgs, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function chownToPostgres(path: string): Promise<void> {
  if (isRoot()) await run('chown', ['-R', 'postgres:postgres', path]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb is the slow part (~2 s); do it once per machine and copy the result. */
async function templateDir(binaries: Binaries): Promise<string> {
  const root = join(tmpdir(), `ayni-pg-template-${binaries.version}-${isRoot() ? 'root' : String(process.getuid?.() ?? 'user')}`);
  const data = join(root, 'data');
  if (existsSync(join(data, 'PG_VERSION'))) return data;
  mkdirSync(root, { recursive: true });
  await chownToPostgres(root);
  // Build in a private dir and rename into place, so concurrent test files never see half a template.
  const building = mkdtempSync(join(root, 'building-'));
  await chownToPostgres(building);
  const target = join(building, 'data');
  await asPostgres(join(binaries.bin, 'initdb'), ['-D', target, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  try {
    renameSync(target, data);
  } catch (error) {
    // Another process won the race; its template is as good as ours.
    if (!existsSync(join(data, 'PG_VERSION'))) throw error;
  }
  rmSync(building, { recursive: true, force: true });
  return data;
}

export async function startPgCluster(): Promise<PgCluster> {
  const binaries = findPgBinaries();
  const skip = pgClusterSkipReason();
  if (binaries === null || skip !== null) throw new Error(`Cannot start PostgreSQL: ${skip ?? 'no binaries'}`);
  const template = await templateDir(binaries);
  const dir = mkdtempSync(join(tmpdir(), 'ayni-pg-'));
  const data = join(dir, 'data');
  // cp -a keeps the 0700 mode PostgreSQL insists on for its data directory.
  await run('cp', ['-a', template, data]);
  await chownToPostgres(dir);
  const pgCtl = join(binaries.bin, 'pg_ctl');

  let port = 0;
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      // A throwaway cluster: durability buys nothing, speed does.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      await asPostgres(pgCtl, ['-D', data, '-o', settings, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      // The free port may have been taken between probing and binding; try another.
      if (attempt >= 3) {
        const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '(no log)';
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`);
      }
    }
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dir,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bad database name ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      try {
        if (statSync(join(data, 'postmaster.pid'), { throwIfNoEntry: false }) !== undefined) {
          await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
