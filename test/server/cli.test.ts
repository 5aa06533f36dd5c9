/**
 * The server as a program: `npm run server` prints one line with its URL and
 * backend, serves, and stops on SIGTERM. (The demo-users loopback guard is
 * tested in sse.test.ts, which already has a database open.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../src-server/server.ts';

const CLI = fileURLToPath(new URL('../../src-server/cli.ts', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-cli-'));
  dirs.push(dir);
  return dir;
}

/** Runs the CLI until `onLine` returns true for a stdout line (or the process exits). */
function runCli(args: string[], onLine: (line: string, kill: () => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of chunk.split('\n')) if (line !== '') onLine(line, () => child.kill('SIGTERM'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('server CLI', () => {
  it('prints "Ayni servidor: http://127.0.0.1:PORT (pglite)", serves health, exits 0 on SIGTERM', async () => {
    let health: unknown;
    const result = await runCli(['--port', '0', '--data', tempDir()], (line, kill) => {
      const match = /^Ayni servidor: (http:\/\/127\.0\.0\.1:(\d+)) \((pglite|postgres)\)$/.exec(line);
      if (match === null) return;
      void fetch(`${match[1]}/api/v1/health`).then(async (res) => {
        health = await res.json();
        kill();
      });
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(health).toMatchObject({ ok: true, database: 'pglite' });
  }, 120_000);

  it('refuses bad arguments with a clear message and exit code 1', async () => {
    const result = await runCli(['--port', 'noventa'], () => {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--port');
  }, 60_000);

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com', '128.0.0.1']) expect(isLoopback(host)).toBe(false);
  });

});
