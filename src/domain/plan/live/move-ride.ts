/**
 * The dispatcher moves one ride (both its stops) to a vehicle, at given manifest positions or the
 * best feasible ones (issue #6). A dry run answers the verdict only, for the board while dragging.
 * A ride already picked up never moves; locked and out-of-service routes neither give nor take.
 */
import { AppError } from '../../../errors.js';
import { moveRidesStatus } from '../../../db/repositories/ride.repo.js';
import { canInsert, type InsertFailure } from '../../../solver/feasibility/can-insert.js';
import { bestInsertionOverRoutes, routeStateOf, withInsertion, type FixedRoute } from '../../../solver/live/fixed-routes.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { formatSeconds } from '../../common/time.js';
import { changedPickups, pickupTimes, prepareLiveInstance, routeWrite, type LiveDeps } from './live-edit.js';
import { liveRouteOf, type LiveRouteInput } from './live-route.js';
import { finishEdit, findRideForPlacing, recordChange, toLiveRide } from './live-plan.query.js';
import type { MoveRide } from './live-plan.schema.js';
import { runLiveEdit } from './run-live-edit.js';
import { writeRemaining } from './write-route.js';
import { clientName } from '../../booking/client-name.js';

/** Why a ride outside the plan's reach cannot move, in words (a dispatcher saw "IN_PROGRESS"). */
const NOT_MOVABLE: Readonly<Record<string, readonly [string, string]>> = {
  IN_PROGRESS: ['jest w drodze (klient w pojeździe)', 'under way (the client is in the vehicle)'],
  COMPLETED: ['jest zakończony', 'completed'],
  NO_SHOW: ['skończył się nieobecnością klienta', 'a no-show'],
  CANCELLED: ['jest odwołany', 'cancelled'],
  LATE_CANCELLED: ['jest odwołany', 'cancelled'],
  REQUESTED: ['czeka na zatwierdzenie', 'awaiting approval'],
  TURNED_DOWN: ['został odrzucony', 'turned down'],
  MISSED: ['nie został zrealizowany', 'missed'],
};

export interface MoveAnswer {
  readonly feasible: true;
  readonly applied: boolean;
  readonly version: number;
  readonly vehicleId: string;
  readonly deltaDistanceM: number;
  readonly deltaDurationSec: number;
}

interface Refusal {
  readonly feasible: false;
  readonly pl: string;
  readonly en: string;
}

const refuse = (pl: string, en: string): Refusal => ({ feasible: false, pl, en });

const WHY: Record<InsertFailure | 'late', { pl: string; en: string }> = {
  capacity: { pl: 'w pojeździe zabrakłoby miejsc (siedzeń lub miejsca na wózek)', en: 'the vehicle would run out of seats or wheelchair places' },
  timeWindow: { pl: 'pojazd nie zdąży w oknach czasowych przystanków', en: 'the vehicle cannot keep the stops’ time windows' },
  maxRideTime: { pl: 'ktoś jechałby dłużej niż dopuszczalny czas jazdy', en: 'someone would ride longer than the maximum ride time' },
  shift: { pl: 'trasa skończyłaby się po końcu zmiany kierowcy', en: 'the route would end after the driver’s shift' },
  pinned: { pl: 'przejazd jest przypisany do innego pojazdu', en: 'the ride is pinned to another vehicle' },
  late: { pl: 'trasa tego pojazdu jest już opóźniona i nie dotrzymuje okien czasowych', en: 'this vehicle’s route is already late and misses its time windows' },
};

/** Over every position pair, the reason that blocks most often (what the dispatcher should know first). */
function commonReason(route: FixedRoute, problem: Parameters<typeof routeStateOf>[0], r: number): InsertFailure | 'late' {
  const state = routeStateOf(problem, route);
  if (!state.isFeasible(new Float64Array(state.stopCount + 2))) return 'late';
  const counts = new Map<InsertFailure, number>();
  const m = route.stops.length;
  for (let i = route.lockedCount + 1; i <= m + 1; i++) {
    for (let j = i + 1; j <= m + 2; j++) {
      const res = canInsert(state, r, i, j);
      if (!res.ok) counts.set(res.reason, (counts.get(res.reason) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'timeWindow';
}

export async function moveRide(deps: LiveDeps, ctx: OrganisationContext, planId: string, input: MoveRide): Promise<MoveAnswer> {
  if ((input.pickupIndex === undefined) !== (input.dropoffIndex === undefined) || (input.pickupIndex !== undefined && input.dropoffIndex! <= input.pickupIndex)) {
    throw new AppError('VALIDATION_FAILED', 'Podaj obie pozycje (odbiór przed wysiadką) albo żadnej', {
      messageEn: 'Give both positions (pickup before drop-off) or neither',
      fields: [{ path: 'dropoffIndex', message: 'pozycja wysiadki musi być po pozycji odbioru', messageEn: 'the drop-off position must come after the pickup position' }],
    });
  }
  const org = ctx.organisationId;
  const outcome = await runLiveEdit<MoveAnswer | Refusal>(deps, ctx, planId, input.version, async (tx, loaded) => {
    const ride = await findRideForPlacing(tx, org, input.rideId);
    if (!ride) throw new AppError('NOT_FOUND', 'Nie znaleziono przejazdu', { messageEn: 'Ride not found' });
    if (ride.status !== 'APPROVED' && ride.status !== 'SCHEDULED') {
      const [pl, en] = NOT_MOVABLE[ride.status] ?? [ride.status, ride.status];
      return { result: refuse(`przejazd ${pl}`, `the ride is ${en}`) };
    }
    let target: LiveRouteInput | undefined = loaded.routes.find((r) => r.vehicle.id === input.vehicleId);
    if (!target) {
      // A vehicle with no route yet in this plan starts an empty one.
      const vehicle = await tx.vehicle.findFirst({ where: { organisationId: org, id: input.vehicleId, active: true }, include: { depot: true } });
      if (!vehicle) throw new AppError('NOT_FOUND', 'Nie znaleziono pojazdu', { messageEn: 'Vehicle not found' });
      loaded.places.set(vehicle.depot.id, vehicle.depot);
      target = { routeId: '', vehicle, locked: false, outOfServiceMin: null, startSec: vehicle.shiftStartMin * 60, distanceM: 0, drivingSec: 0, stops: [] };
    }
    const source = loaded.routes.find((r) => r.stops.some((s) => s.rideId === ride.id));
    if (target.locked) return { result: refuse('trasa tego pojazdu jest zablokowana', 'this vehicle’s route is locked') };
    if (target.outOfServiceMin !== null) return { result: refuse('pojazd jest wyłączony z ruchu', 'the vehicle is out of service') };
    if (source) {
      if (source.locked && source !== target) return { result: refuse('trasa, w której jest przejazd, jest zablokowana', 'the ride’s current route is locked') };
      if (liveRouteOf(source, loaded.nowSec).driven.some((s) => s.rideId === ride.id)) {
        return { result: refuse('klient jest już odebrany lub kierowca był na miejscu — przejazdu nie można przenieść', 'the client has been picked up or the driver was there — the ride cannot be moved') };
      }
    }
    // A resend of a move already made (same vehicle, no positions asked): answer, change nothing.
    if (source && source === target && input.pickupIndex === undefined) {
      const last = await tx.planChange.findFirst({ where: { planId, kind: 'MOVE', rideId: ride.id }, orderBy: [{ version: 'desc' }, { at: 'desc' }] });
      if (last?.vehicleId === target.vehicle.id) {
        return { result: { feasible: true as const, applied: !input.dryRun, version: loaded.plan.version, vehicleId: target.vehicle.id, deltaDistanceM: 0, deltaDurationSec: 0 } };
      }
    }
    const routes = source && source !== target ? [target, source] : [target];
    // A ride taken from another route: its places need travel times to and from the target's places too.
    const li = source
      ? await prepareLiveInstance(deps, loaded, routes, [], [ride.id])
      : await prepareLiveInstance(deps, loaded, routes, [{ ride: toLiveRide(ride), from: ride.fromPlace, to: ride.toPlace }]);
    const r = li.requestOf.get(ride.id)!;
    const without = (stops: readonly number[]) => stops.filter((n) => n >> 1 !== r);
    const base: FixedRoute = { vehicle: 0, stops: without(li.fixed[0]!.stops), lockedCount: li.fixed[0]!.lockedCount };
    let pickPos: number;
    let dropPos: number;
    if (input.pickupIndex !== undefined) {
      const driven = li.routes[0]!.driven.length;
      pickPos = input.pickupIndex - driven + base.lockedCount;
      dropPos = input.dropoffIndex! - driven + base.lockedCount;
      const last = driven + base.stops.length - base.lockedCount + 2;
      if (pickPos <= base.lockedCount || input.dropoffIndex! > last) {
        throw new AppError('VALIDATION_FAILED', `Pozycje muszą być między ${driven + 1} a ${last} (po przystankach już przejechanych)`, {
          messageEn: `Positions must be between ${driven + 1} and ${last} (after the stops already driven)`,
          fields: [{ path: 'pickupIndex', message: `od ${driven + 1} do ${last}`, messageEn: `from ${driven + 1} to ${last}` }],
        });
      }
      const res = canInsert(routeStateOf(li.problem, base), r, pickPos, dropPos);
      if (!res.ok) return { result: refuse(WHY[res.reason].pl, WHY[res.reason].en) };
    } else {
      const best = bestInsertionOverRoutes(li.problem, [base], r);
      if (!best) {
        const why = WHY[commonReason(base, li.problem, r)];
        return { result: refuse(why.pl, why.en) };
      }
      pickPos = best.pickupPos;
      dropPos = best.dropoffPos;
    }
    const targetWrite = routeWrite(li, 0, withInsertion(base.stops, r, pickPos, dropPos));
    const sourceWrite = routes.length === 2 ? routeWrite(li, 1, without(li.fixed[1]!.stops)) : null;
    const before = routes.reduce((s, x) => ({ d: s.d + x.distanceM, t: s.t + x.drivingSec }), { d: 0, t: 0 });
    const after = [targetWrite, ...(sourceWrite ? [sourceWrite] : [])].reduce((s, w) => ({ d: s.d + w.totals.distanceM, t: s.t + w.totals.drivingSec }), { d: 0, t: 0 });
    const delta = { deltaDistanceM: Math.round(after.d - before.d), deltaDurationSec: Math.round(after.t - before.t) };
    if (input.dryRun) {
      return { result: { feasible: true as const, applied: false, version: loaded.plan.version, vehicleId: target.vehicle.id, ...delta } };
    }
    if (sourceWrite) await writeRemaining(tx, org, li.routes[1]!, sourceWrite.next, sourceWrite.totals);
    let targetRoute = li.routes[0]!;
    if (!targetRoute.routeId) {
      const created = await tx.planRoute.create({
        data: { organisationId: org, planId, vehicleId: target.vehicle.id, startSec: target.startSec, endSec: target.startSec, distanceM: 0, drivingSec: 0 },
        select: { id: true },
      });
      targetRoute = { ...targetRoute, routeId: created.id };
    }
    await writeRemaining(tx, org, targetRoute, targetWrite.next, targetWrite.totals);
    if (!source) {
      await tx.planUnassigned.deleteMany({ where: { planId, rideId: ride.id } });
      await moveRidesStatus(tx, org, [ride.id], 'APPROVED', 'SCHEDULED', ctx.actor, 'przydzielony przez dyspozytora / placed by the dispatcher');
    }
    const version = await finishEdit(tx, planId);
    const pick = targetWrite.next.find((s) => s.rideId === ride.id && s.kind === 'PICKUP')!;
    const who = clientName(ride.client);
    await recordChange(tx, org, planId, version, ctx.actor, deps.now(), {
      kind: 'MOVE', rideId: ride.id, vehicleId: target.vehicle.id,
      pl: `Przejazd ${who} (odbiór ${formatSeconds(pick.serviceStartSec)}, ${ride.fromPlace.name}) przeniesiony do pojazdu ${target.vehicle.name}${source && source !== target ? ` z pojazdu ${source.vehicle.name}` : ''}`,
      en: `Ride of ${who} (pickup ${formatSeconds(pick.serviceStartSec)}, ${ride.fromPlace.name}) moved to vehicle ${target.vehicle.name}${source && source !== target ? ` from vehicle ${source.vehicle.name}` : ''}`,
      detail: { from: source?.vehicle.id ?? null, ...delta },
    });
    const writes = [targetWrite, ...(sourceWrite ? [sourceWrite] : [])];
    return {
      result: { feasible: true as const, applied: true, version, vehicleId: target.vehicle.id, ...delta },
      pickupsChanged: changedPickups(pickupTimes(routes), writes),
      routesChanged: [targetRoute.routeId, ...(sourceWrite ? [li.routes[1]!.routeId] : [])],
    };
  });
  if (!outcome.feasible) {
    throw new AppError('MOVE_INFEASIBLE', `Nie można przenieść przejazdu: ${outcome.pl}`, { messageEn: `The ride cannot be moved: ${outcome.en}` });
  }
  return outcome;
}
