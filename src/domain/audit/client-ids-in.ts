/**
 * Which clients an API answer is about: every `clientId` in it, every ride (`rideId`, or a ride's
 * own `id`) to be resolved to its client, the `id` of every nested `client`, and for client
 * answers the client's own `id`.
 * Pure, so the audit trail records reads of lists and manifests as precisely as single records.
 */
export interface Mentions {
  readonly clientIds: Set<string>;
  readonly rideIds: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mentionsIn(body: unknown, entity: 'client' | 'ride' | 'other'): Mentions {
  const clientIds = new Set<string>();
  const rideIds = new Set<string>();
  const walk = (value: unknown, depth: number, ownIdIs: 'client' | 'ride' | 'other') => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1, ownIdIs);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && UUID.test(v)) {
        if (k === 'clientId') clientIds.add(v);
        else if (k === 'rideId' || k === 'outboundRideId') rideIds.add(v);
        else if (k === 'id' && ownIdIs === 'client') clientIds.add(v);
        else if (k === 'id' && ownIdIs === 'ride') rideIds.add(v);
      } else if (typeof v === 'object') {
        // The records a list or a booking answers with are of the same kind as the answer; a
        // nested `client` is a client (a weekly pattern names its client so); anything else
        // nested (places, vehicles) is not.
        const childKind = k === 'items' || k === 'outbound' || k === 'return' ? ownIdIs : k === 'client' ? 'client' : 'other';
        walk(v, depth + 1, childKind);
      }
    }
  };
  walk(body, 0, entity);
  return { clientIds, rideIds };
}
