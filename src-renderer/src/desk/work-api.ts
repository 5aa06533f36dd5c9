/**
 * The renderer's view of the whole DeskApi: the shell calls (`deskCalls`)
 * plus the technician's work (`workCalls`: session, queues, the ticket
 * workspace, edits, Needs attention). The desk-core integration merges both
 * into `deskCalls`; until then this type joins them so the screens are
 * written (and type-checked) against the one contract they will use. Once
 * merged, the intersection is the same set of keys and nothing here changes
 * meaning.
 */
import type { z } from 'zod';
import type { deskCalls, deskEvents } from '../../../src-shared/ipc/desk-api.ts';
import type { workCalls, workEvents } from '../../../src-shared/ipc/work-calls.ts';
import type { Result } from '../../../src-shared/result.ts';

type AllCalls = typeof deskCalls & typeof workCalls;
type AllEvents = typeof deskEvents & typeof workEvents;

export type CallName = keyof AllCalls & string;
export type EventName = keyof AllEvents & string;
export type CallInput<N extends CallName> = z.input<AllCalls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<AllCalls[N]['output']>;
export type EventPayload<E extends EventName> = z.output<AllEvents[E]>;

/** What `window.desk` (Electron) and the bridge client are, seen from the screens. */
export interface Desk {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
