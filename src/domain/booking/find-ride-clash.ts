/**
 * One client cannot be in two rides at once (issue #5). The one check behind one-off bookings
 * (book-ride.ts) and the days a weekly pattern makes (materialise-recurring-rides.ts), so a pattern
 * cannot book a client twice where a one-off booking would be refused.
 */
import type { FieldError } from '../../errors.js';
import type { Db, Tx } from '../../db/client.js';
import { toDbDate } from '../common/time.js';
import { estimateLeg } from '../../routing/estimate.js';
import { busyInterval, describeInterval, overlaps } from './booking.rules.js';
import { CANCELLED_STATUSES } from './ride.rules.js';

/** A wanted ride: the field it comes from and when it keeps the client busy (busyInterval). */
export interface WantedInterval {
  readonly path: string;
  readonly interval: [number, number];
}

/** The minutes a ride between two places takes, for clash checks (see findRideClash). */
export function directMinutes(from: { lat: number; lon: number }, to: { lat: number; lon: number }): number {
  return estimateLeg(from, to).durationSec / 60;
}

/**
 * The client's other rides that day (not cancelled) against the wanted times; the first clash as a
 * field error on the wanted ride's field, or null. Travel time is the built-in estimate: booking
 * must not wait for OSRM, and the check only has to catch clashes. Callers that write hold the
 * client's advisory lock (lockClientBookings) so two bookings sent together cannot both pass.
 */
export async function findRideClash(
  db: Db | Tx,
  organisationId: string,
  clientId: string,
  date: string,
  wanted: readonly WantedInterval[],
  /** A ride being changed does not clash with itself. */
  exceptRideId?: string,
): Promise<FieldError | null> {
  const others = await db.ride.findMany({
    where: {
      organisationId, clientId, serviceDate: toDbDate(date), status: { notIn: [...CANCELLED_STATUSES] },
      ...(exceptRideId ? { id: { not: exceptRideId } } : {}),
    },
    include: { fromPlace: true, toPlace: true },
    orderBy: [{ timeMin: 'asc' }, { id: 'asc' }],
  });
  const busy = others.map((o) => ({ interval: busyInterval(o, directMinutes(o.fromPlace, o.toPlace)), to: o.toPlace.name }));
  // The wanted rides in their order (the outbound first), so the field named is the first that clashes.
  for (const w of wanted) {
    const hit = busy.find((b) => overlaps(w.interval, b.interval));
    if (hit) {
      return {
        path: w.path,
        message: `klient ma już przejazd w tym czasie (${describeInterval(hit.interval)}, do: ${hit.to})`,
        messageEn: `the client already has a ride at that time (${describeInterval(hit.interval)}, to: ${hit.to})`,
      };
    }
  }
  return null;
}

/** Serialises one client's bookings until the transaction ends. */
export async function lockClientBookings(tx: Tx, clientId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${clientId}))`;
}
