/** The driver's delay on the phone (web/src/delay.ts, D62): the minutes taken, and what a queued figure shows. */
import { describe, expect, it } from 'vitest';
import { DELAY_CHOICES, DELAY_MAX_MIN, delayWith, parseDelayMinutes } from '../../web/src/delay.js';
import { DELAY_MAX_MIN as API_DELAY_MAX_MIN, ReportStopEventSchema } from '../../src/domain/execution/stop-event.schema.js';

describe('a delay typed on the phone', () => {
  it('takes whole minutes from 1 to the API’s bound, and says what is wrong otherwise', () => {
    expect(DELAY_MAX_MIN).toBe(API_DELAY_MAX_MIN);
    expect(parseDelayMinutes(' 75 ')).toEqual({ ok: true, minutes: 75 });
    expect(parseDelayMinutes(String(DELAY_MAX_MIN))).toEqual({ ok: true, minutes: DELAY_MAX_MIN });
    expect(parseDelayMinutes('')).toEqual({ ok: false, error: 'required' });
    for (const bad of ['0', String(DELAY_MAX_MIN + 1), '7.5', '7,5', '-5', 'pół godziny', '1e2']) expect(parseDelayMinutes(bad), bad).toEqual({ ok: false, error: 'range' });
  });

  it('offers one-tap choices past an hour, each one the API takes', () => {
    expect(Math.max(...DELAY_CHOICES)).toBeGreaterThan(60);
    const report = (delayMin: number) => ReportStopEventSchema.safeParse({ kind: 'DELAYED', clientEventId: crypto.randomUUID(), delayMin }).success;
    for (const n of DELAY_CHOICES) expect(report(n), String(n)).toBe(true);
  });

  it('shows a queued figure counted from the time the stop’s delays count from', () => {
    expect(delayWith({ time: '08:00', delay: null }, 40)).toEqual({ minutes: 40, from: '08:00', expected: '08:40' });
    // An edit moved the stop to 08:15 after a first "15 min": a new "10" means 08:10.
    expect(delayWith({ time: '08:15', delay: { minutes: 15, from: '08:00', expected: '08:15' } }, 10)).toEqual({ minutes: 10, from: '08:00', expected: '08:10' });
    expect(delayWith({ time: '23:30', delay: null }, 45)).toEqual({ minutes: 45, from: '23:30', expected: '24:15' });
  });
});
