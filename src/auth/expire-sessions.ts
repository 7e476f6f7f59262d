/** Sessions past their expiry are useless (authenticate.ts refuses them); the nightly job drops them. */
import type { Db } from '../db/client.js';

export async function deleteExpiredSessions(db: Db, now: Date, organisationId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now }, ...(organisationId ? { organisationId } : {}) } });
  return count;
}
