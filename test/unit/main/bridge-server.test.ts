import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../src-main/bridge/server.ts';

const INDEX = `<!doctype html><html lang="es-PE"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'"><title>Ayni</title></head><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>`;

let root: string;
let bridge: Bridge;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the path goes out exactly as written (fetch would normalise "/../"). */
function get(path: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${bridge.port}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ayni-bridge-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("ayni");');
  await writeFile(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'secret.txt'), 'not for the browser');
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  bridge = await startBridge({ port: 0, dataDir: join(root, 'data'), rendererDir });
});

afterAll(async () => {
  await bridge.close();
  await rm(root, { recursive: true, force: true });
});

describe('bridge HTTP', () => {
  it('announces a loopback URL carrying the token in the fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
  });

  it('serves index.html uncached, with the page CSP widened to the bridge socket', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws://127.0.0.1:${bridge.port}; frame-ancestors 'none'`,
    );
  });

  it('serves assets with their content types', async () => {
    const cases: Array<[string, string]> = [
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['/assets/logo.svg', 'image/svg+xml'],
    ];
    for (const [path, type] of cases) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toBe(type);
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect((await get('/assets/index-abc123.js', { method: 'HEAD' })).body).toBe('');
  });

  it('refuses path traversal, encoded or not, and symlinks out of the renderer', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/link.txt', '/..\\secret.txt']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(403);
      expect(reply.body, path).not.toContain('not for the browser');
    }
  });

  it('answers 404 for missing assets, the app for client-side routes, 400 for bad escapes, 405 for writes', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    const route = await get('/tickets/42');
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers only requests addressed to 127.0.0.1:PORT (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${bridge.port}` })).status).toBe(421);
    expect((await get('/', { host: `localhost:${bridge.port}` })).status).toBe(421);
  });
});
