/**
 * Reads a server-sent event stream with fetch (the session cookie goes along), so a 401 or 404
 * is seen as such rather than as EventSource's silent retries.
 * The server pushes every event, so there is no polling here; a dropped connection is opened
 * again (the server starts each stream with the current state).
 */
import { apiHeaders } from './api.js';

export interface StreamHandlers {
  onEvent(event: string, data: unknown): void;
  /** The connection failed `maxRetries` times in a row. */
  onLost(): void;
}

export function openEventStream(url: string, handlers: StreamHandlers, maxRetries = 5): () => void {
  const abort = new AbortController();
  let failures = 0;
  let ended = false;

  const dispatch = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length) handlers.onEvent(event, JSON.parse(data.join('\n')));
    if (event === 'done' || event === 'failed') ended = true;
  };

  const connect = async (): Promise<void> => {
    try {
      const res = await fetch(url, { headers: apiHeaders({ Accept: 'text/event-stream' }), signal: abort.signal });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      failures = 0;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
      }
    } catch (err) {
      if (abort.signal.aborted) return;
      failures += 1;
    }
    if (ended || abort.signal.aborted) return;
    if (failures >= maxRetries) {
      handlers.onLost();
      return;
    }
    setTimeout(() => void connect(), 3000);
  };
  void connect();
  return () => abort.abort();
}
