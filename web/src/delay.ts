/**
 * A driver's delay on the phone, pure (no DOM, unit-tested in Node): which minutes a driver may
 * give, and what a stop shows for a delay still waiting in the outbox (D62).
 */
import type { ManifestStop } from '../../src/domain/manifest/manifest.js';
import { clockOfSeconds, toMinutes } from './time.js';

/** The API's bound (DELAY_MAX_MIN in src/domain/execution/stop-event.schema.ts; a unit test keeps the two equal). */
export const DELAY_MAX_MIN = 600;

/** One tap each; a breakdown waiting for a tow, or anything in between, is typed. */
export const DELAY_CHOICES = [5, 10, 15, 30, 45, 60, 90, 120] as const;

export type DelayMinutes = { readonly ok: true; readonly minutes: number } | { readonly ok: false; readonly error: 'required' | 'range' };

/** The minutes typed by the driver: whole, 1 to DELAY_MAX_MIN, as the server takes them. */
export function parseDelayMinutes(text: string): DelayMinutes {
  const v = text.trim();
  if (v === '') return { ok: false, error: 'required' };
  const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  return n >= 1 && n <= DELAY_MAX_MIN ? { ok: true, minutes: n } : { ok: false, error: 'range' };
}

/**
 * The delay a stop shows with a new figure, before the server has it: counted from the time the
 * stop's delays count from (the server keeps one such time per stop), else its planned time.
 */
export function delayWith(stop: Pick<ManifestStop, 'time' | 'delay'>, minutes: number): NonNullable<ManifestStop['delay']> {
  const from = stop.delay?.from ?? stop.time;
  return { minutes, from, expected: clockOfSeconds((toMinutes(from) + minutes) * 60) };
}
