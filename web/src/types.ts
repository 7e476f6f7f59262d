/** The API's response shapes, taken from the server's own view types (type-only: nothing is bundled). */
export type { PlanView, PlanRouteView, PlanStopView } from '../../src/domain/plan/plan.schema.js';
export type { Manifest, ManifestStop } from '../../src/domain/manifest/manifest.js';
export type { RideView } from '../../src/domain/booking/ride.schema.js';
export type { ApprovalDay, ApprovalDecisions, ApprovalItem } from '../../src/domain/booking/approval.schema.js';
export type { RecurringRideView } from '../../src/domain/booking/recurring-ride.schema.js';
export type { ClientView } from '../../src/domain/booking/client.schema.js';
export type { PlaceView } from '../../src/domain/booking/place.schema.js';
export type { VehicleView } from '../../src/domain/fleet/vehicle.schema.js';

export interface Items<T> {
  readonly items: readonly T[];
}

/** A view draws itself into the main element and returns what to undo when the page moves on. */
export type View = (root: HTMLElement, params: URLSearchParams) => Promise<(() => void) | void>;
export type { NotificationView, UnplacedToCall } from '../../src/domain/notification/list-notifications.js';
export type { ProviderView, ProviderRideView, ConfirmationView } from '../../src/domain/provider/provider.schema.js';
export type { PolicyEventView } from '../../src/domain/booking/no-show-policy.js';
export type { AddressSearchAnswer, AddressHit } from '../../src/domain/address/search-address.js';
