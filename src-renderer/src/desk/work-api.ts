/**
 * The renderer's names for the DeskApi types (the shell calls and the
 * technician's work, merged in desk-api.ts), so screens import one module.
 */
import type { DeskApi, DeskCallName, DeskEventName, DeskEventPayload, DeskInput, DeskOutput } from '../../../src-shared/ipc/desk-api.ts';

export type CallName = DeskCallName;
export type EventName = DeskEventName;
export type CallInput<N extends CallName> = DeskInput<N>;
export type CallOutput<N extends CallName> = DeskOutput<N>;
export type EventPayload<E extends EventName> = DeskEventPayload<E>;
export type Desk = DeskApi;
