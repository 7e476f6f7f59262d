/**
 * Re-importing a client list must not duplicate anyone (issue #5): each row is matched to an
 * existing client by the centre's own id (externalId) when the row has one, else by first and
 * last name and home address compared without case, Polish letters or punctuation. No PESEL is
 * needed or kept. Pure: the caller loads the clients once.
 */
import { normaliseText } from '../address/normalise.js';

export interface ExistingClient {
  readonly id: string;
  readonly externalId: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly homeAddress: string;
}

export function personKey(firstName: string, lastName: string, address: string): string {
  return [firstName, lastName, address].map((s) => normaliseText(s)).join('|');
}

export type ClientMatch =
  | { readonly kind: 'new' }
  | { readonly kind: 'existing'; readonly clientId: string }
  | { readonly kind: 'ambiguous'; readonly count: number };

export function indexClients(clients: readonly ExistingClient[]) {
  const byExternal = new Map<string, string>();
  const byKey = new Map<string, ExistingClient[]>();
  for (const c of clients) {
    if (c.externalId) byExternal.set(c.externalId, c.id);
    const k = personKey(c.firstName, c.lastName, c.homeAddress);
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  return {
    match(row: { externalId?: string | null | undefined; firstName: string; lastName: string; address: string }): ClientMatch {
      const sameKey = byKey.get(personKey(row.firstName, row.lastName, row.address)) ?? [];
      if (row.externalId) {
        const id = byExternal.get(row.externalId);
        if (id) return { kind: 'existing', clientId: id };
        // A client imported before the spreadsheet had ids: the same person, who gets the id now.
        const withoutId = sameKey.filter((c) => !c.externalId);
        return withoutId.length === 1 ? { kind: 'existing', clientId: withoutId[0]!.id } : { kind: 'new' };
      }
      const ids = sameKey.map((c) => c.id);
      if (ids.length === 1) return { kind: 'existing', clientId: ids[0]! };
      if (ids.length > 1) return { kind: 'ambiguous', count: ids.length };
      return { kind: 'new' };
    },
  };
}
