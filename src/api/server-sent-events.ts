/** Server-sent events as both streams write them (plan progress, live plan changes). */
import type { Response } from 'express';

/** Starts the stream: no caching or proxy buffering; a page that lost it reconnects after 3 s. */
export function openEventStream(res: Response): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\n');
}

/** One event with its JSON data. */
export function sendEvent(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
