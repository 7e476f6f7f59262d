/**
 * Anonymising one client: every field that says who they are, where they live or how they are
 * goes; what reports count stays (the client row and its id, eligibility group, mobility, the
 * rides with their dates, places' in/out-of-gmina flags, distance bands and fees), so monthly
 * reports are the same before and after (docs/DECISIONS.md D14).
 */
import type { Prisma } from '../../db/generated/client.js';

export const ANONYMISED_NAME = 'Zanonimizowano';

/** ~1 km: enough for the map of where people are served, not enough to find a house. */
const roundCoord = (x: number) => Math.round(x * 100) / 100;

export async function anonymiseClientIn(tx: Prisma.TransactionClient, organisationId: string, clientId: string, at: Date): Promise<boolean> {
  const client = await tx.client.findFirst({ where: { organisationId, id: clientId } });
  if (!client || client.anonymisedAt) return false;
  await tx.client.update({
    where: { id: client.id },
    data: {
      firstName: ANONYMISED_NAME,
      lastName: client.id.slice(0, 8),
      phone: null,
      caseworker: null,
      caseworkerUserId: null,
      caseworkerPhone: null,
      externalId: null,
      consentNote: null,
      suspensionReason: null,
      driverNotes: null,
      anonymisedAt: at,
      active: false,
      version: { increment: 1 },
    },
  });
  // The home address, unless someone else still uses the same place (a family at one address).
  const sharedHome = await tx.client.count({ where: { organisationId, homePlaceId: client.homePlaceId, anonymisedAt: null, id: { not: client.id } } });
  const home = await tx.place.findFirst({ where: { organisationId, id: client.homePlaceId } });
  if (home && home.kind === 'ADDRESS' && sharedHome === 0) {
    await tx.place.update({
      where: { id: home.id },
      data: { name: ANONYMISED_NAME, address: ANONYMISED_NAME, lat: roundCoord(home.lat), lon: roundCoord(home.lon), version: { increment: 1 } },
    });
  }
  await tx.ride.updateMany({ where: { organisationId, clientId: client.id }, data: { notes: null, cancelReason: null } });
  await tx.recurringRide.updateMany({ where: { organisationId, clientId: client.id }, data: { notes: null, active: false } });
  await tx.stopEvent.updateMany({ where: { organisationId, ride: { clientId: client.id } }, data: { note: null, lat: null, lon: null } });
  // What the client was told (name, address, phone) and free-text notes about them (issues #5, #8).
  await tx.notification.updateMany({ where: { organisationId, clientId: client.id }, data: { text: ANONYMISED_NAME, recipient: null } });
  await tx.providerConfirmation.updateMany({ where: { organisationId, ride: { clientId: client.id } }, data: { note: null } });
  await tx.clientPolicyEvent.updateMany({ where: { organisationId, clientId: client.id, actor: { not: 'system' } }, data: { reason: ANONYMISED_NAME } });
  return true;
}
