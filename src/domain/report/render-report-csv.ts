/**
 * The report as CSV for a spreadsheet (issue #8). Polish Excel is the reader: UTF-8 with a BOM
 * (else Polish letters break), `;` between columns and a decimal comma (what Excel expects in
 * the Polish locale). One section per table: a title line, the Polish header row, then the
 * English header row (so the file reads in either language), the rows, and an empty line.
 */
import type { Report } from './report.js';

type Cell = string | number | null;

const BOM = '\uFEFF';

/**
 * What the codes in the report's tables mean, for a reader of the spreadsheet: the code stays in
 * its own column (stable from month to month), the name beside it, Polish / English.
 */
const LABELS: Readonly<Record<string, string>> = {
  SENIOR: 'senior / senior',
  DISABILITY_CERTIFICATE: 'orzeczenie o niepełnosprawności / disability certificate',
  CHILD_0_3: 'dziecko 0–3 / child 0–3',
  CHILD_4_15: 'dziecko 4–15 / child 4–15',
  FAMILY: 'rodzina / family',
  SOCIAL: 'społeczny / social',
  PROFESSIONAL: 'zawodowy / work',
  EDUCATIONAL: 'edukacyjny / education',
  HEALTH: 'zdrowotny / health',
  GMINA: 'gmina / gmina',
  COUNTY: 'powiat / county',
  BEYOND: 'dalej / beyond',
  CENTRE_BUDGET: 'budżet centrum / centre budget',
  EU_PROJECT: 'projekt UE / EU project',
  PFRON: 'PFRON / PFRON',
  OTHER: 'inne / other',
};
const labelOf = (key: string): string => LABELS[key] ?? key;

function cell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function section(title: string, headersPl: readonly string[], headersEn: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [[title], headersPl, headersEn, ...rows].map((row) => row.map(cell).join(';'));
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Per kind of time: counted, on time, share; reported by drivers, then planned (no report yet). */
function onTimeSection(r: Report): string {
  const o = r.onTime;
  return section(
    `Punktualność (z dokładnością do minuty, tolerancja spóźnienia ${o.lateToleranceMin} min, okno odbioru ${o.pickupWindowMin} min) / ` +
      `On time (to the minute, late tolerance ${o.lateToleranceMin} min, pickup window ${o.pickupWindowMin} min)`,
    ['Miara', 'Liczba', 'Na czas', 'Udział na czas', 'W tolerancji', 'Udział w tolerancji'],
    ['Measure', 'Counted', 'On time', 'On-time share', 'Within tolerance', 'Within-tolerance share'],
    [
      ['Dowóz na godzinę — zgłoszone wysadzenia / Arrive-by — reported drop-offs', o.arriveByReported, o.arriveByOnTime, o.arriveByOnTimeRate, o.arriveByWithinTolerance, o.arriveByWithinToleranceRate],
      ['Dowóz na godzinę — wg planu, bez zgłoszenia / Arrive-by — planned, not reported', o.arriveByPlanned, o.arriveByPlannedOnTime, o.arriveByPlannedOnTimeRate, null, null],
      ['Odbiór od godziny — zgłoszone odbiory w oknie / Depart-after — reported pickups in the window', o.departAfterReported, o.departAfterInWindow, o.departAfterInWindowRate, null, null],
      ['Odbiór od godziny — wg planu, bez zgłoszenia / Depart-after — planned, not reported', o.departAfterPlanned, o.departAfterPlannedInWindow, o.departAfterPlannedInWindowRate, null, null],
    ],
  );
}

export function renderReportCsv(r: Report): string {
  const counts = (title: string, pl: string, en: string, rows: readonly { key: string; rides: number }[]) =>
    section(title, ['Kod', pl, 'Przejazdy zrealizowane'], ['Code', en, 'Completed rides'], rows.map((x) => [x.key, labelOf(x.key), x.rides]));
  return (
    BOM +
    section(`Okres / Period`, ['Od', 'Do'], ['From', 'To'], [[r.period.from, r.period.to]]) +
    section(
      'Przejazdy / Rides',
      ['Zamówione', 'Zrealizowane', 'Odwołane', 'w tym po terminie', 'Nieobecności', 'Odmowy', 'Nieprzydzielone', 'Otwarte'],
      ['Requested', 'Completed', 'Cancelled', 'of which late', 'No-shows', 'Turned down', 'Unassigned', 'Open'],
      [[r.rides.requested, r.rides.completed, r.rides.cancelled, r.rides.lateCancelled, r.rides.noShows, r.rides.turnedDown, r.rides.unassigned, r.rides.open]],
    ) +
    section('Niezaspokojone potrzeby / Unmet demand', ['Kod', 'Powód', 'Przejazdy'], ['Code', 'Reason', 'Rides'], r.unmetDemand.map((u) => [u.code, `${u.pl} / ${u.en}`, u.rides])) +
    section(
      'Osoby obsłużone / People served',
      ['Kod', 'Grupa uprawnionych', 'Osoby'],
      ['Code', 'Eligibility group', 'People'],
      [...r.peopleServed.byEligibilityGroup.map((g) => [g.key, labelOf(g.key), g.people] as Cell[]), ['', 'RAZEM / TOTAL', r.peopleServed.total]],
    ) +
    section('Gmina / Inside the gmina', ['W gminie', 'Poza gminą', 'Nieznane'], ['Inside', 'Outside', 'Unknown'], [[r.completedByGmina.inside, r.completedByGmina.outside, r.completedByGmina.unknown]]) +
    counts('Strefy odległości / Distance bands', 'Strefa', 'Band', r.completedByDistanceBand) +
    counts('Cel / Purpose', 'Cel', 'Purpose', r.completedByPurpose) +
    counts('Źródło finansowania / Funding source', 'Źródło', 'Source', r.completedByFundingSource) +
    section('Pojazdy / Vehicles', ['Pojazd', 'Dni', 'km', 'Godziny pracy'], ['Vehicle', 'Days', 'km', 'Vehicle-hours'], r.vehicles.map((v) => [v.name, v.days, v.km, v.hours])) +
    section(
      'Obłożenie wg planu: osoby w pojeździe w czasie jazdy (odcinek między przystankami × czas przejazdu, dojazdy z/do bazy puste), obłożenie = osobogodziny / (miejsca siedzące + na wózki) × godziny jazdy / ' +
        'Occupancy by the plan: people on board while driving (leg between stops × its travel time, depot legs empty), load = passenger-hours / (seats + wheelchair places) × driving hours',
      ['Pojazd', 'Osobogodziny', 'Godziny jazdy', 'Średnio osób w jeździe', 'Miejscogodziny', 'Obłożenie (0–1)'],
      ['Vehicle', 'Passenger-hours', 'Driving hours', 'Average on board', 'Place-hours', 'Load (0–1)'],
      [...r.occupancy.vehicles, { ...r.occupancy, name: 'RAZEM / TOTAL' }].map((o) => [o.name, o.passengerHours, o.drivingHours, o.averageOnBoard, o.placeHours, o.load]),
    ) +
    onTimeSection(r) +
    section('Opłaty / Fees', ['Należne opłaty (zł)'], ['Fees due (PLN)'], [[r.feesDueZl]])
  );
}
