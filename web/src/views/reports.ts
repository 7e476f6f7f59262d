/**
 * Reports for a month or any period (issue #8): the figures of GET /reports as bar charts with
 * their values written out, tables for exact reading, and the CSV for Excel.
 */
import { api, ApiError, downloadFile } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { formatNumber, pick, t, tOr, type MessageKey } from '../i18n.js';
import type { View } from '../types.js';
import { barChart, type Bar } from './charts.js';
import { occupancySection, onTimeSection } from './report-figures.js';
// GET /reports answers the API's own type, as web/src/types.ts gives the other views theirs.
import type { CountRow, Report } from '../../../src/domain/report/report.js';

const num = (n: number, digits = 1) => formatNumber(n, { maximumFractionDigits: digits });
/** A code from the API in words where this page knows it (e.g. SENIOR → senior), else the code. */
const codeText = (prefix: string, code: string): string => tOr(`${prefix}${code}`, code);

/** Month start and end of the previous month: the usual report. */
function lastMonth(): { from: string; to: string } {
  const today = warsawDate();
  const first = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
  const end = new Date(first);
  end.setUTCDate(0);
  const start = new Date(end);
  start.setUTCDate(1);
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLElement {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', {}, typeof c === 'number' ? num(c) : c)))))),
    ),
  );
}

function renderReport(r: Report): HTMLElement {
  const rideKeys = ['requested', 'completed', 'cancelled', 'lateCancelled', 'noShows', 'turnedDown', 'unassigned', 'open'] as const;
  const rideBars: Bar[] = rideKeys.filter((k) => r.rides[k] !== null && r.rides[k] !== undefined).map((k) => ({ label: t(`rep_${k}` as MessageKey), value: r.rides[k]! }));
  const count = (rows: readonly CountRow[], prefix: string): Bar[] => rows.map((x) => ({ label: codeText(prefix, x.key), value: x.rides }));
  return h('div', { class: 'report' },
    h('p', { class: 'summary' }, t('repSummary', { from: r.period.from, to: r.period.to, people: r.peopleServed.total, fees: num(r.feesDueZl, 2) })),
    h('div', { class: 'charts' },
      barChart(t('repRides'), rideBars, 'chart-rides'),
      barChart(t('repPeople', { n: r.peopleServed.total }), r.peopleServed.byEligibilityGroup.map((g) => ({ label: codeText('grp_', g.key), value: g.people })), 'chart-people'),
      barChart(t('repGmina'), [
        { label: t('repInside'), value: r.completedByGmina.inside },
        { label: t('repOutside'), value: r.completedByGmina.outside },
        ...(r.completedByGmina.unknown ? [{ label: t('repUnknown'), value: r.completedByGmina.unknown }] : []),
      ], 'chart-gmina'),
      barChart(t('repPurpose'), count(r.completedByPurpose, 'purpose_'), 'chart-purpose'),
      barChart(t('repBand'), count(r.completedByDistanceBand, 'band_'), 'chart-band'),
      barChart(t('repFunding'), count(r.completedByFundingSource, 'fund_'), 'chart-funding'),
      barChart(t('repKm'), r.vehicles.map((v) => ({ label: v.name, value: v.km, text: `${num(v.km)} km` })), 'chart-km'),
      barChart(t('repHours'), r.vehicles.map((v) => ({ label: v.name, value: v.hours, text: `${num(v.hours)} h` })), 'chart-hours'),
      barChart(t('repUnmet'), r.unmetDemand.map((u) => ({ label: pick(u), value: u.rides })), 'chart-unmet'),
    ),
    h('h2', {}, t('repVehicles')),
    table([t('vehicle'), t('repDays'), 'km', t('repHoursShort')], r.vehicles.map((v) => [v.name, v.days, v.km, v.hours])),
    h('h2', {}, t('repUnmet')),
    r.unmetDemand.length ? table([t('repReason'), t('rides')], r.unmetDemand.map((u) => [pick(u), u.rides])) : h('p', { class: 'muted' }, t('repNoUnmet')),
    occupancySection(r.occupancy),
    onTimeSection(r.onTime),
    h('p', {}, t('repFees', { fees: num(r.feesDueZl, 2) })),
  );
}

export const renderReports: View = async (root, params) => {
  const preset = lastMonth();
  const from = params.get('from') ?? preset.from;
  const to = params.get('to') ?? preset.to;
  const fromInput = h('input', { id: 'rep-from', type: 'date', value: from, required: true });
  const toInput = h('input', { id: 'rep-to', type: 'date', value: to, required: true });
  const month = h('input', { id: 'rep-month', type: 'month', value: from.slice(0, 7) });
  month.addEventListener('change', () => {
    if (!month.value) return;
    const start = new Date(`${month.value}-01T12:00:00Z`);
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 1, 0);
    fromInput.value = start.toISOString().slice(0, 10);
    toInput.value = end.toISOString().slice(0, 10);
  });
  const form = h('form', { class: 'toolbar', id: 'report-form' },
    h('div', { class: 'field' }, h('label', { for: 'rep-month' }, t('repMonth')), month),
    h('div', { class: 'field' }, h('label', { for: 'rep-from' }, t('repFrom')), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'rep-to' }, t('repTo')), toInput),
    h('button', { type: 'submit', class: 'primary' }, t('repShow')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/reports?from=${fromInput.value}&to=${toInput.value}`;
  });
  const csvError = h('span', { role: 'alert', class: 'error' });
  const csv = h('button', { type: 'button', id: 'report-csv' }, t('repCsv'));
  csv.addEventListener('click', () => {
    downloadFile(`/reports?from=${from}&to=${to}&format=csv`, `raport-${from}-${to}.csv`).catch((err: unknown) => {
      csvError.textContent = err instanceof ApiError ? err.text() : String(err);
    });
  });
  const body = h('div', { id: 'report-body' }, h('p', { role: 'status' }, t('loading')));
  root.replaceChildren(h('h1', {}, t('reportsTitle')), form, h('p', {}, csv, ' ', csvError), body);
  try {
    body.replaceChildren(renderReport(await api.get<Report>(`/reports?from=${from}&to=${to}`)));
  } catch (err) {
    body.replaceChildren(h('p', { role: 'alert', class: 'error' }, err instanceof ApiError ? err.text() : String(err)));
  }
};
