/**
 * The signed-in technician, mirrored from the desk (`session.get` at start-up
 * and every `session.changed`). The desk keeps the token, so a reload finds
 * the session again; this store only tells the screens who is working.
 */
import { create } from 'zustand';
import type { Session } from '../../../src-shared/ipc/work-calls.ts';

interface SessionState {
  /** null until the desk has answered `session.get`. */
  readonly session: Session | null;
}

const useSessionStore = create<SessionState>()(() => ({ session: null }));

export const useSession = (): Session | null => useSessionStore((s) => s.session);
/** The signed-in user's id, for "Mis tickets" and "Asignarme". */
export const useMyUserId = (): string | null => useSessionStore((s) => s.session?.user?.id ?? null);
/** Who may assign tickets (DESIGN.md §1: dispatchers, supervisors and admins; the server refuses technicians). */
export const useCanAssign = (): boolean => useSessionStore((s) => s.session?.user != null && s.session.user.role !== 'technician');
export const setSession = (session: Session): void => useSessionStore.setState({ session });
export const getSession = (): Session | null => useSessionStore.getState().session;
