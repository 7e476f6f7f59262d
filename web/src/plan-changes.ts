/**
 * Follows a day's live plan changes (GET …/changes/stream, D28): the server pushes a message after
 * every committed edit and every driver's report, so the page reads the plan again only when
 * something changed — no polling loop. The stream is opened again whenever it drops (a phone
 * losing signal), for as long as the page shows it; each (re)opening starts with the current
 * version, so a change missed meanwhile is still noticed.
 */
import { openEventStream } from './event-stream.js';

export interface PlanChangeMessage {
  readonly planId: string;
  readonly date: string;
  readonly version: number;
  /** A plan change kind (MOVE, LOCK, PUBLISH, …) or STOP_EVENT for a driver's report. */
  readonly kind: string;
  /** The vehicle of a driver's report (STOP_EVENT). */
  readonly vehicleId?: string;
}

export interface PlanChangeHandlers {
  /** Something changed after the stream opened. */
  onChange(change: PlanChangeMessage): void;
  /** The stream (re)opened; `reopened` is false the first time. */
  onOpen(current: { readonly planId: string | null; readonly version: number | null }, reopened: boolean): void;
}

export function followPlanChanges(apiPath: string, handlers: PlanChangeHandlers): () => void {
  let opened = 0;
  return openEventStream(
    `/api/v1${apiPath}`,
    {
      onEvent(event, data) {
        if (event === 'version') handlers.onOpen(data as { planId: string | null; version: number | null }, opened++ > 0);
        else if (event === 'change') handlers.onChange(data as PlanChangeMessage);
      },
      onLost() {
        // Not reached: the stream is opened again for as long as the page follows it.
      },
    },
    Number.POSITIVE_INFINITY,
  );
}
