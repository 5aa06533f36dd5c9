/**
 * Messages of the browser bridge: DeskApi over a loopback WebSocket, for
 * development and end-to-end tests where no Electron binary exists.
 * The page finds its token in the URL fragment (`#token=…`, never sent in
 * HTTP requests) and opens `ws://127.0.0.1:PORT/desk?token=…`.
 */
import { z } from 'zod';
import { DESK_CALL_NAMES, DESK_EVENT_NAMES } from './names.ts';

export const BRIDGE_PATH = '/desk';
export const BRIDGE_MAX_MESSAGE_BYTES = 1024 * 1024;

/** Browser → host: one DeskApi call. */
export const BridgeRequestSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0),
  name: z.enum(DESK_CALL_NAMES),
  input: z.unknown(),
}).strict();
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

const ErrorShape = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

/** Host → browser: a call's result, or a push event. */
export const BridgeMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorShape })]),
  }),
  z.object({ type: z.literal('event'), event: z.enum(DESK_EVENT_NAMES), payload: z.unknown() }),
]);
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;
