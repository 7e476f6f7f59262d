/**
 * The server's clock in a test that lives through a service day: booking and planning happen the
 * day before, then the clock moves to the hours of the day (a driver's report cannot be dated
 * before its ride's day or ahead of the clock, D31). Back at `start` before each test of the file.
 */
import { beforeEach } from 'vitest';

export interface TestClock {
  /** For createTestContext({ now: clock.now }). */
  readonly now: () => Date;
  /** Moves the clock to `at`: forwards or back. */
  set(at: Date | string): void;
  /** Moves the clock forwards to `at` if it is later (a phone reporting as things happen). */
  reach(at: Date | string): void;
}

export function testClock(start: string): TestClock {
  let current = new Date(start);
  beforeEach(() => {
    current = new Date(start);
  });
  return {
    now: () => current,
    set(at) {
      current = new Date(at);
    },
    reach(at) {
      const d = new Date(at);
      if (d > current) current = d;
    },
  };
}
