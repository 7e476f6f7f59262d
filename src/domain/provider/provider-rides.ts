/**
 * The rides given to a provider's vehicles, and its confirmations (issue #5). "Given" means
 * planned on one of its vehicles in the plan the day is driven by (livePlanIds): that is what
 * the provider's drivers drive.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { AppError, invalidInput, notFound } from '../../errors.js';
import { formatSeconds, fromDbDate, toDbDate } from '../common/time.js';
import { organisationToday } from '../organisation/organisation-today.js';
import { checkProviderScope, getProvider } from './manage-providers.js';
import type { ConfirmationView, ProviderConfirmationInput, ProviderRideView } from './provider.schema.js';
import { isCancelled } from '../booking/ride.rules.js';
import { clientName } from '../booking/client-name.js';

/**
 * The plan each day in [from, to] is driven by: its newest published plan, or before any
 * publication its newest DONE one (as drivers' manifests and clients' notifications).
 */
async function livePlanIds(deps: DomainDeps, organisationId: string, from: string, to: string): Promise<string[]> {
  const plans = await deps.db.plan.findMany({
    where: { organisationId, status: 'DONE', serviceDate: { gte: toDbDate(from), lte: toDbDate(to) } },
    orderBy: [{ serviceDate: 'asc' }, { revision: 'desc' }],
    select: { id: true, serviceDate: true, publishedAt: true },
  });
  const chosen = new Map<string, { id: string; published: boolean }>();
  for (const p of plans) {
    const day = fromDbDate(p.serviceDate);
    const had = chosen.get(day);
    if (!had || (!had.published && p.publishedAt)) chosen.set(day, { id: p.id, published: p.publishedAt !== null });
  }
  return [...chosen.values()].map((c) => c.id);
}

const confirmationView = (c: { outcome: ConfirmationView['outcome']; km: number; feeCollectedGrosze: number; note: string | null; actor: string; at: Date }): ConfirmationView => ({
  outcome: c.outcome,
  km: c.km,
  feeCollectedGrosze: c.feeCollectedGrosze,
  note: c.note,
  by: c.actor,
  at: c.at.toISOString(),
});

export async function listProviderRides(deps: DomainDeps, ctx: OrganisationContext, providerId: string, period: { from: string; to: string }): Promise<ProviderRideView[]> {
  await getProvider(deps, ctx, providerId);
  const planIds = await livePlanIds(deps, ctx.organisationId, period.from, period.to);
  if (planIds.length === 0) return [];
  const stops = await deps.db.planStop.findMany({
    where: { organisationId: ctx.organisationId, route: { planId: { in: planIds }, vehicle: { providerId } } },
    include: {
      route: { select: { vehicle: { select: { id: true, name: true } } } },
      ride: {
        include: {
          client: { select: { firstName: true, lastName: true, phone: true, mobility: true, driverNotes: true } },
          fromPlace: { select: { name: true, address: true } },
          toPlace: { select: { name: true, address: true } },
          providerConfirmations: { orderBy: { at: 'desc' }, take: 1 },
        },
      },
    },
    orderBy: [{ serviceStartSec: 'asc' }],
  });
  const dropoffs = new Map(stops.filter((s) => s.kind === 'DROPOFF').map((s) => [s.rideId, s.serviceStartSec]));
  return stops
    .filter((s) => s.kind === 'PICKUP')
    .map((s) => {
      const r = s.ride;
      const last = r.providerConfirmations[0];
      const drop = dropoffs.get(s.rideId);
      return {
        rideId: r.id,
        date: fromDbDate(r.serviceDate),
        vehicle: s.route.vehicle,
        pickupTime: formatSeconds(s.serviceStartSec),
        dropoffTime: drop === undefined ? null : formatSeconds(drop),
        client: { name: clientName(r.client), phone: r.client.phone, mobility: r.client.mobility, driverNotes: r.client.driverNotes },
        from: r.fromPlace,
        to: r.toPlace,
        status: r.status,
        feeGrosze: r.feeGrosze,
        confirmation: last ? confirmationView(last) : null,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.pickupTime.localeCompare(b.pickupTime));
}

/**
 * A provider (or a dispatcher for it) confirms a ride planned on one of its vehicles: outcome,
 * km and fee collected, with who and when. Recorded alongside the drivers' reports, which stay
 * the ride's status; a correction is a new confirmation, the newest counts.
 */
export async function confirmProviderRide(deps: DomainDeps, ctx: OrganisationContext, rideId: string, input: ProviderConfirmationInput): Promise<ConfirmationView & { rideId: string; providerId: string }> {
  const ride = await deps.db.ride.findFirst({ where: { organisationId: ctx.organisationId, id: rideId }, select: { id: true, serviceDate: true, status: true } });
  if (!ride) throw notFound('przejazd', 'ride');
  const date = fromDbDate(ride.serviceDate);
  const [planId] = await livePlanIds(deps, ctx.organisationId, date, date);
  const stop = planId
    ? await deps.db.planStop.findFirst({
        where: { organisationId: ctx.organisationId, rideId, kind: 'PICKUP', route: { planId } },
        select: { route: { select: { vehicle: { select: { providerId: true } } } } },
      })
    : null;
  const providerId = stop?.route.vehicle.providerId ?? null;
  // A provider asking about a ride not on its vehicles gets "not found": it must not learn of it.
  if (ctx.providerId && providerId !== ctx.providerId) throw notFound('przejazd', 'ride');
  if (!providerId) {
    throw new AppError('CONFLICT', 'Przejazd nie jest zaplanowany na pojeździe przewoźnika', { messageEn: 'The ride is not planned on a provider’s vehicle' });
  }
  checkProviderScope(ctx, providerId);
  if (date > (await organisationToday(deps, ctx.organisationId))) {
    throw invalidInput([{ path: 'outcome', message: `przejazd jest dopiero ${date}: można go potwierdzić od tego dnia`, messageEn: `the ride is on ${date}: it can be confirmed from that day` }]);
  }
  if (isCancelled(ride.status) || ride.status === 'TURNED_DOWN') {
    if (input.outcome !== 'NOT_DONE') {
      throw invalidInput([{ path: 'outcome', message: 'przejazd został odwołany: wynik może być tylko NOT_DONE', messageEn: 'the ride was cancelled: the outcome can only be NOT_DONE' }]);
    }
  }
  const c = await deps.db.providerConfirmation.create({
    data: {
      organisationId: ctx.organisationId,
      rideId,
      providerId,
      outcome: input.outcome,
      km: input.km,
      feeCollectedGrosze: input.feeCollectedGrosze,
      note: input.note ?? null,
      actor: ctx.actor,
      // The service's clock (deps.now), like the day checked above: not the database's own.
      at: deps.now(),
    },
  });
  return { rideId, providerId, ...confirmationView(c) };
}
