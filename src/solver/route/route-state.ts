import type { Problem } from '../model/problem.js';
import { earliestSchedule, TIME_EPS } from '../feasibility/schedule.js';

const EPS = TIME_EPS;
/** Source of RouteState.stamp values; unique per process. */
let nextStamp = 1;

/**
 * One vehicle's route and the values kept up to date for fast insertion tests.
 *
 * Positions: 0 is the start depot, 1..stopCount are stops, stopCount + 1 is the end depot.
 * Only insertRequest, removeRequest and setStops mutate the route; each ends with recompute().
 *
 * `earliest` and `latest` are the window-only relaxation (time windows, shift window, travel chain;
 * no ride-time or duration limit). They are exact for routes without those limits and give O(1)
 * necessary conditions otherwise; `needsExactCheck` says when the exact scheduler must confirm.
 */
export class RouteState {
  readonly vehicle: number;
  /** Index = position: node id at that position (depots hold −1). */
  nodes: Int32Array;
  /** Index = position: earliest start of service reachable from the start depot. */
  earliest: Float64Array;
  /** Index = position: latest start of service that still lets the rest of the route meet its windows and the shift end. */
  latest: Float64Array;
  /**
   * Index = position i: the least ride-time slack (maxRide − shortest possible ride along the
   * route, ignoring waiting) among requests on board between position i and i + 1; Infinity when
   * none is limited. A detour inserted after position i longer than this breaks someone's ride limit.
   */
  rideSlack: Float64Array;
  /** Index = position * dims + d: load on board after service at that position. */
  load: Float64Array;
  /** Index = layout: 1 when every load after every stop fits that layout. */
  readonly layoutFits: Uint8Array;
  stopCount = 0;
  /** Number of leading stops (positions 1..lockedCount) that may not move. */
  lockedCount = 0;
  /** Count of requests on board with a finite maximum ride time. */
  rideLimitedRequests = 0;
  /** Sum of the objective matrix along the route, depots included (0 when empty). */
  routeCost = 0;
  /**
   * Content identity: a fresh unique value after every change, copied by copyFrom. Two routes
   * with the same stamp hold the same stops, so copying between them can be skipped.
   */
  stamp = 0;

  constructor(
    readonly problem: Problem,
    vehicle: number,
  ) {
    this.vehicle = vehicle;
    const capacity = 2 * problem.requestCount + 2;
    this.nodes = new Int32Array(capacity).fill(-1);
    this.earliest = new Float64Array(capacity);
    this.latest = new Float64Array(capacity);
    this.rideSlack = new Float64Array(capacity);
    this.load = new Float64Array(capacity * problem.dims);
    this.layoutFits = new Uint8Array(problem.instance.vehicles[vehicle]!.layouts.length);
    this.recompute();
  }

  get isEmpty(): boolean {
    return this.stopCount === 0;
  }

  /** True when windows alone do not decide feasibility (ride-time or duration limits apply). */
  get needsExactCheck(): boolean {
    return this.rideLimitedRequests > 0 || this.problem.maxDuration[this.vehicle]! !== Infinity;
  }

  /** Matrix location at a position (depots included). */
  locationAt(position: number): number {
    if (position === 0) return this.problem.vehicleStart[this.vehicle]!;
    if (position === this.stopCount + 1) return this.problem.vehicleEnd[this.vehicle]!;
    return this.problem.nodeLocation[this.nodes[position]!]!;
  }

  /** Total cost of the route in the objective: routing cost plus the vehicle's fixed cost when used. */
  get totalCost(): number {
    return this.stopCount === 0 ? 0 : this.routeCost + this.problem.fixedCost[this.vehicle]!;
  }

  /** Inserts request r with its pickup at new position `pickupPos` and drop-off at new position `dropoffPos`. */
  insertRequest(r: number, pickupPos: number, dropoffPos: number): void {
    const m = this.stopCount;
    const nodes = this.nodes;
    // Shift [dropoffPos-1 .. m] two to the right and [pickupPos .. dropoffPos-2] one to the right.
    for (let k = m; k >= dropoffPos - 1; k--) nodes[k + 2] = nodes[k]!;
    for (let k = dropoffPos - 2; k >= pickupPos; k--) nodes[k + 1] = nodes[k]!;
    nodes[pickupPos] = 2 * r;
    nodes[dropoffPos] = 2 * r + 1;
    this.stopCount = m + 2;
    this.recompute();
  }

  /** Position of a node in the route, or −1. */
  positionOf(node: number): number {
    for (let i = 1; i <= this.stopCount; i++) if (this.nodes[i] === node) return i;
    return -1;
  }

  /** Removes both stops of request r (which must be on this route). */
  removeRequest(r: number): void {
    const nodes = this.nodes;
    let w = 1;
    for (let i = 1; i <= this.stopCount; i++) {
      const node = nodes[i]!;
      if (node >> 1 !== r) nodes[w++] = node;
    }
    this.stopCount = w - 1;
    this.recompute();
  }

  /** Replaces the whole stop sequence (node ids, in visiting order): the first `count` of `stops`. */
  setStops(stops: ArrayLike<number>, lockedCount = this.lockedCount, count = stops.length): void {
    for (let i = 0; i < count; i++) this.nodes[i + 1] = stops[i]!;
    this.stopCount = count;
    this.lockedCount = lockedCount;
    this.recompute();
  }

  /** Copies another route of the same vehicle into this one. */
  copyFrom(other: RouteState): void {
    if (this.stamp === other.stamp) return;
    this.stamp = other.stamp;
    const m = other.stopCount;
    // Plain loops: routes are short, and subarray views would allocate on every copy.
    for (let i = 0; i <= m + 1; i++) {
      this.nodes[i] = other.nodes[i]!;
      this.earliest[i] = other.earliest[i]!;
      this.latest[i] = other.latest[i]!;
      this.rideSlack[i] = other.rideSlack[i]!;
    }
    const loads = (m + 2) * this.problem.dims;
    for (let k = 0; k < loads; k++) this.load[k] = other.load[k]!;
    this.layoutFits.set(other.layoutFits);
    this.stopCount = m;
    this.lockedCount = other.lockedCount;
    this.rideLimitedRequests = other.rideLimitedRequests;
    this.routeCost = other.routeCost;
  }

  /** Recomputes every derived array from the stop sequence. O(stops × (dims × layouts)). */
  recompute(): void {
    this.stamp = nextStamp++;
    const p = this.problem;
    const v = this.vehicle;
    const m = this.stopCount;
    const { travel, cost, size, nodeTwStart, nodeTwEnd, nodeService, nodeLoad, dims, maxRide } = p;
    const nodes = this.nodes;
    nodes[0] = -1;
    nodes[m + 1] = -1;
    // Forward: earliest starts, loads, routing cost.
    this.earliest[0] = p.shiftStart[v]!;
    let prevLoc = p.vehicleStart[v]!;
    let prevDeparture = this.earliest[0]!;
    let routeCost = 0;
    let rideLimited = 0;
    for (let d = 0; d < dims; d++) this.load[d] = 0;
    for (let i = 1; i <= m + 1; i++) {
      const node = nodes[i]!;
      const loc = i === m + 1 ? p.vehicleEnd[v]! : p.nodeLocation[node]!;
      const arrival = prevDeparture + travel[prevLoc * size + loc]!;
      const open = i === m + 1 ? -Infinity : nodeTwStart[node]!;
      const start = arrival > open ? arrival : open;
      this.earliest[i] = start;
      routeCost += cost[prevLoc * size + loc]!;
      prevDeparture = start + (i === m + 1 ? 0 : nodeService[node]!);
      prevLoc = loc;
      if (i <= m) {
        for (let d = 0; d < dims; d++) this.load[i * dims + d] = this.load[(i - 1) * dims + d]! + nodeLoad[node * dims + d]!;
        if ((node & 1) === 0 && maxRide[node >> 1]! !== Infinity) rideLimited++;
      }
    }
    for (let d = 0; d < dims; d++) this.load[(m + 1) * dims + d] = 0;
    this.routeCost = m === 0 ? 0 : routeCost;
    this.rideLimitedRequests = rideLimited;
    // Backward: latest starts.
    this.latest[m + 1] = p.shiftEnd[v]!;
    let nextLoc = p.vehicleEnd[v]!;
    for (let i = m; i >= 0; i--) {
      const node = nodes[i]!;
      const loc = i === 0 ? p.vehicleStart[v]! : p.nodeLocation[node]!;
      const service = i === 0 ? 0 : nodeService[node]!;
      const bound = this.latest[i + 1]! - travel[loc * size + nextLoc]! - service;
      const close = i === 0 ? Infinity : nodeTwEnd[node]!;
      this.latest[i] = bound < close ? bound : close;
      nextLoc = loc;
    }
    this.computeRideSlack();
    // Layouts: which ones carry the peak load in every dimension.
    const caps = p.layoutCapacity[v]!;
    for (let k = 0; k < this.layoutFits.length; k++) {
      let fits = 1;
      for (let i = 1; i <= m && fits; i++) {
        for (let d = 0; d < dims; d++) {
          if (this.load[i * dims + d]! > caps[k * dims + d]! + EPS) {
            fits = 0;
            break;
          }
        }
      }
      this.layoutFits[k] = fits;
    }
  }

  private computeRideSlack(): void {
    const p = this.problem;
    const m = this.stopCount;
    const { travel, size, nodeService, maxRide } = p;
    const slack = this.rideSlack;
    for (let i = 0; i <= m + 1; i++) slack[i] = Infinity;
    if (this.rideLimitedRequests === 0) return;
    // For each limited drop-off at b, walk back to its pickup a, summing the shortest possible ride.
    const nodes = this.nodes;
    for (let b = 1; b <= m; b++) {
      const node = nodes[b]!;
      if ((node & 1) === 0) continue;
      const limit = maxRide[node >> 1]!;
      if (limit === Infinity) continue;
      let ride = 0;
      let a = b - 1;
      for (; a >= 1 && nodes[a] !== node - 1; a--) {
        ride += travel[p.nodeLocation[nodes[a]!]! * size + p.nodeLocation[nodes[a + 1]!]!]! + nodeService[nodes[a]!]!;
      }
      if (a < 1) continue;
      ride += travel[p.nodeLocation[nodes[a]!]! * size + p.nodeLocation[nodes[a + 1]!]!]!;
      const left = limit - ride;
      for (let i = a; i < b; i++) if (left < slack[i]!) slack[i] = left;
    }
  }

  /** Index of the first layout that fits the whole route, or −1. */
  chosenLayout(): number {
    for (let k = 0; k < this.layoutFits.length; k++) if (this.layoutFits[k]) return k;
    return -1;
  }

  /** Whether the window-only relaxation holds at every position. */
  windowsHold(): boolean {
    for (let i = 0; i <= this.stopCount + 1; i++) {
      if (!(this.earliest[i]! <= this.latest[i]! + EPS)) return false;
    }
    return true;
  }

  /** Exact feasibility of the current route: windows, capacity, ride times, shift, duration. */
  isFeasible(scratch: Float64Array): boolean {
    if (this.chosenLayout() < 0) return false;
    if (!this.windowsHold()) return false;
    if (!this.needsExactCheck) return true;
    return earliestSchedule(this.problem, this.vehicle, this.nodes, this.stopCount, scratch);
  }
}
