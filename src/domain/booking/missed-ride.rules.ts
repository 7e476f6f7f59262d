/**
 * Why a ride whose service day ended unserved is MISSED (issue #5), pure: the history entry says
 * what stopped it, in Polish and English, so the centre can read its unmet need ride by ride.
 */
import type { RideStatus } from './ride.schema.js';

export interface UnassignedReason {
  readonly pl: string;
  readonly en: string;
}

export function missedReason(status: RideStatus, unassigned: UnassignedReason | null): string {
  if (unassigned) return `nieobsłużony: plan dnia go nie przydzielił (${unassigned.pl}) / not served: the day's plan left it unassigned (${unassigned.en})`;
  switch (status) {
    case 'REQUESTED':
      return 'nieobsłużony: do końca dnia czekał na zatwierdzenie / not served: still awaiting approval when its day ended';
    case 'SCHEDULED':
      return 'nieobsłużony: pojazd nie zgłosił odbioru ani nieobecności / not served: the vehicle reported neither a pickup nor a no-show';
    default:
      return 'nieobsłużony: nie było go w planie dnia / not served: it was in no plan of its day';
  }
}
