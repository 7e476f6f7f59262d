/**
 * Independent, slow validator of solver output — the twin of VROOM's `algorithms/validation`.
 *
 * It shares no code with `src/solver` (only the model types): every route is re-evaluated from its
 * stop order alone. Whether a schedule exists is decided by writing the route's timing rules as a
 * system of difference constraints (x_v − x_u ≤ w) and running Bellman-Ford: the system has a
 * solution iff the constraint graph has no negative cycle. That covers the interplay of waiting,
 * time windows, maximum ride time, shift and maximum route duration without reproducing any of the
 * solver's forward/backward slack logic, so a bug there cannot hide here.
 */
import type { Instance, Vehicle } from '../../src/solver/model/instance.js';
import type { PlannedRoute, Solution } from '../../src/solver/model/solution.js';

export type ViolationRule =
  | 'vehicle'
  | 'layout'
  | 'request'
  | 'duplicate'
  | 'missing'
  | 'precedence'
  | 'pinned'
  | 'locked'
  | 'unreachable'
  | 'capacity'
  | 'timeWindow'
  | 'maxRideTime'
  | 'shift'
  | 'maxDuration'
  | 'reportedTimes'
  | 'reportedLoad'
  | 'distance'
  | 'travelTime'
  | 'cost';

export interface Violation {
  /** Index into solution.routes (or into the routes given to evaluateRoutes). */
  readonly route?: number;
  readonly request?: number;
  readonly rule: ViolationRule;
  readonly message: string;
}

export interface StopRef {
  readonly request: number;
  readonly kind: 'pickup' | 'dropoff';
}

/** A route given by its stop order only (depots implied by the vehicle). */
export interface RouteOrder {
  readonly vehicle: number;
  readonly stops: readonly StopRef[];
  /** The layout to check capacity against; when absent, any layout of the vehicle that fits will do. */
  readonly layout?: number;
}

export interface RouteEvaluation {
  readonly distance: number;
  readonly travelTime: number;
  /** The layout the loads fit in (the given one, or the first that fits); undefined when none fits. */
  readonly layout: number | undefined;
  /** Whether a schedule satisfying every timing rule exists for this stop order. */
  readonly isSchedulable: boolean;
}

export interface RoutesEvaluation {
  readonly violations: Violation[];
  readonly routes: RouteEvaluation[];
  readonly distance: number;
  readonly travelTime: number;
  /** Requests that no route serves, ascending. */
  readonly unserved: number[];
}

/** Relative tolerance for comparing reported numbers with recomputed ones. */
const RELATIVE_TOLERANCE = 1e-6;

function isClose(reported: number, expected: number): boolean {
  if (reported === expected) return true;
  return Math.abs(reported - expected) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(reported), Math.abs(expected));
}

function isAtMost(value: number, bound: number): boolean {
  return value <= bound || isClose(value, bound);
}

function stopSpecOf(instance: Instance, stop: StopRef) {
  const request = instance.requests[stop.request]!;
  return stop.kind === 'pickup' ? request.pickup : request.dropoff;
}

function travel(matrix: Float64Array, size: number, from: number, to: number): number {
  return matrix[from * size + to]!;
}

function isUsableTravel(value: number): boolean {
  return Number.isFinite(value);
}

/** Location sequence of a route, depots included. */
function locationsOf(instance: Instance, vehicle: Vehicle, stops: readonly StopRef[]): number[] {
  return [vehicle.startLocation, ...stops.map((stop) => stopSpecOf(instance, stop).location), vehicle.endLocation];
}

function sumAlong(matrix: Float64Array, size: number, locations: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < locations.length; i++) total += travel(matrix, size, locations[i]!, locations[i + 1]!);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Schedule existence: difference constraints + Bellman-Ford.

interface ConstraintEdge {
  readonly from: number;
  readonly to: number;
  /** x_to − x_from ≤ weight. */
  readonly weight: number;
  readonly rule: 'timeWindow' | 'maxRideTime' | 'shift' | 'maxDuration' | 'travel';
  readonly what: string;
}

export type ScheduleResult =
  | { readonly isFeasible: true; readonly departure: number; readonly serviceStarts: number[]; readonly end: number }
  | { readonly isFeasible: false; readonly rule: 'timeWindow' | 'maxRideTime' | 'shift' | 'maxDuration'; readonly conflict: string[] };

/**
 * Decides whether the stops, in this order, can be given service start times that satisfy every
 * timing rule, and returns one such schedule (the latest one) if so.
 *
 * Variables: 0 = the time origin (fixed at 0), 1 = departure from the start depot, 2..m+1 = service
 * start at stop k−2, m+2 = arrival at the end depot. Waiting is allowed anywhere, so consecutive
 * variables only need x_{k+1} ≥ x_k + service_k + travel(k, k+1).
 */
export function findSchedule(instance: Instance, vehicleIndex: number, stops: readonly StopRef[]): ScheduleResult {
  const vehicle = instance.vehicles[vehicleIndex]!;
  const origin = 0;
  const departure = 1;
  const end = stops.length + 2;
  const variableCount = stops.length + 3;
  const edges: ConstraintEdge[] = [];
  const atMost = (from: number, to: number, weight: number, rule: ConstraintEdge['rule'], what: string) => {
    if (Number.isFinite(weight)) edges.push({ from, to, weight, rule, what });
  };

  atMost(departure, origin, -vehicle.shiftStart, 'shift', `departure ≥ shift start ${vehicle.shiftStart}`);
  atMost(origin, end, vehicle.shiftEnd, 'shift', `return ≤ shift end ${vehicle.shiftEnd}`);
  atMost(departure, end, vehicle.maxDuration, 'maxDuration', `route duration ≤ ${vehicle.maxDuration}`);

  const locations = locationsOf(instance, vehicle, stops);
  const serviceTimes = [0, ...stops.map((stop) => stopSpecOf(instance, stop).serviceTime)];
  const nameOf = (k: number) =>
    k === 0 ? 'start depot' : k === locations.length - 1 ? 'end depot' : `${stops[k - 1]!.kind} of request ${stops[k - 1]!.request}`;
  for (let k = 0; k + 1 < locations.length; k++) {
    const leg = serviceTimes[k]! + travel(instance.durations, instance.size, locations[k]!, locations[k + 1]!);
    atMost(k + 2, k + 1, -leg, 'travel', `service and travel from ${nameOf(k)} to ${nameOf(k + 1)} take ${leg}`);
  }

  const pickupVariable = new Map<number, number>();
  stops.forEach((stop, k) => {
    const variable = k + 2;
    const spec = stopSpecOf(instance, stop);
    atMost(variable, origin, -spec.twStart, 'timeWindow', `${stop.kind} of request ${stop.request} starts ≥ ${spec.twStart}`);
    atMost(origin, variable, spec.twEnd, 'timeWindow', `${stop.kind} of request ${stop.request} starts ≤ ${spec.twEnd}`);
    if (stop.kind === 'pickup') pickupVariable.set(stop.request, variable);
    else {
      const pickup = pickupVariable.get(stop.request);
      const request = instance.requests[stop.request]!;
      // Ride time runs from the END of pickup service: x_drop − (x_pick + s_pick) ≤ L.
      if (pickup !== undefined) {
        atMost(pickup, variable, request.maxRideTime + request.pickup.serviceTime, 'maxRideTime',
          `ride of request ${stop.request} ≤ ${request.maxRideTime}`);
      }
    }
  });

  // Every variable starts at 0, as if a virtual source reached each one by a 0-weight edge.
  const distance = new Float64Array(variableCount);
  const predecessor = new Int32Array(variableCount).fill(-1);
  const scale = Math.max(1, ...edges.map((edge) => Math.abs(edge.weight)));
  const epsilon = 1e-9 * scale; // floating-point slack, so a tight but exact schedule is not refuted
  let lastRelaxed = -1;
  for (let pass = 0; pass < variableCount; pass++) {
    lastRelaxed = -1;
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e]!;
      if (distance[edge.from]! + edge.weight < distance[edge.to]! - epsilon) {
        distance[edge.to] = distance[edge.from]! + edge.weight;
        predecessor[edge.to] = e;
        lastRelaxed = edge.to;
      }
    }
    if (lastRelaxed < 0) break;
  }
  if (lastRelaxed >= 0) return describeNegativeCycle(edges, predecessor, lastRelaxed, variableCount);

  const shift = distance[origin]!; // shift the solution so the time origin sits at 0
  return {
    isFeasible: true,
    departure: distance[departure]! - shift,
    serviceStarts: stops.map((_, k) => distance[k + 2]! - shift),
    end: distance[end]! - shift,
  };
}

function describeNegativeCycle(
  edges: readonly ConstraintEdge[],
  predecessor: Int32Array,
  relaxed: number,
  variableCount: number,
): ScheduleResult {
  // Walking back |V| predecessor steps from a vertex relaxed in the last pass lands on the cycle.
  let vertex = relaxed;
  for (let i = 0; i < variableCount && predecessor[vertex]! >= 0; i++) vertex = edges[predecessor[vertex]!]!.from;
  const cycle: ConstraintEdge[] = [];
  let current = vertex;
  while (predecessor[current]! >= 0 && cycle.length < variableCount) {
    const edge = edges[predecessor[current]!]!;
    cycle.push(edge);
    current = edge.from;
    if (current === vertex) break;
  }
  const rules = new Set(cycle.map((edge) => edge.rule));
  // The most specific rule in the conflict names it; the shift bounds take part in most cycles
  // (they anchor the time origin), so they name it only when nothing else does.
  const rule = rules.has('maxRideTime')
    ? 'maxRideTime'
    : rules.has('maxDuration')
      ? 'maxDuration'
      : rules.has('timeWindow')
        ? 'timeWindow'
        : 'shift';
  return { isFeasible: false, rule, conflict: cycle.reverse().map((edge) => edge.what) };
}

// ---------------------------------------------------------------------------------------------
// Checks on stop orders (shared by evaluateRoutes and checkSolution).

function checkStructure(
  instance: Instance,
  orders: readonly RouteOrder[],
  unassigned: readonly number[] | undefined,
  violations: Violation[],
): number[] {
  const vehicleRoute = new Map<number, number>();
  const pickupSeen = new Map<number, number>();
  const dropoffSeen = new Map<number, number>();
  orders.forEach((order, route) => {
    const vehicle = instance.vehicles[order.vehicle];
    if (vehicle === undefined) {
      violations.push({ route, rule: 'vehicle', message: `route ${route} uses unknown vehicle ${order.vehicle}` });
      return;
    }
    if (vehicleRoute.has(order.vehicle)) {
      violations.push({ route, rule: 'vehicle', message: `vehicle ${order.vehicle} drives routes ${vehicleRoute.get(order.vehicle)} and ${route}` });
    } else vehicleRoute.set(order.vehicle, route);
    if (order.layout !== undefined && vehicle.layouts[order.layout] === undefined) {
      violations.push({ route, rule: 'layout', message: `route ${route} uses layout ${order.layout}; vehicle ${order.vehicle} has ${vehicle.layouts.length}` });
    }
    const pickedUpHere = new Set<number>();
    for (const stop of order.stops) {
      const request = instance.requests[stop.request];
      if (request === undefined || (stop.kind !== 'pickup' && stop.kind !== 'dropoff')) {
        violations.push({ route, request: stop.request, rule: 'request', message: `route ${route} visits unknown stop ${stop.kind} of request ${stop.request}` });
        continue;
      }
      const seen = stop.kind === 'pickup' ? pickupSeen : dropoffSeen;
      if (seen.has(stop.request)) {
        violations.push({ route, request: stop.request, rule: 'duplicate', message: `${stop.kind} of request ${stop.request} is visited more than once (routes ${seen.get(stop.request)} and ${route})` });
      } else seen.set(stop.request, route);
      if (stop.kind === 'pickup') pickedUpHere.add(stop.request);
      else if (!pickedUpHere.has(stop.request)) {
        violations.push({ route, request: stop.request, rule: 'precedence', message: `drop-off of request ${stop.request} comes before its pickup on route ${route}, or its pickup is on another route` });
      }
      if (stop.kind === 'pickup' && request.pinnedVehicle !== undefined && request.pinnedVehicle !== order.vehicle) {
        violations.push({ route, request: stop.request, rule: 'pinned', message: `request ${stop.request} is pinned to vehicle ${request.pinnedVehicle} but served by vehicle ${order.vehicle}` });
      }
    }
    for (const request of pickedUpHere) {
      if (!order.stops.some((stop) => stop.kind === 'dropoff' && stop.request === request)) {
        violations.push({ route, request, rule: 'precedence', message: `request ${request} is picked up on route ${route} but not dropped off there` });
      }
    }
  });

  instance.vehicles.forEach((vehicle, vehicleIndex) => {
    const locked = vehicle.lockedStops ?? [];
    if (locked.length === 0) return;
    const route = vehicleRoute.get(vehicleIndex);
    const stops = route === undefined ? [] : orders[route]!.stops;
    const keepsOrder = locked.every((lockedStop, k) => stops[k]?.request === lockedStop.request && stops[k]?.kind === lockedStop.kind);
    if (!keepsOrder) {
      violations.push({ ...(route === undefined ? {} : { route }), rule: 'locked', message: `vehicle ${vehicleIndex} does not start with its ${locked.length} locked stops in order` });
    }
  });

  const unserved: number[] = [];
  const unassignedCount = new Map<number, number>();
  for (const request of unassigned ?? []) {
    if (instance.requests[request] === undefined) {
      violations.push({ request, rule: 'request', message: `unassigned lists unknown request ${request}` });
    }
    unassignedCount.set(request, (unassignedCount.get(request) ?? 0) + 1);
  }
  instance.requests.forEach((_, request) => {
    const isServed = pickupSeen.has(request) || dropoffSeen.has(request);
    if (!isServed) unserved.push(request);
    if (unassigned === undefined) return;
    const listed = unassignedCount.get(request) ?? 0;
    if (isServed && listed > 0) {
      violations.push({ request, rule: 'duplicate', message: `request ${request} is both served and listed as unassigned` });
    } else if (!isServed && listed === 0) {
      violations.push({ request, rule: 'missing', message: `request ${request} is neither served nor listed as unassigned` });
    } else if (listed > 1) {
      violations.push({ request, rule: 'duplicate', message: `request ${request} is listed ${listed} times as unassigned` });
    }
  });
  return unserved;
}

/** Load on board after each stop, per dimension. */
function loadsAfterStops(instance: Instance, stops: readonly StopRef[]): number[][] {
  const onBoard: number[] = new Array<number>(instance.loadDimensions).fill(0);
  return stops.map((stop) => {
    const load = instance.requests[stop.request]!.load;
    const sign = stop.kind === 'pickup' ? 1 : -1;
    for (let d = 0; d < instance.loadDimensions; d++) onBoard[d]! += sign * (load[d] ?? 0);
    return [...onBoard];
  });
}

function fitsLayout(loads: readonly number[][], capacity: readonly number[]): boolean {
  return loads.every((load) => load.every((value, d) => value <= (capacity[d] ?? 0)));
}

function evaluateOrder(instance: Instance, order: RouteOrder, route: number, violations: Violation[]): RouteEvaluation {
  const vehicle = instance.vehicles[order.vehicle]!;
  const locations = locationsOf(instance, vehicle, order.stops);
  const distance = sumAlong(instance.distances, instance.size, locations);
  const travelTime = sumAlong(instance.durations, instance.size, locations);

  const loads = loadsAfterStops(instance, order.stops);
  let layout: number | undefined;
  if (order.layout !== undefined) {
    const capacity = vehicle.layouts[order.layout];
    if (capacity !== undefined && fitsLayout(loads, capacity)) layout = order.layout;
  } else {
    const fitting = vehicle.layouts.findIndex((capacity) => fitsLayout(loads, capacity));
    layout = fitting >= 0 ? fitting : undefined;
  }
  if (layout === undefined) {
    const peak = loads.reduce((max, load) => max.map((value, d) => Math.max(value, load[d]!)), new Array<number>(instance.loadDimensions).fill(0));
    const against = order.layout === undefined ? 'any layout' : `layout ${JSON.stringify(vehicle.layouts[order.layout] ?? null)}`;
    violations.push({ route, rule: 'capacity', message: `route ${route} peaks at load ${JSON.stringify(peak)}, more than ${against} of vehicle ${order.vehicle}` });
  }

  for (let k = 0; k + 1 < locations.length; k++) {
    const from = locations[k]!;
    const to = locations[k + 1]!;
    if (!isUsableTravel(travel(instance.durations, instance.size, from, to)) || !isUsableTravel(travel(instance.distances, instance.size, from, to))) {
      violations.push({ route, rule: 'unreachable', message: `route ${route} drives from location ${from} to ${to}, which has no route in the matrix` });
      return { distance, travelTime, layout, isSchedulable: false };
    }
  }

  const schedule = findSchedule(instance, order.vehicle, order.stops);
  if (!schedule.isFeasible) {
    violations.push({ route, rule: schedule.rule, message: `route ${route} has no feasible schedule; conflicting rules: ${schedule.conflict.join('; ')}` });
  }
  return { distance, travelTime, layout, isSchedulable: schedule.isFeasible };
}

/**
 * Checks routes given by stop order only: structure (each stop once, pickup first on the same
 * route, pins, locked stops), capacity (the given layout, or any layout), reachability and the
 * existence of a schedule. When `unassigned` is given, each request must be either served or
 * listed there, exactly once.
 */
export function evaluateRoutes(instance: Instance, orders: readonly RouteOrder[], unassigned?: readonly number[]): RoutesEvaluation {
  const violations: Violation[] = [];
  const unserved = checkStructure(instance, orders, unassigned, violations);
  const routes: RouteEvaluation[] = [];
  orders.forEach((order, route) => {
    const isWellFormed = instance.vehicles[order.vehicle] !== undefined && order.stops.every((stop) => instance.requests[stop.request] !== undefined);
    if (isWellFormed) routes.push(evaluateOrder(instance, order, route, violations));
    else routes.push({ distance: NaN, travelTime: NaN, layout: undefined, isSchedulable: false });
  });
  return {
    violations,
    routes,
    distance: routes.reduce((sum, route) => sum + route.distance, 0),
    travelTime: routes.reduce((sum, route) => sum + route.travelTime, 0),
    unserved,
  };
}

// ---------------------------------------------------------------------------------------------
// Reported numbers of a Solution.

function checkReportedRoute(instance: Instance, planned: PlannedRoute, route: number, evaluation: RouteEvaluation, violations: Violation[]): void {
  const vehicle = instance.vehicles[planned.vehicle]!;
  const times = (message: string, request?: number) =>
    violations.push({ route, ...(request === undefined ? {} : { request }), rule: 'reportedTimes', message: `route ${route}: ${message}` });

  if (!isAtMost(vehicle.shiftStart, planned.start)) times(`departs at ${planned.start}, before shift start ${vehicle.shiftStart}`);
  if (!isAtMost(planned.end, vehicle.shiftEnd)) times(`returns at ${planned.end}, after shift end ${vehicle.shiftEnd}`);
  if (!isAtMost(planned.end - planned.start, vehicle.maxDuration)) times(`lasts ${planned.end - planned.start}, more than ${vehicle.maxDuration}`);

  let previousDeparture = planned.start;
  let previousLocation = vehicle.startLocation;
  const pickupDeparture = new Map<number, number>();
  const loads = loadsAfterStops(instance, planned.stops);
  planned.stops.forEach((stop, k) => {
    const spec = stopSpecOf(instance, stop);
    const label = `${stop.kind} of request ${stop.request}`;
    const expectedArrival = previousDeparture + travel(instance.durations, instance.size, previousLocation, spec.location);
    if (!isClose(stop.arrival, expectedArrival)) times(`${label} arrives at ${stop.arrival}, expected ${expectedArrival}`, stop.request);
    if (!isAtMost(stop.arrival, stop.serviceStart)) times(`${label} starts service at ${stop.serviceStart}, before arrival ${stop.arrival}`, stop.request);
    if (!isAtMost(spec.twStart, stop.serviceStart) || !isAtMost(stop.serviceStart, spec.twEnd)) {
      times(`${label} starts service at ${stop.serviceStart}, outside [${spec.twStart}, ${spec.twEnd}]`, stop.request);
    }
    if (!isClose(stop.departure, stop.serviceStart + spec.serviceTime)) {
      times(`${label} departs at ${stop.departure}, expected service start + ${spec.serviceTime}`, stop.request);
    }
    if (stop.kind === 'pickup') pickupDeparture.set(stop.request, stop.departure);
    else {
      const pickedUpAt = pickupDeparture.get(stop.request);
      const maxRideTime = instance.requests[stop.request]!.maxRideTime;
      if (pickedUpAt !== undefined && !isAtMost(stop.serviceStart - pickedUpAt, maxRideTime)) {
        times(`request ${stop.request} rides ${stop.serviceStart - pickedUpAt}, more than ${maxRideTime}`, stop.request);
      }
    }
    const expectedLoad = loads[k]!;
    if (stop.loadAfter.length !== expectedLoad.length || !expectedLoad.every((value, d) => isClose(stop.loadAfter[d]!, value))) {
      violations.push({ route, request: stop.request, rule: 'reportedLoad', message: `route ${route}: load after ${label} reported ${JSON.stringify(stop.loadAfter)}, expected ${JSON.stringify(expectedLoad)}` });
    }
    previousDeparture = stop.departure;
    previousLocation = spec.location;
  });
  const expectedEnd = previousDeparture + travel(instance.durations, instance.size, previousLocation, vehicle.endLocation);
  if (!isClose(planned.end, expectedEnd)) times(`returns at ${planned.end}, expected ${expectedEnd}`);

  if (!isClose(planned.distance, evaluation.distance)) {
    violations.push({ route, rule: 'distance', message: `route ${route} reports distance ${planned.distance}, recomputed ${evaluation.distance}` });
  }
  if (!isClose(planned.travelTime, evaluation.travelTime)) {
    violations.push({ route, rule: 'travelTime', message: `route ${route} reports travel time ${planned.travelTime}, recomputed ${evaluation.travelTime}` });
  }
}

/**
 * Validates a solver result against its instance. Returns every violation found (empty = valid):
 * structure, capacity under the route's layout, existence of a schedule meeting windows, ride
 * times, shift and duration, then the consistency of every reported time, load, distance, travel
 * time and the cost.
 */
export function checkSolution(instance: Instance, solution: Solution): Violation[] {
  const orders: RouteOrder[] = solution.routes.map((route) => ({ vehicle: route.vehicle, layout: route.layout, stops: route.stops }));
  const evaluation = evaluateRoutes(instance, orders, solution.unassigned.map((entry) => entry.request));
  const violations = [...evaluation.violations];

  solution.routes.forEach((planned, route) => {
    const routeEvaluation = evaluation.routes[route]!;
    if (Number.isNaN(routeEvaluation.distance)) return; // unknown vehicle or request, already reported
    checkReportedRoute(instance, planned, route, routeEvaluation, violations);
  });

  if (!isClose(solution.distance, evaluation.distance)) {
    violations.push({ rule: 'distance', message: `solution reports distance ${solution.distance}, recomputed ${evaluation.distance}` });
  }
  if (!isClose(solution.travelTime, evaluation.travelTime)) {
    violations.push({ rule: 'travelTime', message: `solution reports travel time ${solution.travelTime}, recomputed ${evaluation.travelTime}` });
  }
  const routingCost = instance.objective === 'distance' ? evaluation.distance : evaluation.travelTime;
  const fixedCosts = solution.routes.reduce(
    (sum, route) => sum + (route.stops.length > 0 ? (instance.vehicles[route.vehicle]?.fixedCost ?? 0) : 0),
    0,
  );
  const penalties = solution.unassigned.reduce(
    (sum, entry) => sum + (instance.requests[entry.request]?.priority ?? 0) * instance.unassignedPenalty,
    0,
  );
  const expectedCost = penalties + routingCost + fixedCosts;
  if (!isClose(solution.cost, expectedCost)) {
    violations.push({ rule: 'cost', message: `solution reports cost ${solution.cost}, expected ${expectedCost} (penalties ${penalties} + routing ${routingCost} + fixed ${fixedCosts})` });
  }
  return violations;
}
