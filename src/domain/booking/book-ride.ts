import { AppError, type FieldError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findClient } from '../../db/repositories/client.repo.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import { findRide, insertRide } from '../../db/repositories/ride.repo.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { parseTimeOfDay, todayIn } from '../common/time.js';
import type { BookRide, RideView } from './ride.schema.js';
import { runIdempotent, type IdempotencyKeyInput } from '../common/run-idempotent.js';

function invalid(fields: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Nieprawidłowe dane', { messageEn: 'Invalid input', fields });
}

/**
 * Books a ride and, when asked, its return, in one transaction: both or neither.
 * A client in a wheelchair always needs a wheelchair place; an assistant takes a seat.
 */
export interface Booking {
  readonly outbound: RideView;
  readonly return: RideView | null;
}

export async function bookRide(
  deps: DomainDeps,
  ctx: OrganisationContext,
  input: BookRide,
  idempotency?: IdempotencyKeyInput,
): Promise<Booking & { replayed: boolean }> {
  const org = await findOrganisationById(deps.db, ctx.organisationId);
  const client = await findClient(deps.db, ctx.organisationId, input.clientId);
  const fields: FieldError[] = [];
  if (!client) fields.push({ path: 'clientId', message: 'nie ma takiego klienta', messageEn: 'no such client' });
  else if (!client.active) fields.push({ path: 'clientId', message: 'klient jest nieaktywny', messageEn: 'the client is inactive' });
  const fromPlaceId = input.fromPlaceId ?? client?.homePlaceId;
  if (input.fromPlaceId && !(await findPlace(deps.db, ctx.organisationId, input.fromPlaceId))) {
    fields.push({ path: 'fromPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' });
  }
  if (!(await findPlace(deps.db, ctx.organisationId, input.toPlaceId))) {
    fields.push({ path: 'toPlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' });
  }
  if (fromPlaceId && fromPlaceId === input.toPlaceId) {
    fields.push({ path: 'toPlaceId', message: 'cel jest domem klienta', messageEn: "the destination is the client's home" });
  }
  if (org && input.date < todayIn(org.timeZone, deps.now())) {
    fields.push({ path: 'date', message: 'data jest w przeszłości', messageEn: 'the date is in the past' });
  }
  if (client?.mobility === 'WHEELCHAIR' && input.wheelchair === false) {
    fields.push({ path: 'wheelchair', message: 'klient porusza się na wózku: potrzebne miejsce na wózek', messageEn: 'the client uses a wheelchair: a wheelchair place is needed' });
  }
  if (fields.length || !client || !fromPlaceId) throw invalid(fields);

  const wheelchair = input.wheelchair ?? client.mobility === 'WHEELCHAIR';
  const assistant = input.assistant ?? client.needsAssistant;
  const common = { clientId: client.id, date: input.date, wheelchair, assistant, notes: input.notes ?? null };
  const { result, replayed } = await runIdempotent(deps.db, ctx.organisationId, idempotency, async (tx): Promise<Booking> => {
    const outboundId = await insertRide(tx, ctx.organisationId, {
      ...common,
      fromPlaceId,
      toPlaceId: input.toPlaceId,
      timeMode: input.arriveBy ? 'ARRIVE_BY' : 'DEPART_AFTER',
      timeMin: parseTimeOfDay((input.arriveBy ?? input.departAfter)!),
      outboundRideId: null,
    }, ctx.actor);
    const returnId = input.return
      ? await insertRide(tx, ctx.organisationId, {
          ...common,
          fromPlaceId: input.toPlaceId,
          toPlaceId: fromPlaceId,
          timeMode: 'DEPART_AFTER',
          timeMin: parseTimeOfDay(input.return.departAfter),
          outboundRideId: outboundId,
        }, ctx.actor)
      : null;
    return {
      outbound: (await findRide(tx, ctx.organisationId, outboundId))!,
      return: returnId ? await findRide(tx, ctx.organisationId, returnId) : null,
    };
  });
  return { ...result, replayed };
}
