/**
 * The checks every ride request passes, one-off (book-ride.ts) or weekly (manage-recurring-rides.ts),
 * in one place so the two cannot drift apart (issue #5): the client exists and is active, the places
 * exist in the organisation, the destination is not the origin (by default the client's home), and
 * a client who stays in the wheelchair gets a wheelchair place. Every failure names its field.
 */
import type { FieldError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findClient } from '../../db/repositories/client.repo.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import type { ClientView } from './client.schema.js';
import { clientScope } from '../../auth/row-access.js';

type Place = NonNullable<Awaited<ReturnType<typeof findPlace>>>;

export interface RideRequestParts {
  readonly clientId: string;
  readonly fromPlaceId?: string | undefined;
  readonly toPlaceId: string;
  readonly wheelchair?: boolean | undefined;
}

export type CheckedRideRequest =
  | { readonly ok: true; readonly client: ClientView; readonly fromPlace: Place; readonly toPlace: Place; readonly fields: readonly [] }
  | { readonly ok: false; readonly client: ClientView | null; readonly fields: readonly FieldError[] };

export async function checkRideRequest(deps: DomainDeps, ctx: OrganisationContext, input: RideRequestParts): Promise<CheckedRideRequest> {
  // Outside the caller's caseload a client is "no such client", exactly as an unknown id.
  const client = await findClient(deps.db, ctx.organisationId, input.clientId, clientScope(ctx));
  const fields: FieldError[] = [];
  if (!client) fields.push({ path: 'clientId', message: 'nie ma takiego klienta', messageEn: 'no such client' });
  else if (!client.active) fields.push({ path: 'clientId', message: 'klient jest nieaktywny', messageEn: 'the client is inactive' });
  const fromPlaceId = input.fromPlaceId ?? client?.homePlaceId;
  const fromPlace = fromPlaceId ? await findPlace(deps.db, ctx.organisationId, fromPlaceId) : null;
  const toPlace = await findPlace(deps.db, ctx.organisationId, input.toPlaceId);
  if (input.fromPlaceId && !fromPlace) fields.push({ path: 'fromPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' });
  if (!toPlace) fields.push({ path: 'toPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' });
  if (fromPlaceId && fromPlaceId === input.toPlaceId) {
    fields.push(
      input.fromPlaceId
        ? { path: 'toPlaceId', message: 'cel jest miejscem startu', messageEn: 'the destination is the origin' }
        : { path: 'toPlaceId', message: 'cel jest domem klienta', messageEn: "the destination is the client's home" },
    );
  }
  const noWheelchairPlace = wheelchairPlaceMissing(client, input.wheelchair);
  if (noWheelchairPlace) fields.push(noWheelchairPlace);
  if (fields.length || !client || !fromPlace || !toPlace) return { ok: false, client, fields };
  return { ok: true, client, fromPlace, toPlace, fields: [] };
}

/** A client who stays in the wheelchair rides in a wheelchair place: refused when asked for none. */
export function wheelchairPlaceMissing(client: { readonly mobility: string } | null, wheelchair: boolean | undefined): FieldError | null {
  if (client?.mobility !== 'WHEELCHAIR' || wheelchair !== false) return null;
  return { path: 'wheelchair', message: 'klient porusza się na wózku: potrzebne miejsce na wózek', messageEn: 'the client uses a wheelchair: a wheelchair place is needed' };
}

/** The client's suspension covering a date, as a field error on `path`; null when free to ride. */
export function suspensionOn(client: ClientView | null, date: string, path = 'date'): FieldError | null {
  const s = client?.suspension;
  if (!s || date < s.from || date > s.until) return null;
  return {
    path,
    message: `klient jest zawieszony od ${s.from} do ${s.until}: ${s.reason}`,
    messageEn: `the client is suspended from ${s.from} to ${s.until}: ${s.reason}`,
  };
}
