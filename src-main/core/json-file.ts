/**
 * Small JSON files in the data directory (settings, the calendar overrides
 * stand-in). Writes are atomic: the content goes to a temporary file in the
 * same directory, is flushed to disk, and then renamed over the target, so a
 * crash or power cut leaves either the old file or the new one, never half of
 * each.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type JsonRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads and parses a JSON file; a missing file and broken JSON are answers, not exceptions. */
export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { kind: 'parsed', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'unreadable', reason: `JSON inválido: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Replaces `path` with `value` as pretty JSON, atomically (temp file + fsync + rename). */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  // The temp file lives next to the target: rename is only atomic within one file system.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch((cleanupError: unknown) => {
      process.stderr.write(`[ayni:core] warn: could not remove temp file ${temp}: ${String(cleanupError)}\n`);
    });
    throw error;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === code;
}
