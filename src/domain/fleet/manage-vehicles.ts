import { vehicleScope } from '../../auth/row-access.js';
import { AppError, notFound } from '../../errors.js';
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
import { parseTimeOfDay } from '../common/time.js';
import { throwStale } from '../booking/manage-places.js';
import { CreateVehicleSchema, type CreateVehicle, type UpdateVehicle, type VehicleView } from './vehicle.schema.js';
import { validate } from '../common/validate.js';

async function checkDepot(deps: DomainDeps, ctx: OrganisationContext, depotPlaceId: string): Promise<void> {
  if (!(await findPlace(deps.db, ctx.organisationId, depotPlaceId))) {
    throw new AppError('VALIDATION_FAILED', 'Nieprawidłowe dane', {
      messageEn: 'Invalid input',
      fields: [{ path: 'depotPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' }],
    });
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

export async function updateVehicle(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdateVehicle): Promise<VehicleView> {
  const current = await getVehicle(deps, ctx, id);
  const { version, ...changes } = input;
  // Rules that span fields (shift order, some capacity) are checked on the merged record.
  const { id: _id, version: _version, ...stored } = current;
  const merged = validate(CreateVehicleSchema, {
    ...stored,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  });
  if (changes.depotPlaceId) await checkDepot(deps, ctx, changes.depotPlaceId);
  const updated = await updateVehicleVersioned(deps.db, ctx.organisationId, id, version, toData(merged));
  return updated ?? throwStale(current.version);
}
