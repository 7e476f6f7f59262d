import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findLatestDonePlan } from '../../db/repositories/plan.repo.js';
import { formatMinutes, formatSeconds, minutesNowIn } from '../common/time.js';
import { outboundNoShowIn, toChangeView, travelTimesNote } from '../plan/get-plan.js';
import type { Manifest, Need } from './manifest.js';
import { listEventsOfStops } from '../execution/stop-event.query.js';
import { noShowFromMin, stopProgress } from '../execution/stop-event.rules.js';
import { lastToldWindows } from '../notification/told-windows.query.js';
import { clientName } from '../booking/client-name.js';

export function needsOf(
  ride: { wheelchair: boolean; assistant: boolean },
  client: { mobility: string; helpLevel?: string; assistanceDog?: boolean },
): Need[] {
  const needs: Need[] = [];
  if (ride.wheelchair) needs.push({ code: 'WHEELCHAIR', pl: 'Wózek — miejsce na wózek, winda', en: 'Wheelchair — wheelchair place, lift' });
  else if (client.mobility === 'WHEELCHAIR_TRANSFER') needs.push({ code: 'TRANSFER', pl: 'Przesiada się z wózka na fotel — wózek złożony w bagażniku', en: 'Transfers from the wheelchair to a seat — chair folded in the boot' });
  else if (client.mobility === 'WALKER') needs.push({ code: 'WALKER', pl: 'Balkonik lub kule — pomoc przy wsiadaniu', en: 'Walker or crutches — help boarding' });
  if (ride.assistant) needs.push({ code: 'ASSISTANT', pl: 'Jedzie z asystentem (dodatkowe miejsce)', en: 'Travels with an assistant (extra seat)' });
  if (client.assistanceDog) needs.push({ code: 'DOG', pl: 'Pies asystujący', en: 'Assistance dog' });
  if (client.helpLevel === 'DOOR_TO_DOOR') needs.push({ code: 'DOOR_TO_DOOR', pl: 'Pomoc od drzwi mieszkania', en: 'Help from the door of the flat' });
  if (client.helpLevel === 'HAND_TO_HAND') needs.push({ code: 'HAND_TO_HAND', pl: 'Przekazać z rąk do rąk (opiekun na miejscu)', en: 'Hand over in person (a carer at each end)' });
  return needs;
}

/** The driver's manifest for one vehicle and day, from the newest finished plan of that day. */
export async function buildManifest(deps: DomainDeps, ctx: OrganisationContext, date: string, vehicleId: string): Promise<Manifest> {
  const vehicle = await deps.db.vehicle.findFirst({ where: { organisationId: ctx.organisationId, id: vehicleId }, include: { depot: true } });
  if (!vehicle) throw notFound('pojazd', 'vehicle');
  // Drivers get the plan once the dispatcher publishes it; edits after that reach them at once.
  const plan = await findLatestDonePlan(deps.db, ctx.organisationId, date, { published: true });
  if (!plan) {
    throw new AppError('NOT_FOUND', 'Plan na ten dzień nie został jeszcze opublikowany', { messageEn: 'The plan for this day has not been published yet' });
  }
  const route = plan.routes.find((r) => r.vehicleId === vehicleId);
  const events = await listEventsOfStops(deps.db, ctx.organisationId, (route?.stops ?? []).map((s) => s.id));
  const org = await deps.db.organisation.findUniqueOrThrow({ where: { id: ctx.organisationId }, select: { timeZone: true } });
  // What changed for this vehicle since publication, and the plan-wide publication or re-plan. Read
  // apart from the plan's own list, which is capped for the board: a re-plan of a big day writes a
  // change per ride moved (D43), and this driver's must not fall off the end.
  const changes = await deps.db.planChange.findMany({
    where: { organisationId: ctx.organisationId, planId: plan.id, OR: [{ vehicleId }, { vehicleId: null, kind: { in: ['PUBLISH', 'REPLAN'] } }] },
    orderBy: [{ version: 'desc' }, { at: 'desc' }],
    take: 500,
  });
  // Returns whose client was not there for the ride out (on whatever vehicle): the driver phones first (D11).
  const outboundNoShow = outboundNoShowIn(plan);
  // The windows the clients were told: before one opens, the phone refuses a no-show (D57).
  const pickups = (route?.stops ?? []).filter((s) => s.kind === 'PICKUP');
  const told = await lastToldWindows(deps.db, ctx.organisationId, pickups.map((s) => s.rideId));
  const clock = (d: Date | null) => (d ? formatMinutes(minutesNowIn(org.timeZone, d)) : null);
  return {
    date,
    vehicle: { id: vehicle.id, name: vehicle.name, registration: vehicle.registration, seats: vehicle.seats, wheelchairPlaces: vehicle.wheelchairPlaces },
    plan: { id: plan.id, revision: plan.revision, finishedAt: plan.finishedAt?.toISOString() ?? null },
    version: plan.version,
    publishedAt: plan.publishedAt!.toISOString(),
    changes: changes.map(toChangeView),
    outOfServiceAt: route?.outOfServiceMin != null ? formatMinutes(route.outOfServiceMin) : null,
    travelTimes: travelTimesNote(plan.travelTimeSource, plan.dataVersion),
    depot: { name: vehicle.depot.name, address: vehicle.depot.address },
    shift: { start: formatMinutes(vehicle.shiftStartMin), end: formatMinutes(vehicle.shiftEndMin) },
    departDepot: route ? formatSeconds(route.startSec) : null,
    returnDepot: route ? formatSeconds(route.endSec) : null,
    distanceKm: route ? Math.round(route.distanceM / 100) / 10 : 0,
    stops: (route?.stops ?? []).map((s) => {
      const ride = s.ride;
      const place = s.kind === 'PICKUP' ? ride.fromPlace : ride.toPlace;
      const progress = stopProgress(s.kind, ride.status, events.get(s.id) ?? []);
      return {
        sequence: s.sequence + 1,
        kind: s.kind,
        action: s.kind === 'PICKUP' ? { pl: 'Odbiór', en: 'Pick up' } : { pl: 'Wysiadka', en: 'Drop off' },
        time: formatSeconds(s.serviceStartSec),
        etaSec: Math.round(s.etaSec ?? s.serviceStartSec), // whole seconds: the schedule's are fractional
        eta: formatSeconds(s.etaSec ?? s.serviceStartSec),
        place: { name: place.name, address: place.address, lat: place.lat, lon: place.lon },
        passenger: { name: clientName(ride.client), phone: ride.client.phone },
        needs: needsOf(ride, ride.client),
        notes: [
          ...(outboundNoShow(ride) ? [OUTBOUND_NO_SHOW_NOTE] : []),
          ...[ride.client.driverNotes, ride.notes].filter((n): n is string => !!n),
        ],
        appointment: s.kind === 'DROPOFF' && ride.timeMode === 'ARRIVE_BY' ? formatMinutes(ride.timeMin) : null,
        rideId: ride.id,
        navigationUrl: `geo:${place.lat},${place.lon}?q=${place.lat},${place.lon}`,
        state: progress.state,
        actual: { arrived: clock(progress.arrivedAt), done: clock(progress.doneAt), delayed: progress.delayed },
        delay: delayShown(progress.delay, s.serviceStartSec),
        noShowFrom: s.kind === 'PICKUP' ? formatMinutes(noShowFromMin(s.serviceStartSec, told.get(ride.id) ?? null)) : null,
      };
    }),
  };
}

/** A stop's newest delay as the phone shows it; a report from before expected times were kept counts from the planned time. */
function delayShown(delay: { minutes: number; expectedSec: number | null } | null, plannedStartSec: number): Manifest['stops'][number]['delay'] {
  if (!delay) return null;
  const expectedSec = delay.expectedSec ?? plannedStartSec + delay.minutes * 60;
  return { minutes: delay.minutes, from: formatSeconds(expectedSec - delay.minutes * 60), expected: formatSeconds(expectedSec) };
}

/** On a return whose client was not there for the ride out. */
export const OUTBOUND_NO_SHOW_NOTE = 'Klient był nieobecny przy odbiorze w tamtą stronę: zadzwoń przed wyjazdem, czy powrót jest potrzebny / The client was not there for the ride out: phone before going';
