import type { Problem } from '../model/problem.js';
import { isServableAlone } from '../feasibility/unassigned-reason.js';
import { RouteState } from './route-state.js';

/**
 * The search's working solution: one RouteState per vehicle, which vehicle serves each request,
 * and the request bank (unassigned requests). Mutated only through insert / remove / copyFrom.
 */
export class SolutionState {
  /** Index = vehicle: its route (possibly empty). */
  readonly routes: RouteState[];
  /** Index = request: the vehicle serving it, or −1 when it is in the request bank. */
  readonly routeOf: Int32Array;
  /** Index = request: 1 when it sits on its vehicle's locked stops and may never be removed. */
  readonly isFixed: Uint8Array;
  /** Index = vehicle: 1 when repair operators may use it (the vehicle-minimisation phase disables some). */
  readonly isEnabled: Uint8Array;
  unassignedCount: number;
  /** Index = position: scratch schedule for feasibility checks. */
  private readonly scratch: Float64Array;

  constructor(readonly problem: Problem) {
    this.scratch = new Float64Array(2 * problem.requestCount + 2);
    this.routes = Array.from({ length: problem.vehicleCount }, (_, v) => new RouteState(problem, v));
    this.routeOf = new Int32Array(problem.requestCount).fill(-1);
    this.isFixed = new Uint8Array(problem.requestCount);
    this.isEnabled = new Uint8Array(problem.vehicleCount).fill(1);
    this.unassignedCount = problem.requestCount;
  }

  insert(r: number, v: number, pickupPos: number, dropoffPos: number): void {
    this.routes[v]!.insertRequest(r, pickupPos, dropoffPos);
    if (this.routeOf[r] === -1) this.unassignedCount--;
    this.routeOf[r] = v;
  }

  /**
   * Moves request r into the bank. Returns false, changing nothing, when r is fixed or when its
   * route would become infeasible without it: with travel times that break the triangle
   * inequality (real road matrices can), a shortcut through r may be what keeps the others on time.
   */
  remove(r: number): boolean {
    const v = this.routeOf[r]!;
    if (v === -1 || this.isFixed[r]) return false;
    const route = this.routes[v]!;
    const pickupPos = route.positionOf(2 * r);
    const dropoffPos = route.positionOf(2 * r + 1);
    route.removeRequest(r);
    if (!this.problem.isTriangleSafe && !route.isFeasible(this.scratch)) {
      route.insertRequest(r, pickupPos, dropoffPos);
      return false;
    }
    this.routeOf[r] = -1;
    this.unassignedCount++;
    return true;
  }

  /**
   * Replaces the route of `other.vehicle` by `other`, which must be feasible (the caller checked it)
   * and hold only requests of that route or of the bank, in any order; the requests it leaves out
   * go to the bank.
   */
  replaceRoute(other: RouteState): void {
    const route = this.routes[other.vehicle]!;
    for (let i = 1; i <= route.stopCount; i++) {
      const node = route.nodes[i]!;
      if ((node & 1) === 0) this.routeOf[node >> 1] = -1;
    }
    this.unassignedCount += route.stopCount >> 1;
    route.copyFrom(other);
    for (let i = 1; i <= route.stopCount; i++) {
      const node = route.nodes[i]!;
      if ((node & 1) === 0) this.routeOf[node >> 1] = other.vehicle;
    }
    this.unassignedCount -= route.stopCount >> 1;
  }

  /** Requests in the bank that the repair operators may insert, in id order. */
  bank(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] === -1) out.push(r);
    return out;
  }

  /** Requests in the bank that some vehicle could serve on an empty route (worth making room for), in id order. */
  waitingServable(): number[] {
    return this.bank().filter((r) => isServableAlone(this.problem, r));
  }

  /** Requests that destroy operators may remove, in id order. */
  removable(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] !== -1 && !this.isFixed[r]) out.push(r);
    return out;
  }

  usedVehicles(): number {
    let used = 0;
    for (const route of this.routes) if (!route.isEmpty) used++;
    return used;
  }

  /** Travel cost of the routes alone: no fixed costs, no penalties. */
  routingCost(): number {
    let total = 0;
    for (const route of this.routes) total += route.routeCost;
    return total;
  }

  /** Objective: unassigned penalties + routing cost + fixed costs of used vehicles. */
  cost(): number {
    let total = 0;
    for (const route of this.routes) total += route.totalCost;
    const penalty = this.problem.unassignedCost;
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] === -1) total += penalty[r]!;
    return total;
  }

  copyFrom(other: SolutionState): void {
    for (let v = 0; v < this.routes.length; v++) this.routes[v]!.copyFrom(other.routes[v]!);
    this.routeOf.set(other.routeOf);
    this.isFixed.set(other.isFixed);
    this.isEnabled.set(other.isEnabled);
    this.unassignedCount = other.unassignedCount;
  }

  clone(): SolutionState {
    const copy = new SolutionState(this.problem);
    copy.copyFrom(this);
    return copy;
  }
}
