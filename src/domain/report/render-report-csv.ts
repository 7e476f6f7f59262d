/**
 * The report as CSV for a spreadsheet (issue #8). Polish Excel is the reader: UTF-8 with a BOM
 * (else Polish letters break), `;` between columns and a decimal comma (what Excel expects in
 * the Polish locale). One section per table: a title line, the Polish header row, then the
 * English header row (so the file reads in either language), the rows, and an empty line.
 */
import type { Report } from './report.js';

type Cell = string | number | null;

const BOM = '\uFEFF';

function cell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function section(title: string, headersPl: readonly string[], headersEn: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [[title], headersPl, headersEn, ...rows].map((row) => row.map(cell).join(';'));
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function renderReportCsv(r: Report): string {
  const counts = (title: string, pl: string, en: string, rows: readonly { key: string; rides: number }[]) =>
    section(title, [pl, 'Przejazdy zrealizowane'], [en, 'Completed rides'], rows.map((x) => [x.key, x.rides]));
  return (
    BOM +
    section(`Okres / Period`, ['Od', 'Do'], ['From', 'To'], [[r.period.from, r.period.to]]) +
    section(
      'Przejazdy / Rides',
      ['Zamówione', 'Zrealizowane', 'Odwołane', 'Odwołane po terminie', 'Nieobecności', 'Odmowy', 'Nieprzydzielone', 'Otwarte'],
      ['Requested', 'Completed', 'Cancelled', 'Late-cancelled', 'No-shows', 'Turned down', 'Unassigned', 'Open'],
      [[r.rides.requested, r.rides.completed, r.rides.cancelled, r.rides.lateCancelled, r.rides.noShows, r.rides.turnedDown, r.rides.unassigned, r.rides.open]],
    ) +
    section('Niezaspokojone potrzeby / Unmet demand', ['Kod', 'Powód', 'Przejazdy'], ['Code', 'Reason', 'Rides'], r.unmetDemand.map((u) => [u.code, `${u.pl} / ${u.en}`, u.rides])) +
    section(
      'Osoby obsłużone / People served',
      ['Grupa uprawnionych', 'Osoby'],
      ['Eligibility group', 'People'],
      [...r.peopleServed.byEligibilityGroup.map((g) => [g.key, g.people] as Cell[]), ['RAZEM / TOTAL', r.peopleServed.total]],
    ) +
    section('Gmina / Inside the gmina', ['W gminie', 'Poza gminą', 'Nieznane'], ['Inside', 'Outside', 'Unknown'], [[r.completedByGmina.inside, r.completedByGmina.outside, r.completedByGmina.unknown]]) +
    counts('Strefy odległości / Distance bands', 'Strefa', 'Band', r.completedByDistanceBand) +
    counts('Cel / Purpose', 'Cel', 'Purpose', r.completedByPurpose) +
    counts('Źródło finansowania / Funding source', 'Źródło', 'Source', r.completedByFundingSource) +
    section('Pojazdy / Vehicles', ['Pojazd', 'Dni', 'km', 'Godziny pracy'], ['Vehicle', 'Days', 'km', 'Vehicle-hours'], r.vehicles.map((v) => [v.name, v.days, v.km, v.hours])) +
    section('Opłaty / Fees', ['Należne opłaty (zł)'], ['Fees due (PLN)'], [[r.feesDueZl]])
  );
}
