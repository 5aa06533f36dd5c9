/**
 * A minimal server-sent events reader over a fetch body (EventSource cannot
 * send an Authorization header, and Node has none). Follows the WHATWG
 * parsing rules for the fields the sync stream uses: `event`, `data`, `id`,
 * comments, and CR/LF/CRLF line ends.
 */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
}

/** A line longer than this is not an SSE stream we understand; refuse rather than buffer without limit. */
const MAX_LINE = 64 * 1024;

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (!done) buffer += decoder.decode(value, { stream: true });
      for (;;) {
        const match = /\r\n|\n|\r/.exec(buffer);
        if (match === null) break;
        // A lone CR at the end may be the first half of CRLF: wait for more bytes, unless there are none.
        if (!done && match[0] === '\r' && match.index === buffer.length - 1) break;
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          // Unlike EventSource, an event with a name but no data is delivered: `event: poke` alone is a complete message.
          if (data.length > 0 || event !== '') yield { event: event === '' ? 'message' : event, data: data.join('\n'), id };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const fieldValue = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = fieldValue;
        else if (field === 'data') data.push(fieldValue);
        else if (field === 'id') id = fieldValue;
      }
      // An unterminated last event is dropped, as EventSource does.
      if (done) return;
      if (buffer.length > MAX_LINE) throw new Error('Flujo de eventos no válido: línea demasiado larga.');
    }
  } finally {
    reader.releaseLock();
  }
}
