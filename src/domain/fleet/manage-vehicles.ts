import { vehicleScope } from '../../auth/row-access.js';
import { invalidInput, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import {
  findVehicle,
  insertVehicle,
  listVehicles,
  updateVehicleVersioned,
  type VehicleData,
} from '../../db/repositories/vehicle.repo.js';
import { fromDbDate, parseTimeOfDay, toDbDate } from '../common/time.js';
import { organisationToday } from '../organisation/organisation-today.js';
import { planConflicts, type PlanConflict, type PlannedRoute } from './plan-conflicts.js';
import { throwStale } from '../booking/manage-places.js';
import { CreateVehicleSchema, type CreateVehicle, type UpdateVehicle, type VehicleView } from './vehicle.schema.js';
import { validate } from '../common/validate.js';

async function checkDepot(deps: DomainDeps, ctx: OrganisationContext, depotPlaceId: string): Promise<void> {
  if (!(await findPlace(deps.db, ctx.organisationId, depotPlaceId))) {
    throw invalidInput([{ path: 'depotPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' }]);
  }
}

function toData(v: CreateVehicle): VehicleData {
  return {
    name: v.name,
    registration: v.registration ?? null,
    seats: v.seats,
    wheelchairPlaces: v.wheelchairPlaces,
    depotPlaceId: v.depotPlaceId,
    shiftStartMin: parseTimeOfDay(v.shiftStart),
    shiftEndMin: parseTimeOfDay(v.shiftEnd),
    active: v.active,
  };
}

export async function createVehicle(deps: DomainDeps, ctx: OrganisationContext, input: CreateVehicle): Promise<VehicleView> {
  await checkDepot(deps, ctx, input.depotPlaceId);
  return insertVehicle(deps.db, ctx.organisationId, toData(input));
}

export async function getVehicle(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<VehicleView> {
  const v = await findVehicle(deps.db, ctx.organisationId, id);
  if (!v) throw notFound('pojazd', 'vehicle');
  return v;
}

export function listVehiclesOf(deps: DomainDeps, ctx: OrganisationContext) {
  return listVehicles(deps.db, ctx.organisationId, { scope: vehicleScope(ctx) });
}

/**
 * The vehicle's routes in the newest finished plan of each day from today on: the plans a change
 * to the vehicle can break (an older revision of a day is no longer what anyone drives).
 */
async function routesFromToday(deps: DomainDeps, ctx: OrganisationContext, vehicleId: string): Promise<PlannedRoute[]> {
  const today = await organisationToday(deps, ctx.organisationId);
  const plans = await deps.db.plan.findMany({
    where: { organisationId: ctx.organisationId, status: 'DONE', serviceDate: { gte: toDbDate(today) } },
    select: { id: true, serviceDate: true, revision: true, publishedAt: true },
    orderBy: [{ serviceDate: 'asc' }, { revision: 'desc' }],
  });
  const newest = new Map<string, (typeof plans)[number]>();
  for (const p of plans) if (!newest.has(fromDbDate(p.serviceDate))) newest.set(fromDbDate(p.serviceDate), p);
  const byPlan = new Map([...newest.values()].map((p) => [p.id, p]));
  const routes = await deps.db.planRoute.findMany({
    where: { organisationId: ctx.organisationId, vehicleId, planId: { in: [...byPlan.keys()] } },
    select: { planId: true, startSec: true, endSec: true, stops: { select: { seatsAfter: true, wheelchairsAfter: true } } },
  });
  return routes
    .map((r) => {
      const plan = byPlan.get(r.planId)!;
      return {
        date: fromDbDate(plan.serviceDate),
        revision: plan.revision,
        published: plan.publishedAt !== null,
        startSec: r.startSec,
        endSec: r.endSec,
        stopCount: r.stops.length,
        maxSeats: Math.max(0, ...r.stops.map((s) => s.seatsAfter)),
        maxWheelchairs: Math.max(0, ...r.stops.map((s) => s.wheelchairsAfter)),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Saves the change, then says which plans from today on the vehicle can no longer drive as planned
 * (shift, seats, switched off): the change is the administrator's to make, the re-plan the
 * dispatcher's, and neither should learn it from a driver.
 */
export async function updateVehicle(
  deps: DomainDeps,
  ctx: OrganisationContext,
  id: string,
  input: UpdateVehicle,
): Promise<VehicleView & { readonly planWarnings: readonly PlanConflict[] }> {
  const current = await getVehicle(deps, ctx, id);
  const { version, ...changes } = input;
  // Rules that span fields (shift order, some capacity) are checked on the merged record.
  const { id: _id, version: _version, ...stored } = current;
  const merged = validate(CreateVehicleSchema, {
    ...stored,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  });
  if (changes.depotPlaceId) await checkDepot(deps, ctx, changes.depotPlaceId);
  const data = toData(merged);
  const updated = (await updateVehicleVersioned(deps.db, ctx.organisationId, id, version, data)) ?? throwStale(current.version);
  return { ...updated, planWarnings: planConflicts(data, await routesFromToday(deps, ctx, id)) };
}
