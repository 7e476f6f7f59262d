/** One read at a time, for the pages that follow live changes (plan-changes.ts, D28). */

/**
 * Runs `load` one at a time: a request made while one runs is done once after it, so a burst of
 * changes costs at most two reads and the last read is never older than the last change.
 */
export function serialised(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = load()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };
  return run;
}
