/**
 * What a per-domain handler module gets from the desk core and what it gives
 * back. Each domain (app, settings, calendar, districts, sync) owns the calls
 * of its prefix; desk-core.ts checks at compile time that together they
 * answer every DeskCallName.
 */
import type { z } from 'zod';
import type { Result } from '../../../src-shared/result.ts';
import type { DeskCallName, DeskEventName, DeskEventPayload, DeskOutput, deskCalls } from '../../../src-shared/ipc/desk-api.ts';
import type { CoreLogger } from '../log.ts';

/** A call's input after its schema parsed it (defaults applied, unknown keys refused). */
export type DeskParsedInput<N extends DeskCallName> = z.output<(typeof deskCalls)[N]['input']>;

export type CallHandler<N extends DeskCallName> = (input: DeskParsedInput<N>) => Promise<Result<DeskOutput<N>>>;

export type HandlerMap<K extends DeskCallName> = { readonly [N in K]: CallHandler<N> };

export interface CoreContext {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly appVersion: string;
  readonly log: CoreLogger;
  /** Pushes an event to every subscriber of the core (the renderer, through IPC or the bridge). */
  emit<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void;
}

export interface DomainModule<K extends DeskCallName> {
  readonly handlers: HandlerMap<K>;
  /** Lets in-flight work (e.g. a settings write) finish before the core shuts down. */
  close?(): Promise<void>;
}
