/**
 * The desk's sync status and the Needs attention count, fed by one
 * subscription in the console (see use-desk-feeds.ts) so the status bar, the
 * navigation and the logout dialog all read the same values.
 */
import { create } from 'zustand';
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';

interface SyncState {
  readonly status: SyncStatus | null;
  /** Edits the server refused, waiting for the technician to fix or discard them. */
  readonly attentionCount: number;
}

const useSyncStore = create<SyncState>()(() => ({ status: null, attentionCount: 0 }));

export const useSyncStatus = (): SyncStatus | null => useSyncStore((s) => s.status);
export const useAttentionCount = (): number => useSyncStore((s) => s.attentionCount);
export const setSyncStatus = (status: SyncStatus): void => useSyncStore.setState({ status });
export const setAttentionCount = (attentionCount: number): void => useSyncStore.setState({ attentionCount });
