/**
 * The last pickup window each ride's client was told: a message sent, or recorded and waiting to
 * go (a message that failed or had no recipient told nobody). Wall-clock minutes of the day.
 */
import type { Db, Tx } from '../../db/client.js';
import { formatMinutes } from '../common/time.js';

export interface ToldWindow {
  readonly fromMin: number;
  readonly toMin: number;
}

export async function lastToldWindows(db: Db | Tx, organisationId: string, rideIds: readonly string[]): Promise<Map<string, ToldWindow>> {
  const out = new Map<string, ToldWindow>();
  if (rideIds.length === 0) return out;
  const rows = await db.notification.findMany({
    where: { organisationId, rideId: { in: [...rideIds] }, status: { in: ['PENDING', 'SENT'] } },
    orderBy: { createdAt: 'desc' },
    select: { rideId: true, windowFromMin: true, windowToMin: true },
  });
  for (const n of rows) if (!out.has(n.rideId)) out.set(n.rideId, { fromMin: n.windowFromMin, toMin: n.windowToMin });
  return out;
}

/** A told window as the views show it ("HH:MM"), null when never told. */
export const toldWindowText = (w: ToldWindow | undefined | null): { from: string; to: string } | null =>
  w ? { from: formatMinutes(w.fromMin), to: formatMinutes(w.toMin) } : null;
