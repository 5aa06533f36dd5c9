/**
 * settings.*: the desk's own preferences, in `<dataDir>/settings.json`.
 *
 * The file is read once, kept in memory, and replaced atomically on every
 * change. A missing file means defaults. A broken one (bad JSON, unknown
 * locale) also means defaults, with a warning — but it is moved aside to
 * `settings.json.corrupt-<time>` first so whatever it held is not lost and
 * the warning is not repeated on every start.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import { LocaleSchema, type Settings } from '../../../src-shared/ipc/desk-api.ts';
import { readJsonFile, writeJsonFileAtomic } from '../json-file.ts';
import type { CoreContext, DeskParsedInput, DomainModule } from './types.ts';

export const SETTINGS_FILE = 'settings.json';
export const DEFAULT_SETTINGS: Settings = { locale: 'es-PE' };

/** Unknown keys are tolerated so that a newer version's file does not reset an older desk. */
const StoredSettingsSchema = z.looseObject({ locale: LocaleSchema.optional() });

export function createSettingsModule(ctx: CoreContext): DomainModule<'settings.get' | 'settings.update'> {
  const path = join(ctx.dataDir, SETTINGS_FILE);
  let current: Promise<Settings> | null = null;
  // Updates are read-modify-write: chaining them keeps two quick updates from losing one.
  let queue: Promise<unknown> = Promise.resolve();

  function load(): Promise<Settings> {
    current ??= readSettings(path, ctx);
    return current;
  }

  async function update(patch: DeskParsedInput<'settings.update'>): Promise<Result<Settings>> {
    const before = await load();
    const after: Settings = { ...before, ...definedOnly(patch) };
    if (after.locale === before.locale) return ok(after);
    try {
      await writeJsonFileAtomic(path, after);
    } catch (error) {
      ctx.log.error(`could not write ${path}`, error);
      return fail('SETTINGS_WRITE_FAILED', 'No se pudo guardar la configuración en el disco. Revise el espacio libre y los permisos de la carpeta de datos.');
    }
    current = Promise.resolve(after);
    ctx.emit('settings.changed', after);
    return ok(after);
  }

  return {
    handlers: {
      'settings.get': async () => ok(await load()),
      'settings.update': (patch) => {
        const next = queue.then(() => update(patch));
        queue = next;
        return next;
      },
    },
    close: async () => {
      await queue;
    },
  };
}

function definedOnly(patch: DeskParsedInput<'settings.update'>): Partial<Settings> {
  return patch.locale === undefined ? {} : { locale: patch.locale };
}

async function readSettings(path: string, ctx: CoreContext): Promise<Settings> {
  const read = await readJsonFile(path);
  if (read.kind === 'missing') return { ...DEFAULT_SETTINGS };
  if (read.kind === 'parsed') {
    const parsed = StoredSettingsSchema.safeParse(read.value);
    if (parsed.success) return { ...DEFAULT_SETTINGS, ...(parsed.data.locale === undefined ? {} : { locale: parsed.data.locale }) };
    await setAside(path, `invalid content (${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`, ctx);
  } else {
    await setAside(path, read.reason, ctx);
  }
  return { ...DEFAULT_SETTINGS };
}

async function setAside(path: string, reason: string, ctx: CoreContext): Promise<void> {
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, aside);
    ctx.log.warn(`${path} is unusable (${reason}); using default settings. The old file was kept as ${aside}.`);
  } catch (error) {
    ctx.log.warn(`${path} is unusable (${reason}); using default settings. It could not be moved aside.`, error);
  }
}
