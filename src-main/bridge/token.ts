/**
 * The per-run bridge token. It travels only in the URL fragment of the page
 * (never sent in HTTP requests) and in the WebSocket query string, so only a
 * page that was handed the URL can open the bridge.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,}$/;

export function createBridgeToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isAcceptableToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * Constant-time comparison. Hashing both sides first gives equal-length
 * inputs, so neither the content nor the length of the real token leaks
 * through timing.
 */
export function tokensMatch(offered: string | null, expected: string): boolean {
  if (offered === null) return false;
  const a = createHash('sha256').update(offered, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
