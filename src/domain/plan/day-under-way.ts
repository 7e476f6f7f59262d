/**
 * Two rules for planning a day that has begun or whose clients have been told (pure):
 * nothing is planned before now, and no client told a pickup window is asked to be ready earlier.
 */
import type { Instance } from '../../solver/model/instance.js';
import type { UnassignedCode } from './unassigned-reason.js';

/**
 * A plan made after the day began (the first plan of today, made at 08:20) starts every vehicle
 * no earlier than now: before, it planned pickups at 07:36 and drivers could do nothing with them.
 * A ride whose window has passed is then left unplaced with its reason. Vehicles with a route
 * already driven are anchored by the live re-plan (liveRouteOf) and passed through here unchanged.
 */
export function notBeforeNow(instance: Instance, nowSec: number): Instance {
  return {
    ...instance,
    vehicles: instance.vehicles.map((v) => ({ ...v, shiftStart: Math.min(Math.max(v.shiftStart, nowSec), v.shiftEnd) })),
  };
}

/** Half the rounding of a told window's centre (pickupWindowOf rounds to 5 minutes). */
const ROUNDING_SEC = 150;

/**
 * A client told "odbiór między 09:25 a 09:55" is never told an earlier window by a re-plan: the
 * pickup may not be planned before the told window's centre (less half its rounding, so the new
 * window does not start earlier). Later stays possible. `toldCentreMin` maps request → centre of
 * the last window told, in minutes; on-board requests are left out by the caller.
 */
export function keepToldPickups(instance: Instance, toldCentreMin: ReadonlyMap<number, number>): Instance {
  if (toldCentreMin.size === 0) return instance;
  return {
    ...instance,
    requests: instance.requests.map((req, r) => {
      const centre = toldCentreMin.get(r);
      if (centre === undefined) return req;
      const earliest = Math.min(Math.max(req.pickup.twStart, centre * 60 - ROUNDING_SEC), req.pickup.twEnd);
      return earliest === req.pickup.twStart ? req : { ...req, pickup: { ...req.pickup, twStart: earliest } };
    }),
  };
}

/** Reasons the optimiser gives for a ride no vehicle could reach in time, or in a shift. */
const TIMING_REASONS: ReadonlySet<UnassignedCode> = new Set(['shift', 'shiftEnd', 'timeWindow', 'busy', 'full']);

/**
 * A ride left out because its pickup window closed before the day was planned gets that as its
 * reason. Under notBeforeNow the optimiser said "no driver's shift covers 07:30–08:00", which
 * sent the dispatcher to the shifts for a ride that was simply too late.
 */
export function reasonOnTheDay(code: UnassignedCode, pickupEndSec: number, nowSec: number | null): UnassignedCode {
  return nowSec !== null && pickupEndSec < nowSec && TIMING_REASONS.has(code) ? 'passed' : code;
}
