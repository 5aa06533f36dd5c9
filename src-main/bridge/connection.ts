/**
 * One browser tab on the bridge: reads DeskApi calls from its WebSocket,
 * forwards them to the desk core, and writes back results. Every message is
 * validated; a malformed one gets a VALIDATION result when its id can be
 * read (so the caller's promise settles), otherwise the socket is closed with
 * 1003 (unsupported data), since there is nobody to answer.
 */
import type { RawData, WebSocket } from 'ws';
import { fail } from '../../src-shared/result.ts';
import { BridgeRequestSchema, type BridgeMessage } from '../../src-shared/ipc/bridge-protocol.ts';
import type { DeskCoreHandle } from '../core/worker-host.ts';

export const CLOSE_UNSUPPORTED_DATA = 1003;

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The request id, when the message is an object carrying a usable one. */
function readableId(message: unknown): number | null {
  if (typeof message !== 'object' || message === null || !('id' in message)) return null;
  const id = (message as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

export function send(socket: WebSocket, message: BridgeMessage): void {
  // A tab that went away while its call ran simply does not get the answer.
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify(message));
}

export function serveConnection(socket: WebSocket, core: DeskCoreHandle): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(CLOSE_UNSUPPORTED_DATA, 'Solo se aceptan mensajes JSON de texto.');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(textOf(data));
    } catch {
      // Not JSON: no id to answer to, so the connection ends; the close code tells the client why.
      socket.close(CLOSE_UNSUPPORTED_DATA, 'Mensaje que no es JSON.');
      return;
    }
    const request = BridgeRequestSchema.safeParse(message);
    if (!request.success) {
      const id = readableId(message);
      if (id === null) {
        socket.close(CLOSE_UNSUPPORTED_DATA, 'Mensaje sin id válido.');
        return;
      }
      const detail = request.error.issues.map((i) => `${i.path.join('.') || '(raíz)'} ${i.message}`).join('; ');
      send(socket, { type: 'result', id, result: fail('VALIDATION', `Mensaje no válido para el puente: ${detail}`) });
      return;
    }
    const { id, name, input } = request.data;
    void core.call(name, input).then((result) => send(socket, { type: 'result', id, result }));
  });
  socket.on('error', (error) => {
    process.stderr.write(`[ayni:bridge] warn: WebSocket error: ${error.message}\n`);
  });
}
