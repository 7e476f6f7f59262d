/**
 * Pure rules that turn a booking into what the optimiser needs: load, boarding times, time
 * windows and the maximum ride time. Times in seconds after the service day's midnight.
 */
import type { HelpLevel, Mobility } from './client.schema.js';
import type { RideStatus } from './ride.schema.js';

/**
 * A cancelled ride, in time or after the cut-off (D29): both are gone from plans, manifests and
 * overlap checks alike; only the report tells them apart.
 */
export const CANCELLED_STATUSES = ['CANCELLED', 'LATE_CANCELLED'] as const satisfies readonly RideStatus[];
export const isCancelled = (status: string): boolean => status === 'CANCELLED' || status === 'LATE_CANCELLED';

/** Still to be served: waiting for approval, approved, or in the day's plan (the missed-rides job closes the ones whose day ended). */
export const UNSERVED_STATUSES = ['REQUESTED', 'APPROVED', 'SCHEDULED'] as const satisfies readonly RideStatus[];

export interface RideRules {
  /** An appointment may be reached up to this early (arrive-by rides). */
  readonly arriveEarlyToleranceSec: number;
  /** A depart-after ride may be picked up up to this late. */
  readonly pickupLateToleranceSec: number;
  /** Maximum ride time = direct × factor + slack, at most direct + cap (issue #5 makes these per organisation). */
  readonly maxRideFactor: number;
  readonly maxRideSlackSec: number;
  readonly maxRideCapExtraSec: number;
}

export const defaultRideRules: RideRules = {
  arriveEarlyToleranceSec: 30 * 60,
  pickupLateToleranceSec: 30 * 60,
  maxRideFactor: 1.5,
  maxRideSlackSec: 15 * 60,
  maxRideCapExtraSec: 60 * 60,
};

/** Load per dimension [seats, wheelchair places]: a wheelchair user rides in a wheelchair place; an assistant takes a seat. */
export function rideLoad(ride: { wheelchair: boolean; assistant: boolean }): [number, number] {
  return [(ride.wheelchair ? 0 : 1) + (ride.assistant ? 1 : 0), ride.wheelchair ? 1 : 0];
}

/**
 * Time to board or alight: a wheelchair on the lift takes longest, a transfer from the chair to a
 * seat or a walker takes longer than walking; help from the flat's door (door-to-door) or into
 * someone's hands (hand-to-hand) adds the walk to and from the vehicle; an assistance dog, a minute.
 */
export function boardingTimeSec(
  mobility: Mobility,
  wheelchair: boolean,
  profile: { helpLevel?: HelpLevel; assistanceDog?: boolean } = {},
): number {
  const base = wheelchair ? 5 * 60 : mobility === 'WHEELCHAIR_TRANSFER' ? 4 * 60 : mobility === 'WALKER' ? 3 * 60 : 2 * 60;
  const help = profile.helpLevel === 'HAND_TO_HAND' ? 5 * 60 : profile.helpLevel === 'DOOR_TO_DOOR' ? 3 * 60 : 0;
  return base + help + (profile.assistanceDog ? 60 : 0);
}

export function maxRideTimeSec(directSec: number, rules: RideRules = defaultRideRules): number {
  return Math.min(directSec * rules.maxRideFactor + rules.maxRideSlackSec, directSec + rules.maxRideCapExtraSec);
}

export interface RideWindows {
  readonly pickup: readonly [number, number];
  readonly dropoff: readonly [number, number];
  readonly maxRideSec: number;
}

/**
 * Windows on the start of service. Arrive-by: the drop-off lies in [appointment − tolerance,
 * appointment], the pickup early enough to make it. Depart-after: the pickup lies in
 * [time, time + tolerance], the drop-off within the maximum ride time after it. The optimiser
 * enforces the maximum ride time itself, so the far side's window only bounds the search.
 */
export function rideWindows(
  mode: 'ARRIVE_BY' | 'DEPART_AFTER',
  timeSec: number,
  directSec: number,
  pickupServiceSec: number,
  rules: RideRules = defaultRideRules,
): RideWindows {
  const maxRideSec = maxRideTimeSec(directSec, rules);
  if (mode === 'ARRIVE_BY') {
    const dropoff = [timeSec - rules.arriveEarlyToleranceSec, timeSec] as const;
    return {
      pickup: [dropoff[0] - maxRideSec - pickupServiceSec, timeSec - directSec - pickupServiceSec],
      dropoff,
      maxRideSec,
    };
  }
  const pickup = [timeSec, timeSec + rules.pickupLateToleranceSec] as const;
  return {
    pickup,
    dropoff: [timeSec + pickupServiceSec + directSec, pickup[1] + pickupServiceSec + maxRideSec],
    maxRideSec,
  };
}
