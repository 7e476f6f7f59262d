/**
 * The report's occupancy and on-time figures (issue #8, src/domain/report/report.ts) in words:
 * the fleet's occupancy with a row per vehicle, and on time as counts with their shares, for
 * arrive-by and depart-after rides, as reported by drivers and as planned.
 */
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { barChart } from './charts.js';
import type { Occupancy, OnTime } from '../../../src/domain/report/report.js';
import { ta } from './accounts-i18n.js';

export type { Occupancy, OnTime };

const num = (n: number | null, digits = 1): string =>
  n === null ? ta('dash') : formatNumber(n, { maximumFractionDigits: digits });
const percent = (share: number | null): string =>
  share === null ? ta('dash') : formatNumber(share, { style: 'percent' });

export function occupancySection(o: Occupancy): HTMLElement {
  const head = [t('vehicle'), ta('occPassengerHours'), ta('occDrivingHours'), ta('occAverageOnBoard'), ta('occPlaceHours'), ta('occLoad')];
  const row = (label: string, f: Occupancy | Occupancy['vehicles'][number], scope: 'row' | null = 'row') => h('tr', {},
    h('th', { scope }, label),
    h('td', {}, num(f.passengerHours)),
    h('td', {}, num(f.drivingHours)),
    h('td', {}, num(f.averageOnBoard, 2)),
    h('td', {}, num(f.placeHours)),
    h('td', {}, percent(f.load)),
  );
  return h('section', { 'aria-labelledby': 'rep-occupancy', id: 'occupancy' },
    h('h2', { id: 'rep-occupancy' }, ta('occTitle')),
    h('dl', { class: 'figures', id: 'occupancy-fleet' },
      h('dt', {}, ta('occLoad')), h('dd', {}, percent(o.load)),
      h('dt', {}, ta('occAverageOnBoard')), h('dd', {}, num(o.averageOnBoard, 2)),
      h('dt', {}, ta('occPassengerHours')), h('dd', {}, ta('hoursUnit', { n: num(o.passengerHours) })),
      h('dt', {}, ta('occDrivingHours')), h('dd', {}, ta('hoursUnit', { n: num(o.drivingHours) })),
      h('dt', {}, ta('occPlaceHours')), h('dd', {}, ta('hoursUnit', { n: num(o.placeHours) })),
    ),
    barChart(ta('occLoadPerVehicle'), o.vehicles.map((v) => ({ label: v.name, value: (v.load ?? 0) * 100, text: percent(v.load) })), 'chart-load'),
    h('h3', {}, ta('occPerVehicle')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'occupancy-vehicles' },
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...o.vehicles.map((v) => row(v.name, v))),
      h('tfoot', {}, row(ta('occFleet'), o)),
    )),
    h('p', { class: 'muted' }, ta('occNote')),
  );
}

export function onTimeSection(o: OnTime): HTMLElement {
  const share = (n: number, rate: number | null) => ta('otOfShare', { n, rate: percent(rate) });
  const rows: [string, number, string, string][] = [
    [ta('otArriveReported'), o.arriveByReported, share(o.arriveByOnTime, o.arriveByOnTimeRate), share(o.arriveByWithinTolerance, o.arriveByWithinToleranceRate)],
    [ta('otArrivePlanned'), o.arriveByPlanned, share(o.arriveByPlannedOnTime, o.arriveByPlannedOnTimeRate), ta('dash')],
    [ta('otDepartReported', { min: o.pickupWindowMin }), o.departAfterReported, share(o.departAfterInWindow, o.departAfterInWindowRate), ta('dash')],
    [ta('otDepartPlanned', { min: o.pickupWindowMin }), o.departAfterPlanned, share(o.departAfterPlannedInWindow, o.departAfterPlannedInWindowRate), ta('dash')],
  ];
  return h('section', { 'aria-labelledby': 'rep-ontime', id: 'on-time' },
    h('h2', { id: 'rep-ontime' }, ta('otTitle')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'on-time-table' },
      h('thead', {}, h('tr', {}, ...[ta('otWhat'), ta('otCount'), ta('otOk'), ta('otTolerance', { min: o.lateToleranceMin })].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map(([label, count, ok, tolerance]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, count), h('td', {}, ok), h('td', {}, tolerance)))),
    )),
    h('p', { class: 'muted' }, ta('otNote', { min: o.pickupWindowMin })),
  );
}
