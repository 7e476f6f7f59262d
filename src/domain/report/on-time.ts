/**
 * On-time rate against appointments (pure). See `OnTime` in report.ts for the definition. The
 * driver's report is what happened; a ride not reported yet and still to be served is judged by
 * its plan, in separate figures, so a month under way still says how the plan keeps appointments.
 */
import type { OnTime, ReportInput } from './report.js';

/** Statuses whose remaining stops are no longer driven: the plan says nothing about them. */
const GONE = new Set(['CANCELLED', 'LATE_CANCELLED', 'NO_SHOW', 'TURNED_DOWN', 'MISSED']);

const rate = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);
const minuteOf = (sec: number) => Math.floor(sec / 60);

export function onTimeOf(input: ReportInput): OnTime {
  const reported = new Map<string, number>();
  for (const e of input.events) {
    const key = `${e.rideId}:${e.kind}`;
    reported.set(key, Math.min(reported.get(key) ?? Infinity, e.sec));
  }
  const planned = new Map<string, number>();
  for (const route of input.routes) for (const s of route.stops) planned.set(`${s.rideId}:${s.kind}`, s.serviceStartSec);

  const tol = input.lateToleranceMin;
  const win = input.pickupWindowMin;
  const c = { abRep: 0, abOn: 0, abTol: 0, abPlan: 0, abPlanOn: 0, daRep: 0, daIn: 0, daPlan: 0, daPlanIn: 0 };
  for (const r of input.rides) {
    if (r.timeMode === 'ARRIVE_BY') {
      const done = reported.get(`${r.id}:DROPPED_OFF`);
      const plan = planned.get(`${r.id}:DROPOFF`);
      if (done !== undefined) {
        c.abRep++;
        if (minuteOf(done) <= r.timeMin) c.abOn++;
        if (minuteOf(done) <= r.timeMin + tol) c.abTol++;
      } else if (plan !== undefined && !GONE.has(r.status)) {
        c.abPlan++;
        if (minuteOf(plan) <= r.timeMin) c.abPlanOn++;
      }
    } else {
      const done = reported.get(`${r.id}:PICKED_UP`);
      const plan = planned.get(`${r.id}:PICKUP`);
      const inWindow = (sec: number) => minuteOf(sec) >= r.timeMin && minuteOf(sec) <= r.timeMin + win;
      if (done !== undefined) {
        c.daRep++;
        if (inWindow(done)) c.daIn++;
      } else if (plan !== undefined && !GONE.has(r.status)) {
        c.daPlan++;
        if (inWindow(plan)) c.daPlanIn++;
      }
    }
  }
  return {
    lateToleranceMin: tol,
    pickupWindowMin: win,
    arriveByReported: c.abRep,
    arriveByOnTime: c.abOn,
    arriveByOnTimeRate: rate(c.abOn, c.abRep),
    arriveByWithinTolerance: c.abTol,
    arriveByWithinToleranceRate: rate(c.abTol, c.abRep),
    arriveByPlanned: c.abPlan,
    arriveByPlannedOnTime: c.abPlanOn,
    arriveByPlannedOnTimeRate: rate(c.abPlanOn, c.abPlan),
    departAfterReported: c.daRep,
    departAfterInWindow: c.daIn,
    departAfterInWindowRate: rate(c.daIn, c.daRep),
    departAfterPlanned: c.daPlan,
    departAfterPlannedInWindow: c.daPlanIn,
    departAfterPlannedInWindowRate: rate(c.daPlanIn, c.daPlan),
  };
}
