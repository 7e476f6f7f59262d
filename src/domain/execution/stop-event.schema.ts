import { z } from 'zod';
import { DateSchema, IdSchema, LatSchema, LonSchema } from '../common/schemas.js';

export const StopEventKinds = ['ARRIVED', 'PICKED_UP', 'DROPPED_OFF', 'NO_SHOW', 'DELAYED'] as const;
export type StopEventKind = (typeof StopEventKinds)[number];

/** A stop as the driver's manifest numbers it: the day, the vehicle and the 1-based sequence. */
export const StopEventParamsSchema = z.object({
  date: DateSchema,
  vehicleId: IdSchema,
  sequence: z.coerce.number().int().min(1, { error: 'sequence.range' }),
});
export type StopEventParams = z.infer<typeof StopEventParamsSchema>;

/**
 * The longest delay a driver can announce, in minutes: a breakdown waiting for a tow is hours, not
 * a day; beyond a shift's length the vehicle is out of service, which is the dispatcher's call.
 * The phone offers the same bound (web/src/delay.ts).
 */
export const DELAY_MAX_MIN = 600;

/**
 * What the phone sends. clientEventId is a uuid the phone makes once per tap, so resending the
 * same report after a poor connection is stored once. `at` is when it happened (default: when
 * the server receives it), so a report queued offline keeps its real time.
 */
export const ReportStopEventSchema = z.strictObject({
  kind: z.enum(StopEventKinds),
  clientEventId: IdSchema,
  at: z.iso.datetime({ offset: true, error: 'datetime.format' }).optional(),
  lat: LatSchema.optional(),
  lon: LonSchema.optional(),
  note: z.string().trim().max(500).optional(),
  /**
   * DELAYED (required there, refused elsewhere): minutes late the driver expects to be at this
   * stop; a later DELAYED report at the stop replaces the earlier one (D62).
   */
  delayMin: z.number({ error: 'delay.range' }).int({ error: 'delay.range' }).min(1, { error: 'delay.range' }).max(DELAY_MAX_MIN, { error: 'delay.range' }).optional(),
  /**
   * The ride the phone means. Live edits renumber stops; with it, a report sent from an older
   * manifest still lands on that ride's stop of this vehicle.
   */
  rideId: IdSchema.optional(),
}).superRefine((v, ctx) => {
  // A delay with no minutes moved nothing and told the dispatcher nothing; minutes on another
  // report were silently dropped. Both are refused, nothing stored.
  if (v.kind === 'DELAYED' && v.delayMin === undefined) ctx.addIssue({ code: 'custom', path: ['delayMin'], message: 'delay.required' });
  if (v.kind !== 'DELAYED' && v.delayMin !== undefined) ctx.addIssue({ code: 'custom', path: ['delayMin'], message: 'delay.onlyDelayed' });
});
export type ReportStopEvent = z.infer<typeof ReportStopEventSchema>;

export interface StopEventView {
  readonly id: string;
  readonly clientEventId: string;
  readonly kind: StopEventKind;
  readonly at: string;
  readonly receivedAt: string;
  readonly rideId: string;
  readonly sequence: number;
  readonly rideStatus: string;
  /** True when this was a resend of a report already stored: nothing changed. */
  readonly replayed: boolean;
}
