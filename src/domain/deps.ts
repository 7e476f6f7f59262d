import type { Db } from '../db/client.js';

/** What use cases need from the outside, passed explicitly (no globals). */
export interface DomainDeps {
  readonly db: Db;
  /** Injected so tests can fix "now". */
  readonly now: () => Date;
}
