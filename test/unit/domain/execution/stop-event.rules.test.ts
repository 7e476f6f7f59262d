import { describe, expect, it } from 'vitest';
import { checkNoShowTime, checkReportTime, noShowFromMin, decideStopEvent, expectedSecOfDelay, newestDelayReport, stopProgress } from '../../../../src/domain/execution/stop-event.rules.js';

describe('decideStopEvent', () => {
  it('moves a scheduled ride to in progress when the client is picked up at the pickup', () => {
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'SCHEDULED')).toEqual({ ok: true, move: { from: 'SCHEDULED', to: 'IN_PROGRESS' } });
  });

  it('completes a ride in progress when the client is dropped off at the drop-off', () => {
    expect(decideStopEvent('DROPPED_OFF', 'DROPOFF', 'IN_PROGRESS')).toEqual({ ok: true, move: { from: 'IN_PROGRESS', to: 'COMPLETED' } });
  });

  it('marks a scheduled ride as a no-show at its pickup', () => {
    expect(decideStopEvent('NO_SHOW', 'PICKUP', 'SCHEDULED')).toEqual({ ok: true, move: { from: 'SCHEDULED', to: 'NO_SHOW' } });
  });

  it('accepts arrivals and delays before and during the ride without changing its status', () => {
    for (const kind of ['ARRIVED', 'DELAYED'] as const) {
      expect(decideStopEvent(kind, 'PICKUP', 'SCHEDULED')).toEqual({ ok: true, move: null });
      expect(decideStopEvent(kind, 'DROPOFF', 'IN_PROGRESS')).toEqual({ ok: true, move: null });
    }
  });

  it('refuses a drop-off before the pickup, in Polish and English', () => {
    const d = decideStopEvent('DROPPED_OFF', 'DROPOFF', 'SCHEDULED');
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.pl).toMatch(/przed jego odebraniem/);
      expect(d.en).toMatch(/before being picked up/);
    }
  });

  it('refuses reports of the wrong kind for the stop', () => {
    expect(decideStopEvent('PICKED_UP', 'DROPOFF', 'SCHEDULED').ok).toBe(false);
    expect(decideStopEvent('DROPPED_OFF', 'PICKUP', 'IN_PROGRESS').ok).toBe(false);
    expect(decideStopEvent('NO_SHOW', 'DROPOFF', 'IN_PROGRESS').ok).toBe(false);
  });

  it('refuses a no-show or a second pickup once the client is on board', () => {
    expect(decideStopEvent('NO_SHOW', 'PICKUP', 'IN_PROGRESS').ok).toBe(false);
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'IN_PROGRESS').ok).toBe(false);
  });

  it('refuses every report on a ride in a final state, so a ride ends in exactly one', () => {
    for (const final of ['COMPLETED', 'NO_SHOW'] as const) {
      for (const kind of ['ARRIVED', 'PICKED_UP', 'DROPPED_OFF', 'NO_SHOW', 'DELAYED'] as const) {
        for (const stop of ['PICKUP', 'DROPOFF'] as const) expect(decideStopEvent(kind, stop, final).ok).toBe(false);
      }
    }
  });

  it('refuses reports on a cancelled ride or one not in a plan', () => {
    const cancelled = decideStopEvent('ARRIVED', 'PICKUP', 'CANCELLED');
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.en).toMatch(/cancelled/);
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'APPROVED').ok).toBe(false);
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'TURNED_DOWN').ok).toBe(false);
  });
});

describe('stopProgress', () => {
  const t = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00Z`);

  it('is PLANNED with no reports, then ARRIVED, then DONE with the actual times', () => {
    expect(stopProgress('PICKUP', 'SCHEDULED', [])).toEqual({ state: 'PLANNED', arrivedAt: null, doneAt: null, delayed: false, delay: null });
    expect(stopProgress('PICKUP', 'SCHEDULED', [{ kind: 'ARRIVED', at: t('07:40') }]).state).toBe('ARRIVED');
    const done = stopProgress('PICKUP', 'IN_PROGRESS', [{ kind: 'PICKED_UP', at: t('07:43') }, { kind: 'ARRIVED', at: t('07:40') }]);
    expect(done).toEqual({ state: 'DONE', arrivedAt: t('07:40'), doneAt: t('07:43'), delayed: false, delay: null });
  });

  it('shows a no-show at the pickup and skips the ride’s drop-off', () => {
    expect(stopProgress('PICKUP', 'NO_SHOW', [{ kind: 'NO_SHOW', at: t('08:00') }])).toMatchObject({ state: 'NO_SHOW', doneAt: t('08:00') });
    expect(stopProgress('DROPOFF', 'NO_SHOW', [])).toMatchObject({ state: 'SKIPPED', doneAt: null });
  });

  it('shows stops of a ride cancelled after planning as cancelled, and flags a reported delay', () => {
    expect(stopProgress('DROPOFF', 'CANCELLED', []).state).toBe('CANCELLED');
    expect(stopProgress('DROPOFF', 'IN_PROGRESS', [{ kind: 'DELAYED', at: t('09:00') }])).toMatchObject({ state: 'PLANNED', delayed: true });
  });

  it('shows the delay reported last at the stop, not the first or the largest (D62)', () => {
    const reports = [
      { kind: 'DELAYED' as const, at: t('07:10'), delayMin: 15, expectedSec: 8.25 * 3600 },
      { kind: 'DELAYED' as const, at: t('07:30'), delayMin: 40, expectedSec: 8.67 * 3600 },
      { kind: 'DELAYED' as const, at: t('07:50'), delayMin: 25, expectedSec: 8.42 * 3600 },
    ];
    expect(stopProgress('PICKUP', 'SCHEDULED', reports).delay).toEqual({ minutes: 25, expectedSec: 8.42 * 3600 });
    // Listed in any order, the time decides.
    expect(stopProgress('PICKUP', 'SCHEDULED', [reports[2]!, reports[0]!, reports[1]!]).delay?.minutes).toBe(25);
  });
});

describe('a delay reported again at the same stop (D62)', () => {
  const planned = 8 * 3600;

  it('counts the minutes from the stop’s planned time when nothing was reported there yet', () => {
    expect(expectedSecOfDelay(planned, null, 15)).toBe(planned + 15 * 60);
  });

  it('counts a new figure from the same time as the first, even after an edit re-timed the stop', () => {
    // "15 min" at the 08:00 stop; an edit planned it at 08:15 since. "40 min" means 08:40, not 08:55.
    const first = { delayMin: 15, expectedSec: planned + 15 * 60 };
    expect(expectedSecOfDelay(planned + 15 * 60, first, 40)).toBe(planned + 40 * 60);
    expect(expectedSecOfDelay(planned + 15 * 60, first, 5)).toBe(planned + 5 * 60);
    // A report from before expected times were kept counts from the planned time.
    expect(expectedSecOfDelay(planned, { delayMin: 15, expectedSec: null }, 40)).toBe(planned + 40 * 60);
  });

  it('picks the newest report with minutes, later in the list on a tie', () => {
    const at = (sec: number, delayMin: number | null, tag: string) => ({ kind: 'DELAYED' as const, sec, delayMin, tag });
    const events = [at(10, 15, 'a'), { kind: 'ARRIVED' as const, sec: 40, delayMin: null, tag: 'x' }, at(30, 40, 'b'), at(30, 20, 'c'), at(50, null, 'd')];
    expect(newestDelayReport(events, (e) => e.sec)?.tag).toBe('c');
    expect(newestDelayReport([], (e: { kind: 'DELAYED'; sec: number }) => e.sec)).toBeNull();
  });
});

describe('checkReportTime', () => {
  const now = new Date('2026-11-24T09:00:00Z'); // 10:00 in Warsaw on the service day

  it('takes a report of the service day, and one entered on a later day', () => {
    expect(checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-24T08:45:00Z'), now)).toBeNull();
    expect(checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-24T08:45:00Z'), new Date('2026-11-26T08:00:00Z'))).toBeNull();
    // 23:30 UTC on the 23rd is already the 24th in Warsaw.
    expect(checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-23T23:30:00Z'), now)).toBeNull();
  });

  it('refuses a report dated before the service day, saying both dates', () => {
    const wrong = checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-23T18:00:00Z'), now);
    expect(wrong?.pl).toContain('2026-11-23');
    expect(wrong?.en).toContain('before the day of the ride');
  });

  it('refuses a time in the future beyond a phone clock’s skew, and allows a few minutes ahead', () => {
    expect(checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-24T09:05:00Z'), now)).toBeNull();
    expect(checkReportTime('2026-11-24', 'Europe/Warsaw', new Date('2026-11-24T09:30:00Z'), now)?.en).toContain('future');
  });
});

describe('noShowFromMin', () => {
  it('is the told window’s start, else the planned pickup’s minute', () => {
    expect(noShowFromMin(18 * 3600 + 25 * 60 + 40, { fromMin: 18 * 60 + 15 })).toBe(18 * 60 + 15);
    expect(noShowFromMin(18 * 3600 + 25 * 60 + 40, null)).toBe(18 * 60 + 25);
  });
});

describe('checkNoShowTime', () => {
  const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
  it('refuses a no-show before the window the client was told opens, and takes it from then', () => {
    const told = { fromMin: 18 * 60 + 25, toMin: 18 * 60 + 55 };
    expect(checkNoShowTime(m(17, 55), m(18, 41), told)?.pl).toBe(
      'Za wcześnie na zgłoszenie nieobecności: klient ma być gotowy od 18:25 (podane okno odbioru 18:25–18:55). Zaczekaj do tej godziny albo zadzwoń do dyspozytora.',
    );
    expect(checkNoShowTime(m(17, 55), m(18, 41), told)?.en).toMatch(/^Too early to report a no-show: the client was told to be ready from 18:25/);
    // The told window, not the planned time, is the client's promise.
    expect(checkNoShowTime(m(18, 25), m(18, 41), told)).toBeNull();
  });

  it('without a told window, takes the planned pickup to the minute shown on the phone', () => {
    expect(checkNoShowTime(m(8, 6) + 59, m(8, 7) + 20, null)?.pl).toMatch(/odbiór zaplanowano na 08:07\./);
    expect(checkNoShowTime(m(8, 7), m(8, 7) + 20, null)).toBeNull();
  });
});
