/**
 * Serves the built renderer (out/renderer) to the browser. Only GET/HEAD,
 * only files under the renderer directory (traversal and symlinks out of it
 * are refused), with explicit content types and the security headers the
 * Electron window gets from its own policy.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { isErrno } from '../core/json-file.ts';
import { bridgeCsp, metaCsp } from './csp.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** Answers one HTTP request; never throws. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The CSP the bridge sends with the current index.html. */
  currentCsp(): Promise<string>;
}

export function createStaticSite(options: { rendererDir: string; wsOrigin: string }): StaticSite {
  const root = resolve(options.rendererDir);
  const indexPath = join(root, 'index.html');
  let cspCache: { mtimeMs: number; csp: string } | null = null;

  async function currentCsp(): Promise<string> {
    // The renderer may be rebuilt while the bridge runs: follow index.html's changes.
    let mtimeMs = -1;
    try {
      mtimeMs = (await stat(indexPath)).mtimeMs;
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    if (cspCache?.mtimeMs === mtimeMs) return cspCache.csp;
    const html = mtimeMs < 0 ? null : await readFile(indexPath, 'utf8');
    const csp = bridgeCsp(html === null ? null : metaCsp(html), options.wsOrigin);
    cspCache = { mtimeMs, csp };
    return csp;
  }

  function securityHeaders(res: ServerResponse, csp: string): void {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  }

  function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
    res.end(`${text}\n`);
  }

  /** The file a URL path names, or a refusal. */
  async function locate(pathname: string): Promise<{ file: string } | { status: 403 | 404 }> {
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return { status: 403 };
    const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const file = resolve(root, `.${relative}`);
    if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
    try {
      const info = await stat(file);
      if (!info.isFile()) return { status: 404 };
      const real = await realpath(file);
      const realRoot = await realpath(root);
      if (!real.startsWith(realRoot + sep)) return { status: 403 };
      return { file: real };
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) {
        // Client-side routes (no extension) get the app; a missing asset stays a 404.
        if (extname(relative) === '' && relative !== '/index.html') return locate('/index.html');
        return { status: 404 };
      }
      throw error;
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      securityHeaders(res, await currentCsp());
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        plain(res, 405, 'Método no permitido.', { Allow: 'GET, HEAD' });
        return;
      }
      let pathname: string;
      try {
        // Decoded from the raw request target, not through URL(), which would quietly resolve "/../" and hide the attempt.
        pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0] ?? '/');
        if (!pathname.startsWith('/')) throw new URIError('not an origin-form path');
      } catch {
        // A malformed %-escape is the client's mistake; the status says so and nothing needs logging.
        plain(res, 400, 'Ruta no válida.');
        return;
      }
      const found = await locate(pathname);
      if ('status' in found) {
        if (found.status === 404 && pathname === '/') {
          plain(res, 503, 'La interfaz no está compilada. Ejecute "npm run web" (compila out/renderer) y recargue.');
          return;
        }
        plain(res, found.status, found.status === 403 ? 'Acceso denegado.' : 'No encontrado.');
        return;
      }
      const ext = extname(found.file).toLowerCase();
      const isIndex = found.file.endsWith(`${sep}index.html`);
      const info = await stat(found.file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
        // index.html names the hashed bundles of the current build, so it must never be cached; the bundles can be.
        'Cache-Control': isIndex ? 'no-store' : pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', (error) => {
        process.stderr.write(`[ayni:bridge] error: reading ${found.file} failed: ${error.message}\n`);
        res.destroy(error);
      });
      stream.pipe(res);
    } catch (error) {
      process.stderr.write(`[ayni:bridge] error: serving ${req.url ?? '?'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!res.headersSent) plain(res, 500, 'Error interno del puente.');
      else res.destroy();
    }
  }

  return { serve, currentCsp };
}
