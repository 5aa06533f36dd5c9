/**
 * views.*: the technician's saved queue views (a named view + filters +
 * sort + search), in `<dataDir>/views.json`. Like settings, the list is read
 * once, kept in memory and replaced atomically on every change, one change
 * at a time. A broken file is moved aside (nothing is lost) and the list
 * starts empty, with a warning in the log.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SavedViewSchema, type SavedView } from '../../../src-shared/ipc/work-calls.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import { readJsonFile, writeJsonFileAtomic } from '../json-file.ts';
import type { CoreLogger } from '../log.ts';
import type { DomainModule } from './types.ts';

export const VIEWS_FILE = 'views.json';
/** Enough for every way a person slices a queue; a list longer than this is a bug upstream, not a habit. */
export const MAX_SAVED_VIEWS = 100;

const StoredViewsSchema = z.array(SavedViewSchema);

export function createViewsModule(deps: { readonly dataDir: string; readonly log: CoreLogger }): DomainModule<'views.list' | 'views.save' | 'views.delete'> {
  const path = join(deps.dataDir, VIEWS_FILE);
  let current: Promise<SavedView[]> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function load(): Promise<SavedView[]> {
    current ??= readViews(path, deps.log);
    return current;
  }

  async function replace(next: SavedView[]): Promise<Result<SavedView[]>> {
    try {
      await writeJsonFileAtomic(path, next);
    } catch (error) {
      deps.log.error(`could not write ${path}`, error);
      return fail('VIEWS_WRITE_FAILED', 'No se pudo guardar la vista en el disco. Revise el espacio libre y los permisos de la carpeta de datos.');
    }
    current = Promise.resolve(next);
    return ok(next);
  }

  /** Read-modify-write steps are chained so two quick saves never lose one. */
  function serial(step: (views: SavedView[]) => Promise<Result<SavedView[]>>): Promise<Result<SavedView[]>> {
    const next = queue.then(async () => step(await load()));
    queue = next;
    return next;
  }

  return {
    handlers: {
      'views.list': async () => ok(await load()),
      'views.save': (view) =>
        serial(async (views) => {
          const index = views.findIndex((v) => v.id === view.id);
          if (index === -1 && views.length >= MAX_SAVED_VIEWS) {
            return fail('TOO_MANY_VIEWS', `Ya tiene ${MAX_SAVED_VIEWS} vistas guardadas. Borre alguna para guardar otra.`);
          }
          const next = index === -1 ? [...views, view] : views.map((v, i) => (i === index ? view : v));
          return replace(next);
        }),
      'views.delete': ({ id }) =>
        serial(async (views) => {
          if (!views.some((v) => v.id === id)) return ok(views);
          return replace(views.filter((v) => v.id !== id));
        }),
    },
    close: async () => {
      await queue;
    },
  };
}

async function readViews(path: string, log: CoreLogger): Promise<SavedView[]> {
  const read = await readJsonFile(path);
  if (read.kind === 'missing') return [];
  if (read.kind === 'parsed') {
    const parsed = StoredViewsSchema.safeParse(read.value);
    if (parsed.success) return parsed.data;
    await setAside(path, `invalid content (${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`, log);
  } else {
    await setAside(path, read.reason, log);
  }
  return [];
}

async function setAside(path: string, reason: string, log: CoreLogger): Promise<void> {
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, aside);
    log.warn(`${path} is unusable (${reason}); starting with no saved views. The old file was kept as ${aside}.`);
  } catch (error) {
    log.warn(`${path} is unusable (${reason}); starting with no saved views. It could not be moved aside.`, error);
  }
}
