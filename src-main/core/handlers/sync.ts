/**
 * sync.*: until the sync engine exists the desk has never signed in, so the
 * honest status is "signed out" with nothing pending. The engine will replace
 * this module and push sync.status events as it works.
 */
import { ok } from '../../../src-shared/result.ts';
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import type { DomainModule } from './types.ts';

export const SIGNED_OUT_STATUS: SyncStatus = { state: 'signedOut', pendingEdits: 0, lastSyncAt: null };

export function createSyncModule(): DomainModule<'sync.status'> {
  return {
    handlers: {
      'sync.status': async () => ok({ ...SIGNED_OUT_STATUS }),
    },
  };
}
