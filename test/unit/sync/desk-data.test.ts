import { afterEach, expect, it } from 'vitest';
import { openDeskData } from '../../../src-main/core/sync/index.ts';
import { memoryTokenStore } from '../../../src-main/core/sync/token-store.ts';
import { memoryLogger, tempDir } from '../cache/helpers.ts';
import { FakeServer } from './fake-server.ts';

let cleanup = (): void => undefined;
afterEach(() => cleanup());

it('openDeskData opens the cache and an engine bound to it, and closes both', async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const server = new FakeServer();
  server.addUser('tecnico@demo.ayni.pe', 'ayni-demo');
  const opened = openDeskData({ dir: tmp.dir, serverUrl: server.url, tokens: memoryTokenStore(), fetch: server.fetch, logger: memoryLogger(), engine: { serverEvents: false } });
  if (!opened.ok) throw new Error(opened.error.message);
  const { cache, engine } = opened.value;
  await engine.start();
  expect(engine.status().state).toBe('signedOut');
  expect((await engine.login('tecnico@demo.ayni.pe', 'ayni-demo')).ok).toBe(true);
  expect((await engine.syncNow()).ok).toBe(true);
  expect(cache.syncInfo().user?.email).toBe('tecnico@demo.ayni.pe');
  await opened.value.close();
  expect(cache.db.open).toBe(false);
});
