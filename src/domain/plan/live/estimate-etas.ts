/**
 * Re-estimated times of a route's stops after the driver's reports (issue #8), pure. Reported
 * stops take their actual times; each stop ahead is reached by the planned driving time from the
 * previous one, never before its planned time (the client was told it), never before a delay
 * the driver announced for it (DELAYED, minutes late), and never in the past.
 */
import { arrivedSecOf, doneSecOf, isReported, type LiveStop } from './live-route.js';

export function estimateEtas(startSec: number, stops: readonly LiveStop[], nowSec: number | null): number[] {
  const etas: number[] = [];
  let clock: number | null = null;
  stops.forEach((s, i) => {
    const service = s.departureSec - s.serviceStartSec;
    const legSec = s.arrivalSec - (i === 0 ? startSec : stops[i - 1]!.departureSec);
    if (isReported(s)) {
      const started = arrivedSecOf(s) ?? doneSecOf(s) ?? s.serviceStartSec;
      etas.push(started);
      clock = doneSecOf(s) ?? started + service;
      return;
    }
    const delays = s.events.filter((e) => e.kind === 'DELAYED' && e.delayMin !== null).map((e) => e.delayMin!);
    const announced = delays.length ? s.serviceStartSec + Math.max(...delays) * 60 : -Infinity;
    const reached: number = clock === null ? s.serviceStartSec : clock + legSec;
    const eta = Math.max(s.serviceStartSec, reached, announced, nowSec ?? -Infinity);
    etas.push(eta);
    clock = eta + service;
  });
  return etas;
}
