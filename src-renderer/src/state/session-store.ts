/**
 * The signed-in technician, mirrored from the desk (`session.get` at start-up
 * and every `session.changed`). The desk keeps the token, so a reload finds
 * the session again; this store only tells the screens who is working.
 */
import { create } from 'zustand';
import type { Session } from '../../../src-shared/ipc/work-calls.ts';
import { canAssign } from '../../../src-shared/tickets/permissions.ts';

interface SessionState {
  /** null until the desk has answered `session.get`. */
  readonly session: Session | null;
}

const useSessionStore = create<SessionState>()(() => ({ session: null }));

export const useSession = (): Session | null => useSessionStore((s) => s.session);
/** The signed-in user's id, for "Mis tickets" and "Asignarme". */
export const useMyUserId = (): string | null => useSessionStore((s) => s.session?.user?.id ?? null);
/** Whether the signed-in user may assign tickets: the shared rule the server and the desk enforce. */
export const useCanAssign = (): boolean => useSessionStore((s) => canAssign(s.session?.user ?? null));
export const setSession = (session: Session): void => useSessionStore.setState({ session });
export const getSession = (): Session | null => useSessionStore.getState().session;
