/** The ride statuses of issue #5 as the rest of the code reads them (D29). */
import { describe, expect, it } from 'vitest';
import { isCancelled } from '../../../../src/domain/booking/ride.rules.js';
import { missedReason } from '../../../../src/domain/booking/missed-ride.rules.js';
import { decideStopEvent, stopProgress } from '../../../../src/domain/execution/stop-event.rules.js';

describe('ride statuses', () => {
  it('treats a late cancellation as a cancellation everywhere', () => {
    expect(isCancelled('CANCELLED')).toBe(true);
    expect(isCancelled('LATE_CANCELLED')).toBe(true);
    expect(isCancelled('MISSED')).toBe(false);
    expect(isCancelled('TURNED_DOWN')).toBe(false);
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'LATE_CANCELLED')).toMatchObject({ ok: false, en: 'The ride was cancelled — no events can be reported on it' });
    expect(stopProgress('PICKUP', 'LATE_CANCELLED', []).state).toBe('CANCELLED');
  });

  it('takes a late report on a ride closed as missed (a phone offline overnight): the report is what happened', () => {
    expect(decideStopEvent('PICKED_UP', 'PICKUP', 'MISSED')).toEqual({ ok: true, move: { from: 'MISSED', to: 'IN_PROGRESS' } });
    expect(decideStopEvent('NO_SHOW', 'PICKUP', 'MISSED')).toEqual({ ok: true, move: { from: 'MISSED', to: 'NO_SHOW' } });
    expect(decideStopEvent('ARRIVED', 'PICKUP', 'MISSED')).toEqual({ ok: true, move: null });
    expect(decideStopEvent('DROPPED_OFF', 'DROPOFF', 'MISSED')).toMatchObject({ ok: false, en: 'A client cannot be dropped off before being picked up' });
  });

  it('says why a ride was missed: the plan’s reason first, else what it was waiting for', () => {
    expect(missedReason('APPROVED', { pl: 'Brak miejsc', en: 'No seats' })).toBe(
      "nieobsłużony: plan dnia go nie przydzielił (Brak miejsc) / not served: the day's plan left it unassigned (No seats)",
    );
    expect(missedReason('REQUESTED', null)).toContain('still awaiting approval');
    expect(missedReason('APPROVED', null)).toContain('it was in no plan of its day');
    expect(missedReason('SCHEDULED', null)).toContain('the vehicle reported neither a pickup nor a no-show');
  });
});
