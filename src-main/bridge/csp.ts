/**
 * The bridge serves the renderer with the same Content-Security-Policy the
 * renderer declares in its `<meta>` tag, plus the one thing the browser build
 * needs that Electron does not: a connection to the bridge's WebSocket. As a
 * header the policy can also forbid framing, which a meta tag cannot.
 */

/** Used when the built index.html has no CSP meta tag (or is missing): as strict as the app allows. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const META_CSP = /<meta\s[^>]*http-equiv\s*=\s*["']content-security-policy["'][^>]*>/i;
const CONTENT_ATTR = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The CSP declared by a page's meta tag, or null when it declares none. */
export function metaCsp(html: string): string | null {
  const tag = META_CSP.exec(html)?.[0];
  if (tag === undefined) return null;
  const match = CONTENT_ATTR.exec(tag);
  const raw = match?.[1] ?? match?.[2];
  if (raw === undefined) return null;
  return decodeEntities(raw).trim() || null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The page's policy with `connect-src` set to the bridge socket (and whatever non-socket sources it had) and framing refused. */
export function bridgeCsp(pagePolicy: string | null, wsOrigin: string): string {
  const directives = (pagePolicy ?? FALLBACK_CSP)
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((tokens) => tokens.length > 0);
  const connect = directives.find((tokens) => tokens[0]?.toLowerCase() === 'connect-src');
  if (connect === undefined) directives.push(['connect-src', "'self'", wsOrigin]);
  else {
    // 'none' cannot be combined with sources, and the page's socket wildcards (ws://127.0.0.1:*, for any
    // bridge port) narrow to this bridge's exact origin: the header can be stricter than the meta tag.
    const sources = connect.slice(1).filter((s) => s !== "'none'" && !/^wss?:/i.test(s));
    connect.splice(1, connect.length - 1, ...(sources.length === 0 ? ["'self'"] : sources));
    if (!connect.includes(wsOrigin)) connect.push(wsOrigin);
  }
  if (!directives.some((tokens) => tokens[0]?.toLowerCase() === 'frame-ancestors')) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((tokens) => tokens.join(' ')).join('; ');
}
