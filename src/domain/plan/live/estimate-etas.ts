/**
 * Re-estimated times of a route's stops after the driver's reports (issue #8), pure. Reported
 * stops take their actual times; each stop ahead is reached by the planned driving time from the
 * previous one, never before its planned time (the client was told it), never before a delay
 * the driver announced for it (DELAYED, minutes late), and never in the past.
 *
 * `legAfterReported`: the driving time from the last reported stop to the next one, when known.
 * Planned times cannot give it once a live edit (a no-show, a cancellation) has planned the stops
 * ahead again from where the vehicle was: the gap between the reported stop's planned departure
 * and the next arrival then holds the lateness as well, and adding it to the actual time counted
 * the delay twice (a helper's next pickup moved to 08:36 was "expected" at 08:56). For the same
 * reason an announced delay is a time (`expectedSec`, fixed when reported): an edit since then
 * planned the stop from the delayed anchor, and "planned + 20 min" would count it twice.
 *
 * Only the delay that counts now holds a stop back (`announced`: the route's newest report, as
 * liveRouteOf chose it; by default the newest on the stops after the last reported one): an
 * earlier figure the driver has since replaced, on that stop or another, holds nothing (D62).
 */
import { arrivedSecOf, doneSecOf, isReported, newestAnnouncement, type Announcement, type LiveStop } from './live-route.js';

export function estimateEtas(
  startSec: number,
  stops: readonly LiveStop[],
  nowSec: number | null,
  legAfterReported?: number,
  announced: Pick<Announcement, 'stopId' | 'expectedSec'> | null = newestAnnouncement(stops.slice(stops.findLastIndex(isReported) + 1)),
): number[] {
  const etas: number[] = [];
  let clock: number | null = null;
  stops.forEach((s, i) => {
    const service = s.departureSec - s.serviceStartSec;
    const afterReported = i > 0 && isReported(stops[i - 1]!);
    const legSec = afterReported && legAfterReported !== undefined ? legAfterReported : s.arrivalSec - (i === 0 ? startSec : stops[i - 1]!.departureSec);
    if (isReported(s)) {
      const started = arrivedSecOf(s) ?? doneSecOf(s) ?? s.serviceStartSec;
      etas.push(started);
      clock = doneSecOf(s) ?? started + service;
      return;
    }
    const expected = announced?.stopId === s.id ? announced.expectedSec : -Infinity;
    const reached: number = clock === null ? s.serviceStartSec : clock + legSec;
    const eta = Math.max(s.serviceStartSec, reached, expected, nowSec ?? -Infinity);
    etas.push(eta);
    clock = eta + service;
  });
  return etas;
}
