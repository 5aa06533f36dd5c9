/**
 * session.* and sync.*: signing in and out, and the sync status. The work is
 * done by the SessionController; a desk whose cache could not be opened
 * answers with the reason instead.
 */
import { fail, ok } from '../../../src-shared/result.ts';
import type { CacheAccess } from './cache-access.ts';
import type { SessionController } from './session-controller.ts';
import type { DomainModule } from './types.ts';

type SessionCalls = 'session.get' | 'session.login' | 'session.logout' | 'sync.status' | 'sync.now';

export function createSessionModule(cache: CacheAccess, controller: SessionController | null, defaultServerUrl: string | null): DomainModule<SessionCalls> {
  if (!cache.ok || controller === null) {
    const error = cache.ok ? { code: 'CACHE_UNAVAILABLE', message: 'La copia local de datos no está disponible.' } : cache.error;
    return {
      handlers: {
        'session.get': async () => ok({ signedIn: false, user: null, serverUrl: defaultServerUrl, reason: error.message }),
        'session.login': async () => fail(error.code, error.message),
        'session.logout': async () => ok({ pendingEdits: 0 }),
        'sync.status': async () => ok({ state: 'error' as const, pendingEdits: 0, lastSyncAt: null, message: error.message }),
        'sync.now': async () => ok({ started: false }),
      },
    };
  }
  return {
    handlers: {
      'session.get': async () => {
        await controller.ready();
        return ok(controller.session());
      },
      'session.login': (input) => controller.login(input),
      'session.logout': () => controller.logout(),
      'sync.status': async () => {
        await controller.ready();
        return ok(controller.status());
      },
      'sync.now': async () => {
        await controller.ready();
        return ok({ started: controller.syncNow() });
      },
    },
    close: () => controller.close(),
  };
}
