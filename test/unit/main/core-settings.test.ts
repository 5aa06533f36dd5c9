import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreFor, recordingLogger, tempDataDir } from './core-test-helpers.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let settingsPath: string;

beforeEach(async () => {
  data = await tempDataDir();
  settingsPath = join(data.dir, 'settings.json');
});

afterEach(async () => {
  await data.remove();
});

describe('settings', () => {
  it('defaults to Spanish (Peru) when nothing was saved', async () => {
    const core = coreFor(data.dir);
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'es-PE' } });
    await core.close();
  });

  it('persists an update to settings.json and a new core reads it back', async () => {
    const first = coreFor(data.dir);
    expect(await first.handle('settings.update', { locale: 'en' })).toEqual({ ok: true, value: { locale: 'en' } });
    await first.close();
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ locale: 'en' });

    const second = coreFor(data.dir);
    expect(await second.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'en' } });
    await second.close();
  });

  it('replaces the file by rename (a new inode) and leaves no temporary files behind', async () => {
    const core = coreFor(data.dir);
    await core.handle('settings.update', { locale: 'en' });
    const before = await stat(settingsPath);
    await core.handle('settings.update', { locale: 'es-PE' });
    const after = await stat(settingsPath);
    expect(after.ino).not.toBe(before.ino);
    // The cache's SQLite files live here too; of the settings, only the file itself remains.
    expect((await readdir(data.dir)).filter((name) => name.includes('settings') || name.endsWith('.tmp'))).toEqual(['settings.json']);
    await core.close();
  });

  it('keeps the last of several quick updates, in order', async () => {
    const core = coreFor(data.dir);
    const locales = ['en', 'es-PE', 'en', 'es-PE', 'en'] as const;
    const results = await Promise.all(locales.map((locale) => core.handle('settings.update', { locale })));
    expect(results.map((r) => r.ok && (r.value as { locale: string }).locale)).toEqual([...locales]);
    await core.close();
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ locale: 'en' });
  });

  it('emits settings.changed when the settings change, and not for a no-op update', async () => {
    const core = coreFor(data.dir);
    const events: Array<[string, unknown]> = [];
    core.onEvent((event, payload) => events.push([event, payload]));
    await core.handle('settings.update', { locale: 'en' });
    await core.handle('settings.update', { locale: 'en' });
    await core.handle('settings.update', {});
    expect(events).toEqual([['settings.changed', { locale: 'en' }]]);
    await core.close();
  });

  it('recovers from a corrupt file: defaults, a warning, and the old content kept aside', async () => {
    await writeFile(settingsPath, '{"locale": "en",', 'utf8');
    const log = recordingLogger();
    const core = coreFor(data.dir, log);
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'es-PE' } });
    expect(log.lines.some((line) => line.startsWith('warn:') && line.includes('settings.json'))).toBe(true);
    const aside = (await readdir(data.dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(data.dir, aside[0] ?? ''), 'utf8')).toBe('{"locale": "en",');

    expect(await core.handle('settings.update', { locale: 'en' })).toEqual({ ok: true, value: { locale: 'en' } });
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ locale: 'en' });
    await core.close();
  });

  it('treats a well-formed file with an unknown locale as corrupt too', async () => {
    await writeFile(settingsPath, JSON.stringify({ locale: 'fr-FR' }), 'utf8');
    const log = recordingLogger();
    const core = coreFor(data.dir, log);
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'es-PE' } });
    expect(log.lines.filter((line) => line.startsWith('warn:'))).toHaveLength(1);
    await core.close();
  });

  it('keeps keys it does not know (a newer version wrote them) without resetting', async () => {
    await writeFile(settingsPath, JSON.stringify({ locale: 'en', density: 'compact' }), 'utf8');
    const core = coreFor(data.dir);
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'en' } });
    await core.close();
  });

  it('reports SETTINGS_WRITE_FAILED when the file cannot be replaced, keeping the old settings', async () => {
    const log = recordingLogger();
    const core = coreFor(data.dir, log);
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'es-PE' } });
    // Then a directory appears where the file goes: the rename fails, as a full or read-only disk would make it.
    await mkdir(settingsPath);
    const result = await core.handle('settings.update', { locale: 'en' });
    expect(result.ok === false && result.error.code).toBe('SETTINGS_WRITE_FAILED');
    expect(await core.handle('settings.get', {})).toEqual({ ok: true, value: { locale: 'es-PE' } });
    expect((await readdir(data.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(log.lines.some((line) => line.startsWith('error:') && line.includes('settings.json'))).toBe(true);
    await core.close();
  });
});
