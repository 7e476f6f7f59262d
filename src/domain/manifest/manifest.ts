import type { PlanChangeView, TravelTimesNote } from '../plan/plan.schema.js';
import type { StopState } from '../execution/stop-event.rules.js';

export interface Need {
  readonly code: 'WHEELCHAIR' | 'TRANSFER' | 'WALKER' | 'ASSISTANT' | 'DOG' | 'DOOR_TO_DOOR' | 'HAND_TO_HAND';
  readonly pl: string;
  readonly en: string;
}

export interface ManifestStop {
  readonly sequence: number;
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly action: { readonly pl: string; readonly en: string };
  /** Planned start of service, HH:MM. */
  readonly time: string;
  /** Re-estimated start of service after the drivers' reports: seconds after midnight, and HH:MM. */
  readonly etaSec: number;
  readonly eta: string;
  readonly place: { readonly name: string; readonly address: string; readonly lat: number; readonly lon: number };
  readonly passenger: { readonly name: string; readonly phone: string | null };
  readonly needs: readonly Need[];
  /** Notes for the driver: the client's standing notes and the ride's own. */
  readonly notes: readonly string[];
  /** Appointment time for arrive-by drop-offs, HH:MM. */
  readonly appointment: string | null;
  readonly rideId: string;
  /** Opens the phone's navigation app at the stop. */
  readonly navigationUrl: string;
  /** What the driver has reported here (issue #8): PLANNED until the first report. */
  readonly state: StopState;
  /** Actual times as reported, HH:MM on the centre's clock: arrived, and done (picked up, dropped off or no-show). */
  readonly actual: { readonly arrived: string | null; readonly done: string | null; readonly delayed: boolean };
  /**
   * The delay the driver reported here last (a later report replaces an earlier one, D62), or
   * null: its minutes, the time they count from (the stop's planned time when the first delay here
   * was reported; a new figure counts from it too) and when that makes the driver expected, HH:MM.
   */
  readonly delay: { readonly minutes: number; readonly from: string; readonly expected: string } | null;
  /**
   * At a pickup, HH:MM from which a no-show may be reported: the start of the window the client was
   * told, else the planned minute; the server refuses earlier ones (D57) and the phone at once.
   */
  readonly noShowFrom: string | null;
}

export interface Manifest {
  readonly date: string;
  readonly vehicle: { readonly id: string; readonly name: string; readonly registration: string | null; readonly seats: number; readonly wheelchairPlaces: number };
  readonly plan: { readonly id: string; readonly revision: number; readonly finishedAt: string | null };
  /** The live plan's version and publication; `changes` lists this vehicle's changes, newest first. */
  readonly version: number;
  readonly publishedAt: string;
  readonly changes: readonly PlanChangeView[];
  /** "HH:MM" from which this vehicle is out of service, or null. */
  readonly outOfServiceAt: string | null;
  readonly travelTimes: TravelTimesNote | null;
  readonly depot: { readonly name: string; readonly address: string };
  readonly shift: { readonly start: string; readonly end: string };
  /** Leave the depot / be back, HH:MM; null when the vehicle has no rides that day. */
  readonly departDepot: string | null;
  readonly returnDepot: string | null;
  readonly distanceKm: number;
  readonly stops: readonly ManifestStop[];
}
