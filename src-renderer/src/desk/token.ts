/** Reads `token` from a URL fragment like `#token=abc` or `#token=abc&x=y`; null when absent or when the fragment is a route (`#/…`). */
export function tokenFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.startsWith('/')) return null;
  const token = new URLSearchParams(body).get('token');
  return token && token.length > 0 ? token : null;
}
