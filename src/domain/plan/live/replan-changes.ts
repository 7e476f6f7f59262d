/**
 * What a re-plan of a day under way changed on each vehicle, for its driver: rides it gained and
 * rides it lost (to another vehicle, or to no vehicle). A re-plan moves most rides (D41), and the
 * driver's manifest changes under their hands, so each change is listed on that vehicle's manifest.
 * Pure: the caller gives each vehicle's rides still ahead before and after.
 */

/** A vehicle's rides with a stop still ahead, in route order. */
export interface RidesAhead {
  readonly vehicleId: string;
  readonly rideIds: readonly string[];
}

export type ReplanChange =
  | { readonly kind: 'ADDED'; readonly vehicleId: string; readonly rideId: string }
  | { readonly kind: 'MOVED_AWAY'; readonly vehicleId: string; readonly rideId: string; readonly toVehicleId: string }
  | { readonly kind: 'UNASSIGNED'; readonly vehicleId: string; readonly rideId: string };

/**
 * Per vehicle (in the order of `after`, then vehicles only in `before`): rides gained, then rides
 * lost, each in route order. A ride lost that is neither on another vehicle nor in `unassigned`
 * has left the day (cancelled): its cancellation is its own change, so it is not listed here.
 */
export function replanChanges(
  before: readonly RidesAhead[],
  after: readonly RidesAhead[],
  unassigned: ReadonlySet<string>,
): ReplanChange[] {
  const vehicleBefore = vehicleOfRide(before);
  const vehicleAfter = vehicleOfRide(after);
  const vehicles = [...new Set([...after, ...before].map((r) => r.vehicleId))];
  const ridesOf = (routes: readonly RidesAhead[], vehicleId: string) => routes.find((r) => r.vehicleId === vehicleId)?.rideIds ?? [];
  const changes: ReplanChange[] = [];
  for (const vehicleId of vehicles) {
    for (const rideId of new Set(ridesOf(after, vehicleId))) {
      if (vehicleBefore.get(rideId) !== vehicleId) changes.push({ kind: 'ADDED', vehicleId, rideId });
    }
    for (const rideId of new Set(ridesOf(before, vehicleId))) {
      const now = vehicleAfter.get(rideId);
      if (now === vehicleId) continue;
      if (now !== undefined) changes.push({ kind: 'MOVED_AWAY', vehicleId, rideId, toVehicleId: now });
      else if (unassigned.has(rideId)) changes.push({ kind: 'UNASSIGNED', vehicleId, rideId });
    }
  }
  return changes;
}

function vehicleOfRide(routes: readonly RidesAhead[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of routes) for (const id of r.rideIds) if (!map.has(id)) map.set(id, r.vehicleId);
  return map;
}

/** What the driver reads about one change (Polish first, English second). */
export function describeReplanChange(
  change: ReplanChange,
  ride: { readonly who: string; readonly from: string; readonly to: string },
  /** ADDED: the pickup's planned time on the vehicle ("08:05"), when the pickup is ahead. */
  pickupTime: string | null,
  /** MOVED_AWAY: the name of the vehicle that has the ride now. */
  toVehicleName: string,
): { pl: string; en: string } {
  const trip = `${ride.from} → ${ride.to}`;
  switch (change.kind) {
    case 'ADDED':
      return pickupTime
        ? { pl: `Nowy przejazd po ponownym planowaniu: ${ride.who}, odbiór ${pickupTime} (${trip})`, en: `Ride added by re-planning: ${ride.who}, pickup ${pickupTime} (${trip})` }
        : { pl: `Nowy przejazd po ponownym planowaniu: ${ride.who} (${trip})`, en: `Ride added by re-planning: ${ride.who} (${trip})` };
    case 'MOVED_AWAY':
      return { pl: `Przejazd ${ride.who} (${trip}) po ponownym planowaniu jedzie pojazdem ${toVehicleName}`, en: `Ride of ${ride.who} (${trip}) goes with vehicle ${toVehicleName} after re-planning` };
    case 'UNASSIGNED':
      return { pl: `Przejazd ${ride.who} (${trip}) zdjęty z trasy przy ponownym planowaniu: bez przydziału`, en: `Ride of ${ride.who} (${trip}) taken off the route by re-planning: unassigned` };
  }
}
