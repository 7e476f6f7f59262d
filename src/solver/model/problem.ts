import type { Instance } from './instance.js';

/**
 * The solver's internal, precomputed view of an Instance: flat typed arrays indexed by dense ids,
 * so the hot loops read numbers instead of chasing objects.
 *
 * Node ids: request r has its pickup at node 2r and its drop-off at node 2r + 1.
 * Depots are not nodes; a route reads them from the vehicle arrays.
 */
export interface Problem {
  readonly instance: Instance;
  readonly requestCount: number;
  readonly vehicleCount: number;
  readonly dims: number;
  /** Number of matrix locations. */
  readonly size: number;
  /** Travel time location→location, row-major [from * size + to]; NaN replaced by Infinity. */
  readonly travel: Float64Array;
  /** What the objective sums along routes (durations or distances), same layout, NaN → Infinity. */
  readonly cost: Float64Array;
  /** Distances, same layout (for reporting). */
  readonly distance: Float64Array;

  /** Index = node id: matrix location of the node. */
  readonly nodeLocation: Int32Array;
  /**
   * Index = node id: earliest start of service, tightened by the implied bounds of the request's
   * other stop (see tightenWindows); every feasible schedule meets it, and it lies within the
   * caller's window.
   */
  readonly nodeTwStart: Float64Array;
  /** Index = node id: latest start of service, tightened likewise. */
  readonly nodeTwEnd: Float64Array;
  /** Index = node id: service duration. */
  readonly nodeService: Float64Array;
  /** Index = node * dims + d: load change at the node in dimension d (+ at pickup, − at drop-off). */
  readonly nodeLoad: Float64Array;

  /** Index = request: maximum ride time (Infinity = unconstrained). */
  readonly maxRide: Float64Array;
  /** Index = request: priority × unassignedPenalty, the cost of leaving it unserved. */
  readonly unassignedCost: Float64Array;
  /** Index = request: the only vehicle allowed to serve it, or −1. */
  readonly pinnedVehicle: Int32Array;
  /** Index = request: vehicle whose locked stops contain it (it may never move), or −1. */
  readonly lockedVehicle: Int32Array;

  /** Index = vehicle: start depot location. */
  readonly vehicleStart: Int32Array;
  /** Index = vehicle: end depot location. */
  readonly vehicleEnd: Int32Array;
  /** Index = vehicle: earliest departure from the start depot. */
  readonly shiftStart: Float64Array;
  /** Index = vehicle: latest arrival at the end depot. */
  readonly shiftEnd: Float64Array;
  /** Index = vehicle: maximum route duration (Infinity = unconstrained). */
  readonly maxDuration: Float64Array;
  /** Index = vehicle: cost of using the vehicle at all. */
  readonly fixedCost: Float64Array;
  /** Index = vehicle: its layouts' capacities, flat, [layout * dims + d]. */
  readonly layoutCapacity: readonly Float64Array[];
  /** Index = vehicle: node ids of its locked stops, in their fixed order. */
  readonly lockedNodes: readonly Int32Array[];
  /**
   * Index = vehicle: class id; vehicles of one class are interchangeable when empty (same depots,
   * shift, duration, layouts, fixed cost, no locked stops), so insertion tries one empty route per class.
   */
  readonly vehicleClass: Int32Array;
  /**
   * Index = r * vehicleCount + v: 0 when vehicle v can never serve request r, whatever else it
   * carries: no layout takes the load, or a window lies outside the shift (see computeVehicleFits).
   * Lets the insertion tests skip such pairs in O(1); 1 does not promise a feasible insertion.
   */
  readonly vehicleFits: Uint8Array;
  /**
   * True when travel times are known to satisfy the triangle inequality, so that removing a stop
   * can never make a route infeasible. Checked only for small matrices (O(size³)); false otherwise.
   */
  readonly isTriangleSafe: boolean;
}

/** Node id of request r's pickup / drop-off and back. */
export const pickupNode = (r: number): number => 2 * r;
export const dropoffNode = (r: number): number => 2 * r + 1;
export const requestOfNode = (node: number): number => node >> 1;
export const isPickupNode = (node: number): boolean => (node & 1) === 0;

/** Largest matrix whose triangle inequality is verified (about 15 million comparisons). */
const MAX_TRIANGLE_CHECK_SIZE = 250;

function satisfiesTriangleInequality(travel: Float64Array, size: number): boolean {
  for (let a = 0; a < size; a++) {
    for (let x = 0; x < size; x++) {
      const ax = travel[a * size + x]!;
      for (let b = 0; b < size; b++) {
        if (travel[a * size + b]! > ax + travel[x * size + b]! + 1e-9) return false;
      }
    }
  }
  return true;
}

function sanitise(matrix: Float64Array): Float64Array {
  const out = new Float64Array(matrix.length);
  for (let k = 0; k < matrix.length; k++) {
    const v = matrix[k]!;
    out[k] = Number.isNaN(v) ? Infinity : v;
  }
  return out;
}

function fail(message: string): never {
  // A malformed instance is a programmer error at the boundary, not an infeasible request.
  throw new Error(`Invalid solver instance: ${message}`);
}

/** Validates the instance (throws on programmer errors) and precomputes the flat arrays. */
export function buildProblem(instance: Instance): Problem {
  const { requests, vehicles, size, loadDimensions: dims } = instance;
  if (!Number.isInteger(dims) || dims < 0) fail('loadDimensions must be a non-negative integer');
  if (instance.durations.length !== size * size) fail('durations must be size × size');
  if (instance.distances.length !== size * size) fail('distances must be size × size');
  const n = requests.length;
  const nodeLocation = new Int32Array(2 * n);
  const nodeTwStart = new Float64Array(2 * n);
  const nodeTwEnd = new Float64Array(2 * n);
  const nodeService = new Float64Array(2 * n);
  const nodeLoad = new Float64Array(2 * n * dims);
  const maxRide = new Float64Array(n);
  const unassignedCost = new Float64Array(n);
  const pinnedVehicle = new Int32Array(n).fill(-1);
  const lockedVehicle = new Int32Array(n).fill(-1);
  const checkLocation = (l: number, what: string): void => {
    if (!Number.isInteger(l) || l < 0 || l >= size) fail(`${what}: location ${l} outside 0..${size - 1}`);
  };
  requests.forEach((req, r) => {
    if (req.load.length !== dims) fail(`request ${r}: load has ${req.load.length} dimensions, expected ${dims}`);
    const stops = [req.pickup, req.dropoff];
    for (let k = 0; k < 2; k++) {
      const s = stops[k]!;
      checkLocation(s.location, `request ${r}`);
      const node = 2 * r + k;
      nodeLocation[node] = s.location;
      nodeTwStart[node] = s.twStart;
      nodeTwEnd[node] = s.twEnd;
      nodeService[node] = s.serviceTime;
      if (!(s.serviceTime >= 0)) fail(`request ${r}: negative service time`);
    }
    for (let d = 0; d < dims; d++) {
      const q = req.load[d]!;
      if (!(q >= 0)) fail(`request ${r}: load must be ≥ 0`);
      nodeLoad[2 * r * dims + d] = q;
      nodeLoad[(2 * r + 1) * dims + d] = -q;
    }
    maxRide[r] = Number.isNaN(req.maxRideTime) ? Infinity : req.maxRideTime;
    unassignedCost[r] = req.priority * instance.unassignedPenalty;
    if (req.pinnedVehicle !== undefined) {
      if (!Number.isInteger(req.pinnedVehicle) || req.pinnedVehicle < 0 || req.pinnedVehicle >= vehicles.length) {
        fail(`request ${r}: pinned to unknown vehicle ${req.pinnedVehicle}`);
      }
      pinnedVehicle[r] = req.pinnedVehicle;
    }
  });

  const m = vehicles.length;
  const vehicleStart = new Int32Array(m);
  const vehicleEnd = new Int32Array(m);
  const shiftStart = new Float64Array(m);
  const shiftEnd = new Float64Array(m);
  const maxDuration = new Float64Array(m);
  const fixedCost = new Float64Array(m);
  const layoutCapacity: Float64Array[] = [];
  const lockedNodes: Int32Array[] = [];
  vehicles.forEach((veh, v) => {
    checkLocation(veh.startLocation, `vehicle ${v}`);
    checkLocation(veh.endLocation, `vehicle ${v}`);
    vehicleStart[v] = veh.startLocation;
    vehicleEnd[v] = veh.endLocation;
    shiftStart[v] = veh.shiftStart;
    shiftEnd[v] = veh.shiftEnd;
    maxDuration[v] = Number.isNaN(veh.maxDuration) ? Infinity : veh.maxDuration;
    fixedCost[v] = veh.fixedCost;
    if (veh.layouts.length === 0) fail(`vehicle ${v}: needs at least one layout`);
    const caps = new Float64Array(veh.layouts.length * dims);
    veh.layouts.forEach((layout, k) => {
      if (layout.length !== dims) fail(`vehicle ${v}: layout ${k} has ${layout.length} dimensions, expected ${dims}`);
      for (let d = 0; d < dims; d++) caps[k * dims + d] = layout[d]!;
    });
    layoutCapacity.push(caps);
    const locked = veh.lockedStops ?? [];
    const nodes = new Int32Array(locked.length);
    const seen = new Set<number>();
    locked.forEach((stop, k) => {
      if (!Number.isInteger(stop.request) || stop.request < 0 || stop.request >= n) {
        fail(`vehicle ${v}: locked stop of unknown request ${stop.request}`);
      }
      const node = stop.kind === 'pickup' ? pickupNode(stop.request) : dropoffNode(stop.request);
      if (seen.has(node)) fail(`vehicle ${v}: locked stop listed twice`);
      if (stop.kind === 'dropoff' && !seen.has(pickupNode(stop.request))) {
        fail(`vehicle ${v}: locked drop-off of request ${stop.request} without its pickup locked before it`);
      }
      const owner = lockedVehicle[stop.request]!;
      if (owner !== -1 && owner !== v) fail(`request ${stop.request} locked on two vehicles`);
      lockedVehicle[stop.request] = v;
      seen.add(node);
      nodes[k] = node;
    });
    lockedNodes.push(nodes);
  });
  for (let r = 0; r < n; r++) {
    const owner = lockedVehicle[r]!;
    if (owner !== -1 && pinnedVehicle[r] !== -1 && pinnedVehicle[r] !== owner) {
      fail(`request ${r} pinned to vehicle ${pinnedVehicle[r]} but locked on vehicle ${owner}`);
    }
  }

  const vehicleClass = new Int32Array(m);
  const classes = new Map<string, number>();
  vehicles.forEach((veh, v) => {
    const key =
      (veh.lockedStops?.length ?? 0) > 0
        ? `locked:${v}`
        : JSON.stringify([veh.startLocation, veh.endLocation, veh.shiftStart, veh.shiftEnd, veh.maxDuration, veh.layouts, veh.fixedCost]);
    let id = classes.get(key);
    if (id === undefined) {
      id = classes.size;
      classes.set(key, id);
    }
    vehicleClass[v] = id;
  });

  const travel = sanitise(instance.durations);
  tightenWindows(n, size, travel, nodeLocation, nodeTwStart, nodeTwEnd, nodeService, maxRide);
  const distance = sanitise(instance.distances);
  const vehicleFits = computeVehicleFits(n, m, dims, nodeLoad, nodeTwStart, nodeTwEnd, nodeService, layoutCapacity, shiftStart, shiftEnd);
  return {
    instance,
    requestCount: n,
    vehicleCount: m,
    dims,
    size,
    travel,
    distance,
    cost: instance.objective === 'distance' ? distance : travel,
    nodeLocation,
    nodeTwStart,
    nodeTwEnd,
    nodeService,
    nodeLoad,
    maxRide,
    unassignedCost,
    pinnedVehicle,
    lockedVehicle,
    vehicleStart,
    vehicleEnd,
    shiftStart,
    shiftEnd,
    maxDuration,
    fixedCost,
    layoutCapacity,
    lockedNodes,
    vehicleClass,
    vehicleFits,
    isTriangleSafe: size <= MAX_TRIANGLE_CHECK_SIZE && satisfiesTriangleInequality(travel, size),
  };
}

/**
 * Which vehicles could ever serve which requests, from facts no route can change: the load must
 * fit one of the vehicle's layouts, the pickup's window must not close before the shift starts,
 * and the drop-off's service must be able to end before the shift ends. Travel to and from the
 * depots is left out on purpose: a road matrix may break the triangle inequality, so a detour via
 * other stops could in principle be quicker than the direct leg, and this table must never forbid
 * a feasible insertion. On a regional day (four shifts, cars without wheelchair places) it rules
 * out about a third of the pairs.
 */
function computeVehicleFits(
  n: number,
  m: number,
  dims: number,
  nodeLoad: Float64Array,
  twStart: Float64Array,
  twEnd: Float64Array,
  service: Float64Array,
  layoutCapacity: readonly Float64Array[],
  shiftStart: Float64Array,
  shiftEnd: Float64Array,
): Uint8Array {
  const EPS = 1e-9;
  const fits = new Uint8Array(n * m);
  for (let r = 0; r < n; r++) {
    const pn = 2 * r;
    const dn = pn + 1;
    for (let v = 0; v < m; v++) {
      if (twEnd[pn]! < shiftStart[v]! - EPS || twStart[dn]! + service[dn]! > shiftEnd[v]! + EPS) continue;
      const caps = layoutCapacity[v]!;
      const layouts = dims === 0 ? 1 : caps.length / dims;
      let carried = false;
      for (let k = 0; k < layouts && !carried; k++) {
        carried = true;
        for (let d = 0; d < dims; d++) {
          if (nodeLoad[pn * dims + d]! > caps[k * dims + d]! + EPS) {
            carried = false;
            break;
          }
        }
      }
      if (carried) fits[r * m + v] = 1;
    }
  }
  return fits;
}

/**
 * Narrows each stop's window to the times a feasible schedule can use (Cordeau 2006): the drop-off
 * starts at least a direct ride after the pickup and at most a maximum ride after it, so
 *   e_d ≥ e_p + s_p + t_pd,  l_d ≤ l_p + s_p + L,  e_p ≥ e_d − L − s_p,  l_p ≤ l_d − t_pd − s_p.
 * Tighter windows make the O(1) insertion filters much sharper; they never exclude a feasible
 * schedule. An empty window (start > end) marks a request that cannot be served at all.
 */
function tightenWindows(
  n: number,
  size: number,
  travel: Float64Array,
  nodeLocation: Int32Array,
  twStart: Float64Array,
  twEnd: Float64Array,
  service: Float64Array,
  maxRide: Float64Array,
): void {
  for (let r = 0; r < n; r++) {
    const p = 2 * r;
    const d = p + 1;
    const direct = travel[nodeLocation[p]! * size + nodeLocation[d]!]!;
    if (!Number.isFinite(direct)) continue;
    const limit = maxRide[r]!;
    for (let round = 0; round < 2; round++) {
      twStart[d] = Math.max(twStart[d]!, twStart[p]! + service[p]! + direct);
      twEnd[p] = Math.min(twEnd[p]!, twEnd[d]! - direct - service[p]!);
      if (limit !== Infinity) {
        twEnd[d] = Math.min(twEnd[d]!, twEnd[p]! + service[p]! + limit);
        twStart[p] = Math.max(twStart[p]!, twStart[d]! - limit - service[p]!);
      }
    }
  }
}

/** The largest finite entry of the cost matrix: the scale of the noise the searches add to insertion costs. */
export function maxFiniteCost(p: Problem): number {
  let max = 0;
  for (let k = 0; k < p.cost.length; k++) {
    const c = p.cost[k]!;
    if (c > max && c !== Infinity) max = c;
  }
  return max;
}
