import { describe, expect, it } from 'vitest';
import { bridgeCsp, FALLBACK_CSP, metaCsp } from '../../../src-main/bridge/csp.ts';
import { createBridgeToken, isAcceptableToken, tokensMatch } from '../../../src-main/bridge/token.ts';

const WS = 'ws://127.0.0.1:5555';

describe('bridge CSP', () => {
  it('reads the policy of the CSP meta tag, decoding entities', () => {
    const html = `<!doctype html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:"></head>`;
    expect(metaCsp(html)).toBe("default-src 'self'; img-src 'self' data:");
    expect(metaCsp(`<meta content="script-src &#39;self&#39;" http-equiv='content-security-policy'>`)).toBe("script-src 'self'");
    expect(metaCsp('<meta name="viewport" content="width=device-width">')).toBeNull();
  });

  it('keeps the page policy and adds the bridge socket to connect-src', () => {
    expect(bridgeCsp("default-src 'self'; connect-src 'self'", WS)).toBe(`default-src 'self'; connect-src 'self' ${WS}; frame-ancestors 'none'`);
    expect(bridgeCsp("default-src 'self'", WS)).toBe(`default-src 'self'; connect-src 'self' ${WS}; frame-ancestors 'none'`);
    expect(bridgeCsp("default-src 'self'; connect-src 'none'", WS)).toBe(`default-src 'self'; connect-src 'self' ${WS}; frame-ancestors 'none'`);
    expect(bridgeCsp(`default-src 'self'; connect-src 'self' ${WS}; frame-ancestors 'self'`, WS)).toBe(`default-src 'self'; connect-src 'self' ${WS}; frame-ancestors 'self'`);
  });

  it('narrows socket wildcards of the page to the exact bridge origin', () => {
    expect(bridgeCsp("default-src 'none'; connect-src 'self' ws://127.0.0.1:* https://api.example", WS)).toBe(
      `default-src 'none'; connect-src 'self' https://api.example ${WS}; frame-ancestors 'none'`,
    );
    expect(bridgeCsp('connect-src wss: ws://localhost:*', WS)).toBe(`connect-src 'self' ${WS}; frame-ancestors 'none'`);
  });

  it('falls back to a strict policy when the page declares none', () => {
    const csp = bridgeCsp(null, WS);
    expect(csp.startsWith(FALLBACK_CSP)).toBe(true);
    expect(csp).toContain(`connect-src 'self' ${WS}`);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('bridge token', () => {
  it('is 24 random bytes in base64url, different every run', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createBridgeToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(isAcceptableToken(token)).toBe(true);
    }
  });

  it('matches only the exact token', () => {
    const token = createBridgeToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(null, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(token.slice(0, -1), token)).toBe(false);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch(token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(), token)).toBe(false);
  });

  it('refuses weak fixed tokens', () => {
    expect(isAcceptableToken('short')).toBe(false);
    expect(isAcceptableToken('has spaces in it, long enough')).toBe(false);
  });
});
