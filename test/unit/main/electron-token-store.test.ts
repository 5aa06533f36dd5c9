import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageTokenStore, sessionFilePath } from '../../../src-main/electron/token-store.ts';

/** A stand-in for Electron's safeStorage: a reversible "encryption" tagged with the current key, so a key change makes old files unreadable. */
const keychain = vi.hoisted(() => ({
  backend: 'gnome_libsecret' as string,
  available: true,
  key: 'k1',
  /** A rotated-out key still decrypts, but asks for re-encryption. */
  previousKey: null as string | null,
  failEncrypt: false,
}));

vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => keychain.backend,
    isAsyncEncryptionAvailable: async () => keychain.available,
    encryptStringAsync: async (plain: string) => {
      if (keychain.failEncrypt) throw new Error('keychain locked');
      return Buffer.from(`${keychain.key}:${Buffer.from(plain, 'utf8').toString('base64')}`, 'utf8');
    },
    decryptStringAsync: async (encrypted: Buffer) => {
      const [key, body] = encrypted.toString('utf8').split(':');
      const known = key === keychain.key || (key !== undefined && key === keychain.previousKey);
      if (!known || body === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(body, 'base64').toString('utf8'), shouldReEncrypt: key !== keychain.key };
    },
  },
}));

const TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
let dir: string;
let warnings: string[];

function store(platform: NodeJS.Platform = 'linux') {
  return createSafeStorageTokenStore({ filePath: sessionFilePath(dir), platform, log: { warn: (message) => void warnings.push(message) } });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ayni-token-'));
  warnings = [];
  Object.assign(keychain, { backend: 'gnome_libsecret', available: true, key: 'k1', previousKey: null, failEncrypt: false });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('session token in Electron (safeStorage)', () => {
  it('encrypts the token into userData/session.bin, readable only by the user, and a later start reads it back', async () => {
    await store().save(TOKEN);
    const file = sessionFilePath(dir);
    const bytes = await readFile(file);
    expect(bytes.toString('utf8')).not.toContain(TOKEN);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store().load()).toBe(TOKEN);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('does not write the token on Linux without a keyring (basic_text): memory only, sign in again next start', async () => {
    keychain.backend = 'basic_text';
    const first = store();
    expect(await first.persistent()).toBe(false);
    await first.save(TOKEN);
    expect(await first.load()).toBe(TOKEN);
    expect(await readdir(dir)).toEqual([]);
    expect(await store().load()).toBeNull();
    expect(warnings.join('\n')).toMatch(/memory only/);
  });

  it('removes a session file left from a time the keyring worked, rather than leave it behind', async () => {
    await store().save(TOKEN);
    keychain.backend = 'basic_text';
    await store().save('tok_newer_session_0000000000');
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not persist when encryption is unavailable (any platform) or before the backend is known', async () => {
    keychain.available = false;
    const mac = store('darwin');
    await mac.save(TOKEN);
    expect(await readdir(dir)).toEqual([]);
    keychain.available = true;
    keychain.backend = 'unknown';
    expect(await store('linux').persistent()).toBe(false);
    // Outside Linux the backend question does not apply.
    expect(await store('win32').persistent()).toBe(true);
  });

  it('treats a file it can no longer decrypt as no session, and deletes it', async () => {
    await store().save(TOKEN);
    keychain.key = 'k2';
    expect(await store().load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(warnings.join('\n')).toMatch(/can no longer be decrypted/);
  });

  it('clear() forgets the token in memory and on disk', async () => {
    const s = store();
    await s.save(TOKEN);
    await s.clear();
    expect(await s.load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(await store().load()).toBeNull();
  });

  it('re-encrypts with the new key when the keychain rotated', async () => {
    await store().save(TOKEN);
    Object.assign(keychain, { key: 'k2', previousKey: 'k1' });
    expect(await store().load()).toBe(TOKEN);
    expect((await readFile(sessionFilePath(dir), 'utf8')).startsWith('k2:')).toBe(true);
    keychain.previousKey = null;
    expect(await store().load()).toBe(TOKEN);
  });

  it('never throws: a keychain that fails to encrypt leaves the token in memory and says so', async () => {
    keychain.failEncrypt = true;
    const s = store();
    await expect(s.save(TOKEN)).resolves.toBeUndefined();
    expect(await s.load()).toBe(TOKEN);
    expect(await readdir(dir)).toEqual([]);
    expect(warnings.join('\n')).toMatch(/kept in memory only/);
  });

  it('reads an empty or missing file as no session without complaint', async () => {
    expect(await store().load()).toBeNull();
    await writeFile(sessionFilePath(dir), Buffer.from('k1:', 'utf8'));
    expect(await store().load()).toBeNull();
    expect(warnings).toEqual([]);
  });
});
