/** A spreadsheet row's address → one PRG point, or the rejection saying why not. */
import type { Db, Tx } from '../../db/client.js';
import type { AddressPointView } from '../address/address-point.js';
import { resolveAddress } from '../address/search-address-points.js';
import { rejection, type RowRejection } from './import-report.js';

export async function homeFromAddress(
  db: Db | Tx,
  organisationId: string,
  row: number,
  address: string,
): Promise<{ point: AddressPointView } | { rejected: RowRejection }> {
  const r = await resolveAddress(db, organisationId, address);
  if (r.kind === 'found') return { point: r.point };
  if (r.kind === 'ambiguous') {
    const options = r.candidates.map((c) => c.address).join('; ');
    return {
      rejected: rejection(
        row,
        'address',
        `adres „${address}” pasuje do kilku punktów (${options}); dopisz miejscowość albo podaj lat i lon`,
        `address "${address}" matches several points (${options}); add the locality or give lat and lon`,
      ),
    };
  }
  return {
    rejected: rejection(
      row,
      'address',
      `nie znaleziono adresu „${address}” w rejestrze adresów gminy (PRG); sprawdź pisownię i numer albo podaj lat i lon`,
      `address "${address}" not found in the gmina's address register (PRG); check the spelling and number or give lat and lon`,
    ),
  };
}
