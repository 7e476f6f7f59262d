/**
 * Whether the centre's vehicles could carry a ride at all, as things stand (pure). A booking at
 * 05:30, when every shift starts at 07:00, or a wheelchair ride with no lift in the fleet, used to
 * be accepted without a word and only came back unplaced from the evening's plan. The caseworker
 * should know while the client is still on the phone.
 *
 * The test is the optimiser's own: each ride alone on an empty route of each vehicle, with the
 * windows planning gives it (buildPlanInstance), and the optimiser's reason when none can
 * (explainUnassigned). Travel times are the built-in estimate: booking must not wait for OSRM, so
 * a ride on the edge of a shift may still go either way; the booking is kept whatever this says.
 */
import type { FieldError } from '../../errors.js';
import { estimateMatrix } from '../../routing/estimate.js';
import type { LatLon } from '../../routing/types.js';
import { explainUnassigned } from '../../solver/feasibility/unassigned-reason.js';
import { buildProblem } from '../../solver/model/problem.js';
import { buildPlanInstance, collectPlaceIds, type PlanningRide, type PlanningVehicle } from '../plan/build-plan-instance.js';
import { describeUnassigned, windowThatMatters } from '../plan/unassigned-reason.js';
import { rideLoad, type RideRules } from './ride.rules.js';

export interface RideToFit {
  /** The booking field the warning belongs to (arriveBy, departAfter, return.departAfter…). */
  readonly path: string;
  readonly ride: PlanningRide;
  readonly fromName: string;
  readonly toName: string;
}

/** One warning per ride no active vehicle could carry even alone; none when every ride fits. */
export function fleetFitWarnings(
  rides: readonly RideToFit[],
  vehicles: readonly PlanningVehicle[],
  places: ReadonlyMap<string, LatLon>,
  rules: RideRules,
): FieldError[] {
  if (rides.length === 0) return [];
  const placeIds = collectPlaceIds(
    rides.map((r) => r.ride),
    vehicles,
  );
  const points = placeIds.map((id) => {
    const p = places.get(id);
    if (!p) throw new Error(`place ${id} has no coordinates`);
    return p;
  });
  const instance = buildPlanInstance(
    rides.map((r) => r.ride),
    vehicles,
    placeIds,
    estimateMatrix(points),
    rules,
  );
  const problem = buildProblem(instance);
  const warnings: FieldError[] = [];
  rides.forEach((r, i) => {
    // 'busy' is the optimiser's "some vehicle could take it on an empty route".
    const code = vehicles.length === 0 ? 'capacity' : explainUnassigned(problem, i);
    if (code === 'busy') return;
    const window = windowThatMatters(r.ride, instance.requests[i]!);
    const why = describeUnassigned(code, { wheelchair: r.ride.wheelchair, seats: rideLoad(r.ride)[0], window, fromName: r.fromName, toName: r.toName });
    warnings.push({
      path: r.path,
      message: `${why.pl}: przy obecnych pojazdach i ich zmianach plan tego przejazdu nie przydzieli (rezerwacja jest zapisana; uzgodnij z dyspozytorem)`,
      messageEn: `${why.en}: with the vehicles and shifts as they are, no plan will place this ride (the booking is kept; talk to the dispatcher)`,
    });
  });
  return warnings;
}
