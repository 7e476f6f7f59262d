/**
 * The solver's problem data. Built once at the boundary (domain/plan for the service,
 * the benchmark readers for Cordeau and Li & Lim files) and never mutated afterwards.
 *
 * Units are the caller's: the service uses seconds since the service day's midnight for times
 * and seconds / metres in the matrices; benchmark files keep their own units in double precision.
 * Ids are dense integers: request r is `requests[r]`, vehicle v is `vehicles[v]`,
 * location l is row/column l of the matrices.
 */

/** One stop of a request (its pickup or its drop-off). */
export interface StopSpec {
  /** Row/column of the travel matrices. */
  readonly location: number;
  /** Earliest start of service. */
  readonly twStart: number;
  /** Latest start of service. */
  readonly twEnd: number;
  /** Time spent at the stop (boarding, alighting); service starts within the window and lasts this long. */
  readonly serviceTime: number;
}

/** A transport request: one pickup, one drop-off, served by one vehicle, pickup first. */
export interface Request {
  readonly pickup: StopSpec;
  readonly dropoff: StopSpec;
  /** Load per dimension (e.g. [seats, wheelchairPlaces]); length = Instance.loadDimensions. */
  readonly load: readonly number[];
  /**
   * Maximum ride time: start of service at the drop-off − end of service at the pickup
   * (Cordeau's convention). Infinity when unconstrained.
   */
  readonly maxRideTime: number;
  /** Weight of serving this request; unassigned cost = priority × Instance.unassignedPenalty. */
  readonly priority: number;
  /** When set, only this vehicle may serve the request. */
  readonly pinnedVehicle?: number;
}

/**
 * A stop the vehicle must keep, in this order, at the start of its route (stops already
 * driven or locked by the dispatcher). Locked stops are given as (request, kind) pairs.
 */
export interface LockedStop {
  readonly request: number;
  readonly kind: 'pickup' | 'dropoff';
}

export interface Vehicle {
  readonly startLocation: number;
  readonly endLocation: number;
  /** Earliest departure from the start depot. */
  readonly shiftStart: number;
  /** Latest arrival at the end depot. */
  readonly shiftEnd: number;
  /** Maximum route duration (arrival at end − departure from start). Infinity when unconstrained. */
  readonly maxDuration: number;
  /**
   * Alternative seat layouts; one is chosen per route. Each layout has one capacity per load
   * dimension. A minibus: [[8, 0], [4, 2]] (8 seats, or 4 seats + 2 wheelchair places).
   */
  readonly layouts: readonly (readonly number[])[];
  /** Cost added when the vehicle serves at least one request. */
  readonly fixedCost: number;
  /** Stops that keep their order at the head of this route (re-planning during the day). */
  readonly lockedStops?: readonly LockedStop[];
}

export interface Instance {
  readonly loadDimensions: number;
  readonly requests: readonly Request[];
  readonly vehicles: readonly Vehicle[];
  /** Number of locations; matrices are size × size, row-major: m[from * size + to]. */
  readonly size: number;
  /** Travel time between locations. Infinity (or NaN) = no route. */
  readonly durations: Float64Array;
  /** Travel distance between locations. Infinity (or NaN) = no route. */
  readonly distances: Float64Array;
  /** What the routing cost minimises after the number of served requests. */
  readonly objective: 'duration' | 'distance';
  /** Cost of leaving one unit of priority unserved; larger than any route cost. */
  readonly unassignedPenalty: number;
}
