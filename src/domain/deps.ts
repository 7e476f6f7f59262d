import type { Db } from '../db/client.js';
import type { TravelTimeProvider } from '../routing/types.js';

/** What use cases need from the outside, passed explicitly (no globals). */
export interface DomainDeps {
  readonly db: Db;
  /** Injected so tests can fix "now". */
  readonly now: () => Date;
  /** Travel times for live plan edits (the API); the worker passes its own to the planner. */
  readonly travelTimes?: TravelTimeProvider | undefined;
  /**
   * What the configured notification channel sends to (NOTIFY_CHANNEL: email → 'email', else
   * 'phone'): a notification's recipient is chosen when it is recorded. Default 'phone'.
   */
  readonly notifyBy?: 'phone' | 'email' | undefined;
}
