/**
 * The session token in Electron: encrypted with safeStorage (the OS keychain:
 * Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux) into
 * `<userData>/session.bin`, so the technician stays signed in across starts.
 *
 * When the OS offers no real keychain — on Linux without a keyring
 * safeStorage falls back to `basic_text`, a hard-coded key that protects
 * nothing — or encryption is unavailable, the token is NOT written to disk:
 * it lives in memory and the user signs in again at the next start. A file
 * that can no longer be decrypted (keychain reset, copied from another
 * machine) is deleted and read as "no session".
 *
 * Uses safeStorage's async API (the sync one is deprecated in Electron 45).
 * Nothing here throws: a failure is logged and the desk carries on with the
 * token in memory. The desk-core worker reaches this store through the
 * worker host (worker-host.ts), since a worker cannot use safeStorage.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import type { TokenStore } from '../core/sync/token-store.ts';

export const SESSION_FILE = 'session.bin';

export interface TokenStoreLog {
  warn(message: string, cause?: unknown): void;
}

export interface SafeStorageTokenStoreOptions {
  /** `<userData>/session.bin` */
  readonly filePath: string;
  readonly platform?: NodeJS.Platform;
  readonly log?: TokenStoreLog;
}

/** Linux backends that are no keychain at all: 'unknown' is what Electron answers before ready. */
const UNSAFE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

export function sessionFilePath(userDataDir: string): string {
  return join(userDataDir, SESSION_FILE);
}

export function createSafeStorageTokenStore(options: SafeStorageTokenStoreOptions): TokenStore & { persistent(): Promise<boolean> } {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? { warn: (message: string, cause?: unknown) => console.warn(`[ayni] ${message}`, cause ?? '') };
  const path = options.filePath;
  /** undefined until the first load: then the token of this run, whatever the disk says. */
  let memory: string | null | undefined;
  let warnedNotPersisted = false;

  async function persistent(): Promise<boolean> {
    try {
      if (platform === 'linux' && UNSAFE_LINUX_BACKENDS.has(safeStorage.getSelectedStorageBackend())) return false;
      return await safeStorage.isAsyncEncryptionAvailable();
    } catch (error) {
      log.warn('safeStorage could not say whether encryption is available; the session stays in memory', error);
      return false;
    }
  }

  async function removeFile(): Promise<void> {
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) log.warn(`could not delete ${path}`, error);
    }
  }

  async function write(token: string): Promise<void> {
    const encrypted = await safeStorage.encryptStringAsync(token);
    // Temp file + rename: a crash leaves the old session or the new one, never half a file.
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(encrypted);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch((cleanup: unknown) => log.warn(`could not delete ${temp}`, cleanup));
      throw error;
    }
  }

  async function readStored(): Promise<string | null> {
    if (!(await persistent())) return null;
    let encrypted: Buffer;
    try {
      encrypted = await readFile(path);
    } catch (error) {
      if (!isMissing(error)) log.warn(`could not read ${path}; sign in again`, error);
      return null;
    }
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      if (shouldReEncrypt) await write(result).catch((error: unknown) => log.warn(`could not re-encrypt ${path}`, error));
      return result === '' ? null : result;
    } catch (error) {
      log.warn(`${path} can no longer be decrypted (keychain changed?); it was deleted and the user signs in again`, error);
      await removeFile();
      return null;
    }
  }

  return {
    persistent,
    async load() {
      memory ??= await readStored();
      return memory;
    },
    async save(token) {
      memory = token;
      if (!(await persistent())) {
        if (!warnedNotPersisted) log.warn('no OS keychain to encrypt the session with: it is kept in memory only and the user signs in again at the next start');
        warnedNotPersisted = true;
        // A file from a time the keychain worked must not outlive the session it belonged to.
        await removeFile();
        return;
      }
      try {
        await write(token);
      } catch (error) {
        log.warn(`could not save the session to ${path}; it is kept in memory only`, error);
      }
    },
    async clear() {
      memory = null;
      await removeFile();
    },
  };
}
