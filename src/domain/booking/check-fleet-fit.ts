/**
 * Reads the organisation's active vehicles and their depots for fleetFitWarnings: the warnings a
 * booking (one-off or weekly) answers with when no vehicle could carry one of its rides.
 */
import type { FieldError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { LatLon } from '../../routing/types.js';
import type { OrganisationRules } from '../organisation/organisation-rules.js';
import { rideRulesOf } from '../organisation/organisation-rules.js';
import type { ClientView } from './client.schema.js';
import type { PlaceView } from './place.schema.js';
import { fleetFitWarnings } from './fleet-fit.rules.js';

export interface LegToFit {
  readonly path: string;
  readonly from: PlaceView;
  readonly to: PlaceView;
  readonly timeMode: 'ARRIVE_BY' | 'DEPART_AFTER';
  readonly timeMin: number;
}

export async function checkFleetFit(
  deps: DomainDeps,
  organisationId: string,
  rules: OrganisationRules,
  client: ClientView,
  needs: { readonly wheelchair: boolean; readonly assistant: boolean },
  legs: readonly LegToFit[],
): Promise<FieldError[]> {
  const vehicles = await deps.db.vehicle.findMany({
    where: { organisationId, active: true },
    select: { id: true, depotPlaceId: true, seats: true, wheelchairPlaces: true, shiftStartMin: true, shiftEndMin: true },
  });
  const depots = await deps.db.place.findMany({
    where: { organisationId, id: { in: [...new Set(vehicles.map((v) => v.depotPlaceId))] } },
    select: { id: true, lat: true, lon: true },
  });
  const places = new Map<string, LatLon>(depots.map((p) => [p.id, { lat: p.lat, lon: p.lon }]));
  for (const leg of legs) {
    places.set(leg.from.id, leg.from);
    places.set(leg.to.id, leg.to);
  }
  const rides = legs.map((leg, i) => ({
    path: leg.path,
    fromName: leg.from.name,
    toName: leg.to.name,
    ride: {
      id: String(i),
      fromPlaceId: leg.from.id,
      toPlaceId: leg.to.id,
      timeMode: leg.timeMode,
      timeMin: leg.timeMin,
      wheelchair: needs.wheelchair,
      assistant: needs.assistant,
      mobility: client.mobility,
      helpLevel: client.helpLevel,
      assistanceDog: client.assistanceDog,
      outboundRideId: null,
    },
  }));
  return fleetFitWarnings(rides, vehicles, places, rideRulesOf(rules));
}
