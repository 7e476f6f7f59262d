import pino, { type Logger } from 'pino';

/** Structured JSON logs; request and job ids are added by child loggers where they are known. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'dowoz', ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
