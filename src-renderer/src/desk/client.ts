/**
 * Where the renderer gets its DeskApi:
 * - Electron: the preload exposes `window.desk` (contextBridge), always connected.
 * - Browser (`npm run web`, end-to-end tests): a WebSocket to the loopback
 *   bridge, authenticated by the token in the URL fragment.
 *
 * The token arrives once as `#token=…`. It is kept in sessionStorage (this tab
 * only, gone when the tab closes) so a reload still connects, and removed from
 * the visible URL so it does not end up in screenshots or shared links.
 */
import { BRIDGE_PATH } from '../../../src-shared/ipc/bridge-protocol.ts';
import type { DeskApi } from '../../../src-shared/ipc/desk-api.ts';
import { createBridgeClient, type BridgeSocket, type ConnectionState } from './bridge-client.ts';
import { tokenFromHash } from './token.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly desk?: DeskApi;
  }
}

export interface DeskConnection {
  get(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export type DeskAccess =
  | { readonly status: 'ready'; readonly desk: DeskApi; readonly connection: DeskConnection; readonly mode: 'electron' | 'web' }
  | { readonly status: 'missingToken' };

const TOKEN_STORAGE_KEY = 'ayni.bridgeToken';

function readSessionToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch (error) {
    // Storage can be disabled by browser policy; the fragment token still works for this load.
    console.warn('[desk] sessionStorage is not available; a reload will need the link again.', error);
    return null;
  }
}

function storeSessionToken(token: string): void {
  try {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch (error) {
    console.warn('[desk] Could not keep the bridge token for reloads.', error);
  }
}

/** Takes the token out of the fragment (and keeps it for reloads). */
function takeBridgeToken(): string | null {
  const fromHash = tokenFromHash(location.hash);
  if (fromHash) {
    storeSessionToken(fromHash);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return readSessionToken();
}

const alwaysOpen: DeskConnection = { get: () => 'open', subscribe: () => () => {} };

let access: DeskAccess | null = null;

/** Connects once per page load; later calls return the same access. */
export function openDesk(): DeskAccess {
  if (access) return access;
  if (window.desk) {
    access = { status: 'ready', desk: window.desk, connection: alwaysOpen, mode: 'electron' };
    return access;
  }
  const token = takeBridgeToken();
  if (!token) {
    access = { status: 'missingToken' };
    return access;
  }
  const client = createBridgeClient({
    url: `ws://${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`,
    createSocket: (url) => new WebSocket(url) as unknown as BridgeSocket,
  });
  // Close the socket properly when the page goes away (reload, close) instead of leaving the host a reset connection.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) client.dispose();
  });
  access = {
    status: 'ready',
    desk: client,
    connection: { get: () => client.connectionState(), subscribe: (listener) => client.onConnectionChange(listener) },
    mode: 'web',
  };
  return access;
}

/** The DeskApi of this page. Only valid after `openDesk()` returned `ready` (the app checks before rendering). */
export function getDesk(): DeskApi {
  const current = openDesk();
  if (current.status !== 'ready') throw new Error('getDesk() called without a desk connection; render the missing-token page instead.');
  return current.desk;
}
