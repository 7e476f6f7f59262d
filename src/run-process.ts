/**
 * Shared start and stop of our long-running processes (API, worker): a bad configuration prints
 * its message and exits 1; SIGTERM and SIGINT run the process's own graceful stop, once.
 */
import { ConfigError } from './config.js';

export function runProcess(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}

export function stopOnSignals(stop: (signal: string) => Promise<void>): void {
  const once = (signal: string) => () => void stop(signal).then(() => process.exit(0));
  process.once('SIGTERM', once('SIGTERM'));
  process.once('SIGINT', once('SIGINT'));
}
