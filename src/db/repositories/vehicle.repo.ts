import type { Db, Tx } from '../client.js';
import type { Prisma, Vehicle } from '../generated/client.js';
import type { VehicleView } from '../../domain/fleet/vehicle.schema.js';
import { formatMinutes } from '../../domain/common/time.js';

export function toVehicleView(v: Vehicle): VehicleView {
  return {
    id: v.id,
    name: v.name,
    registration: v.registration,
    seats: v.seats,
    wheelchairPlaces: v.wheelchairPlaces,
    depotPlaceId: v.depotPlaceId,
    shiftStart: formatMinutes(v.shiftStartMin),
    shiftEnd: formatMinutes(v.shiftEndMin),
    active: v.active,
    version: v.version,
  };
}

export interface VehicleData {
  name: string;
  registration: string | null;
  seats: number;
  wheelchairPlaces: number;
  depotPlaceId: string;
  shiftStartMin: number;
  shiftEndMin: number;
  active: boolean;
}

export async function findVehicle(db: Db | Tx, organisationId: string, id: string): Promise<VehicleView | null> {
  const v = await db.vehicle.findFirst({ where: { organisationId, id } });
  return v ? toVehicleView(v) : null;
}

export async function listVehicles(db: Db | Tx, organisationId: string, filter: { active?: boolean; scope?: Prisma.VehicleWhereInput } = {}): Promise<VehicleView[]> {
  const rows = await db.vehicle.findMany({
    where: { organisationId, ...(filter.active !== undefined ? { active: filter.active } : {}), ...(filter.scope ?? {}) },
    orderBy: { name: 'asc' },
  });
  return rows.map(toVehicleView);
}

export async function insertVehicle(db: Db | Tx, organisationId: string, data: VehicleData): Promise<VehicleView> {
  return toVehicleView(await db.vehicle.create({ data: { organisationId, ...data } }));
}

export async function updateVehicleVersioned(
  db: Db | Tx,
  organisationId: string,
  id: string,
  version: number,
  data: Partial<VehicleData>,
): Promise<VehicleView | null> {
  const { count } = await db.vehicle.updateMany({ where: { organisationId, id, version }, data: { ...data, version: { increment: 1 } } });
  return count ? findVehicle(db, organisationId, id) : null;
}
