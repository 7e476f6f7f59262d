/**
 * The day board's alert for a driver's reported delay (D62): per vehicle, the delay that counts
 * now (liveRouteOf's choice: the newest report on a stop still ahead), the stop it was reported
 * on, and the pickups ahead now expected after the end of the window their client was told. A
 * report sends the clients no message (a re-plan of a published day does, D51), so those clients
 * wait at the door in the cold unless someone calls or re-plans. Read from the stored reports and
 * times, so a board opened or reloaded later shows the same alert as the one open when it came.
 */
import type { Db, Tx } from '../../../db/client.js';
import { formatSeconds } from '../../common/time.js';
import { clientName } from '../../booking/client-name.js';
import { recipientOf } from '../../notification/pickup-window.rules.js';
import { lastToldWindows, toldWindowText, type ToldWindow } from '../../notification/told-windows.query.js';
import { liveInclude, toLoaded, type LivePlanRow } from './live-plan.query.js';
import { liveRouteOf, type LiveRoute } from './live-route.js';

type Person = { readonly id: string; readonly name: string };

export interface DelayAlertView {
  /** The report's id: the board announces a delay it has not shown before. */
  readonly reportId: string | null;
  readonly vehicle: Person;
  readonly minutes: number;
  /** When the driver reported it, and when they expect to be at the stop, HH:MM. */
  readonly reportedAt: string;
  readonly expected: string;
  /** The stop it was reported on (1-based, as the manifest numbers it). */
  readonly stop: { readonly sequence: number; readonly kind: 'PICKUP' | 'DROPOFF'; readonly client: Person; readonly place: string };
  /**
   * Pickups ahead on this vehicle now expected (estimated time, HH:MM) after the end of the
   * window their client was told, with the phone to call (the client's, else the caseworker's).
   */
  readonly lateForTold: readonly { readonly rideId: string; readonly client: Person; readonly phone: string | null; readonly told: { readonly from: string; readonly to: string }; readonly eta: string }[];
}

/** What the alert shows of a stop: its estimated time (seconds after midnight), client and place. */
export interface AlertStop {
  readonly etaSec: number;
  readonly client: Person & { readonly phone: string | null };
  readonly place: string;
}

/** The alert of one route, pure; null when no reported delay counts on it. */
export function delayAlertOf(route: LiveRoute, stopOf: (stopId: string) => AlertStop, told: ReadonlyMap<string, ToldWindow>): DelayAlertView | null {
  const a = route.announced;
  const reportedOn = a && route.remaining.find((s) => s.id === a.stopId);
  if (!a || !reportedOn) return null;
  const at = stopOf(reportedOn.id);
  const lateForTold = route.remaining
    .filter((s) => s.kind === 'PICKUP')
    .flatMap((s) => {
      const window = told.get(s.rideId);
      const { etaSec, client } = stopOf(s.id);
      // In whole minutes, as both times are shown: 08:31 is late for a window ending 08:30.
      if (!window || Math.round(etaSec / 60) <= window.toMin) return [];
      return [{ rideId: s.rideId, client: { id: client.id, name: client.name }, phone: client.phone, told: toldWindowText(window)!, eta: formatSeconds(etaSec) }];
    });
  return {
    reportId: a.eventId,
    vehicle: { id: route.vehicle.id, name: route.vehicle.name },
    minutes: a.delayMin,
    reportedAt: formatSeconds(a.reportedSec),
    expected: formatSeconds(a.expectedSec),
    stop: { sequence: reportedOn.sequence + 1, kind: reportedOn.kind, client: { id: at.client.id, name: at.client.name }, place: at.place },
    lateForTold,
  };
}

/** The delay alerts of a plan, in the board's route order; none (one count query) for a plan without delay reports. */
export async function listDelayAlerts(db: Db | Tx, organisationId: string, planId: string, now: Date): Promise<DelayAlertView[]> {
  const reports = await db.stopEvent.count({ where: { organisationId, kind: 'DELAYED', planStop: { route: { planId } } } });
  if (reports === 0) return [];
  const plan = await db.plan.findFirst({ where: { organisationId, id: planId }, include: liveInclude });
  if (!plan) return [];
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const loaded = toLoaded(plan as LivePlanRow, org.timeZone, now);
  const late = loaded.routes.map((r) => liveRouteOf(r, loaded.nowSec)).filter((r) => r.announced !== null);
  if (late.length === 0) return [];
  const rows = new Map(plan.routes.flatMap((r) => r.stops).map((s) => [s.id, s]));
  const stopOf = (stopId: string): AlertStop => {
    const s = rows.get(stopId)!;
    return {
      etaSec: s.etaSec ?? s.serviceStartSec,
      client: { id: s.ride.client.id, name: clientName(s.ride.client), phone: recipientOf(s.ride.client).address },
      place: (s.kind === 'PICKUP' ? s.ride.fromPlace : s.ride.toPlace).name,
    };
  };
  const told = await lastToldWindows(db, organisationId, late.flatMap((r) => r.remaining.filter((s) => s.kind === 'PICKUP').map((s) => s.rideId)));
  return late.flatMap((r) => delayAlertOf(r, stopOf, told) ?? []);
}
