/** What the solver returns. Every route in it is feasible; infeasible requests are unassigned with a reason. */

export interface PlannedStop {
  readonly request: number;
  readonly kind: 'pickup' | 'dropoff';
  /** Arrival time at the stop. */
  readonly arrival: number;
  /** Start of service (≥ arrival, within the stop's window). */
  readonly serviceStart: number;
  /** Departure (service start + service time). */
  readonly departure: number;
  /** Load on board after the stop, per dimension. */
  readonly loadAfter: readonly number[];
}

export interface PlannedRoute {
  readonly vehicle: number;
  /** Index into vehicle.layouts of the layout this route uses. */
  readonly layout: number;
  /** Departure from the start depot. */
  readonly start: number;
  /** Arrival at the end depot. */
  readonly end: number;
  readonly stops: readonly PlannedStop[];
  /** Sum of matrix distances along the route, depots included. */
  readonly distance: number;
  /** Sum of matrix durations along the route (driving only). */
  readonly travelTime: number;
}

/**
 * Why a request could not be placed, most specific first:
 * - `unreachable`: no route in the matrix between a needed pair of locations;
 * - `capacity`: no vehicle layout can carry the load at all (e.g. a wheelchair and no wheelchair place);
 * - `pinned`: the request is pinned to a vehicle that cannot serve it;
 * - `maxRideTime`: even the direct ride exceeds the maximum ride time;
 * - `shift`: no vehicle's shift (or maximum duration) can cover the request, even alone: too short,
 *   or the pickup window lies wholly outside it (a ride at 05:30 or 17:00);
 * - `shiftEnd`: a vehicle serving only this request would be in time, but not done before its shift ends;
 * - `timeWindow`: the windows cannot be met even by a vehicle serving only this request;
 * - `busy`: a vehicle could serve it alone, but no route has room for it in time: every vehicle
 *   that could carry it is taken by other requests then;
 * - `full`: as `busy`, but some such vehicle could fit it in time between its stops and has no
 *   free places then (its load is what keeps the request out). Told apart from `busy` only with
 *   the routes (explainWaiting); explainUnassigned alone answers `busy` for both.
 */
export type UnassignedReason =
  | 'unreachable'
  | 'capacity'
  | 'pinned'
  | 'maxRideTime'
  | 'shift'
  | 'shiftEnd'
  | 'timeWindow'
  | 'busy'
  | 'full';

export interface UnassignedRequest {
  readonly request: number;
  readonly reason: UnassignedReason;
}

export interface Solution {
  readonly routes: readonly PlannedRoute[];
  readonly unassigned: readonly UnassignedRequest[];
  /** Objective value: unassigned penalties + routing cost + fixed costs. */
  readonly cost: number;
  readonly distance: number;
  readonly travelTime: number;
}

/** Progress report for callers (the plan worker publishes it as job progress). */
export interface SolveProgress {
  readonly iteration: number;
  /** Elapsed time in seconds as told by the injected clock. */
  readonly elapsedSec: number;
  readonly bestCost: number;
  readonly bestUnassigned: number;
  /** 0..1, fraction of the time or iteration budget used. */
  readonly fraction: number;
}

/** One vehicle's route of an earlier plan of (nearly) the same day, to start the search from. */
export interface InitialRoute {
  readonly vehicle: number;
  /** Visit order; a request's pickup comes before its drop-off. Locked stops may be listed or left out. */
  readonly stops: readonly { readonly request: number; readonly kind: 'pickup' | 'dropoff' }[];
}

export interface SolveOptions {
  readonly seed?: number;
  /**
   * Start from these routes instead of an empty plan (e.g. a re-solve of the same day with a few
   * requests fewer): each is kept when still feasible behind its vehicle's locked stops, and what
   * is not kept is inserted as usual. The search is the same afterwards; it returns the start
   * itself unless it finds better.
   */
  readonly initialRoutes?: readonly InitialRoute[];
  /** Wall-clock budget in seconds, measured with `now`. */
  readonly timeLimitSec?: number;
  readonly maxIterations?: number;
  /** Monotonic clock in milliseconds, injected so the solver has no hidden inputs. */
  readonly now?: () => number;
  readonly onProgress?: (progress: SolveProgress) => void;
}
