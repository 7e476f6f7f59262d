import type { Instance } from '../../../../src/solver/model/instance.js';
import type { Solution } from '../../../../src/solver/model/solution.js';

const EPS = 1e-6;

/**
 * Re-evaluates a solution from the Instance alone (no solver code): every constraint of the
 * contract, checked on the reported times. Returns human-readable violations (empty = valid).
 */
export function validateSolution(instance: Instance, solution: Solution): string[] {
  const errors: string[] = [];
  const n = instance.requests.length;
  const t = (a: number, b: number): number => instance.durations[a * instance.size + b]!;
  const dist = (a: number, b: number): number => instance.distances[a * instance.size + b]!;
  const seenPickup = new Array<number>(n).fill(-1);
  const seenDropoff = new Array<number>(n).fill(-1);
  let totalRouting = 0;
  let totalFixed = 0;
  const usedVehicles = new Set<number>();
  for (const route of solution.routes) {
    const veh = instance.vehicles[route.vehicle];
    if (!veh) {
      errors.push(`route of unknown vehicle ${route.vehicle}`);
      continue;
    }
    if (usedVehicles.has(route.vehicle)) errors.push(`vehicle ${route.vehicle} has two routes`);
    usedVehicles.add(route.vehicle);
    const layout = veh.layouts[route.layout];
    if (!layout) errors.push(`vehicle ${route.vehicle}: unknown layout ${route.layout}`);
    if (route.start < veh.shiftStart - EPS) errors.push(`vehicle ${route.vehicle} leaves before its shift`);
    const onBoard = new Array<number>(instance.loadDimensions).fill(0);
    const pickupDeparture = new Map<number, number>();
    let loc = veh.startLocation;
    let departure = route.start;
    let routeDist = 0;
    let routeTime = 0;
    const locked = veh.lockedStops ?? [];
    route.stops.forEach((stop, k) => {
      const req = instance.requests[stop.request]!;
      const spec = stop.kind === 'pickup' ? req.pickup : req.dropoff;
      const where = `vehicle ${route.vehicle} stop ${k} (request ${stop.request} ${stop.kind})`;
      if (k < locked.length && (locked[k]!.request !== stop.request || locked[k]!.kind !== stop.kind)) {
        errors.push(`${where}: locked stop ${k} out of order`);
      }
      if (req.pinnedVehicle !== undefined && req.pinnedVehicle !== route.vehicle) errors.push(`${where}: pinned elsewhere`);
      const travel = t(loc, spec.location);
      if (!Number.isFinite(travel)) errors.push(`${where}: no route from previous stop`);
      routeDist += dist(loc, spec.location);
      routeTime += travel;
      if (Math.abs(stop.arrival - (departure + travel)) > EPS) errors.push(`${where}: arrival ${stop.arrival} ≠ ${departure + travel}`);
      if (stop.serviceStart < stop.arrival - EPS) errors.push(`${where}: service before arrival`);
      if (stop.serviceStart < spec.twStart - EPS || stop.serviceStart > spec.twEnd + EPS) {
        errors.push(`${where}: service start ${stop.serviceStart} outside [${spec.twStart}, ${spec.twEnd}]`);
      }
      if (Math.abs(stop.departure - (stop.serviceStart + spec.serviceTime)) > EPS) errors.push(`${where}: departure ≠ start + service`);
      const sign = stop.kind === 'pickup' ? 1 : -1;
      for (let d = 0; d < instance.loadDimensions; d++) {
        onBoard[d] = onBoard[d]! + sign * req.load[d]!;
        if (layout && onBoard[d]! > layout[d]! + EPS) errors.push(`${where}: load ${onBoard[d]} over capacity ${layout[d]} in dimension ${d}`);
        if (Math.abs(stop.loadAfter[d]! - onBoard[d]!) > EPS) errors.push(`${where}: reported load wrong`);
      }
      if (stop.kind === 'pickup') {
        if (seenPickup[stop.request] !== -1) errors.push(`${where}: picked up twice`);
        seenPickup[stop.request] = route.vehicle;
        pickupDeparture.set(stop.request, stop.departure);
      } else {
        if (seenDropoff[stop.request] !== -1) errors.push(`${where}: dropped off twice`);
        seenDropoff[stop.request] = route.vehicle;
        const picked = pickupDeparture.get(stop.request);
        if (picked === undefined) errors.push(`${where}: drop-off before pickup or on another vehicle`);
        else if (stop.serviceStart - picked > req.maxRideTime + EPS) {
          errors.push(`${where}: ride ${stop.serviceStart - picked} over ${req.maxRideTime}`);
        }
      }
      loc = spec.location;
      departure = stop.departure;
    });
    if (route.stops.length < locked.length) errors.push(`vehicle ${route.vehicle}: locked stops missing`);
    const back = t(loc, veh.endLocation);
    routeDist += dist(loc, veh.endLocation);
    routeTime += back;
    if (Math.abs(route.end - (departure + back)) > EPS) errors.push(`vehicle ${route.vehicle}: end ${route.end} ≠ ${departure + back}`);
    if (route.end > veh.shiftEnd + EPS) errors.push(`vehicle ${route.vehicle}: back after shift end`);
    if (route.end - route.start > veh.maxDuration + EPS) errors.push(`vehicle ${route.vehicle}: duration over maximum`);
    if (onBoard.some((q) => Math.abs(q) > EPS)) errors.push(`vehicle ${route.vehicle}: ends with passengers on board`);
    if (Math.abs(routeDist - route.distance) > EPS) errors.push(`vehicle ${route.vehicle}: distance ${route.distance} ≠ ${routeDist}`);
    if (Math.abs(routeTime - route.travelTime) > EPS) errors.push(`vehicle ${route.vehicle}: travel time wrong`);
    totalRouting += instance.objective === 'distance' ? routeDist : routeTime;
    if (route.stops.length > 0) totalFixed += veh.fixedCost;
  }
  let penalty = 0;
  const unassigned = new Set(solution.unassigned.map((u) => u.request));
  for (let r = 0; r < n; r++) {
    const served = seenPickup[r] !== -1 && seenDropoff[r] !== -1;
    if (served === unassigned.has(r)) errors.push(`request ${r}: ${served ? 'served and unassigned' : 'neither served nor unassigned'}`);
    if (seenPickup[r] !== seenDropoff[r]) errors.push(`request ${r}: pickup and drop-off on different vehicles`);
    if (unassigned.has(r)) penalty += instance.requests[r]!.priority * instance.unassignedPenalty;
  }
  const cost = totalRouting + totalFixed + penalty;
  if (Math.abs(cost - solution.cost) > EPS * Math.max(1, Math.abs(cost))) errors.push(`cost ${solution.cost} ≠ recomputed ${cost}`);
  return errors;
}
