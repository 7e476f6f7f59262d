/**
 * The driver's phone page: pick the vehicle and day, then the manifest with the next stop on top
 * (time, what to do, address, passenger, needs, tap-to-call, navigation) and the rest below.
 * The next stop has buttons to report what happened there (issue #8).
 */
import { api, ApiError, apiUrl, openPrintable, printablePath } from '../api.js';
import { append, h, toMinutes, warsawDate, warsawTime } from '../dom.js';
import { pick, t, type MessageKey } from '../i18n.js';
import type { Items, Manifest, ManifestStop, VehicleView, View } from '../types.js';

const OPEN_STATES: readonly string[] = ['PLANNED', 'ARRIVED'];

/**
 * The next stop: once the driver has reported, the first stop still open; before that, on today's
 * manifest the first not yet due (within 5 minutes), else the first.
 */
function nextStopIndex(m: Manifest): number {
  if (m.stops.some((s) => s.state !== 'PLANNED')) {
    const open = m.stops.findIndex((s) => OPEN_STATES.includes(s.state));
    return open < 0 ? m.stops.length - 1 : open;
  }
  if (m.date !== warsawDate()) return 0;
  const now = toMinutes(warsawTime());
  const i = m.stops.findIndex((s) => toMinutes(s.time) >= now - 5);
  return i < 0 ? m.stops.length - 1 : i;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** A random uuid; crypto.randomUUID needs a secure context, which a phone on plain http is not. */
function newEventId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * One id per report not yet acknowledged: a tap again after a lost connection resends the same id,
 * so the server stores the report once.
 */
const pendingIds = new Map<string, string>();

type ReportKind = 'ARRIVED' | 'PICKED_UP' | 'DROPPED_OFF' | 'NO_SHOW';
const REPORT_LABEL: Record<ReportKind, MessageKey> = { ARRIVED: 'reportArrived', PICKED_UP: 'reportPickedUp', DROPPED_OFF: 'reportDroppedOff', NO_SHOW: 'reportNoShow' };

function stateBadge(s: ManifestStop): HTMLElement | null {
  if (s.state === 'PLANNED') return null;
  const time = s.state === 'ARRIVED' ? s.actual.arrived : s.actual.done;
  return h('span', { class: 'badge state', 'data-state': s.state }, t(`state${s.state}` as MessageKey, { time: time ?? '' }));
}

/** The report buttons of an open stop; `sent` re-draws the page with the new state. */
function reportButtons(s: ManifestStop, where: { date: string; vehicleId: string }, sent: () => void): HTMLElement | null {
  if (!OPEN_STATES.includes(s.state)) return null;
  const kinds: ReportKind[] = [...(s.state === 'PLANNED' ? (['ARRIVED'] as const) : []), ...(s.kind === 'PICKUP' ? (['PICKED_UP', 'NO_SHOW'] as const) : (['DROPPED_OFF'] as const))];
  const message = h('p', { role: 'alert', class: 'report-error' });
  const buttons = kinds.map((kind) => h('button', { type: 'button', 'data-report': kind }, t(REPORT_LABEL[kind])));
  buttons.forEach((button, i) => {
    const kind = kinds[i]!;
    button.addEventListener('click', async () => {
      const key = `${where.date}:${where.vehicleId}:${s.sequence}:${kind}`;
      const clientEventId = pendingIds.get(key) ?? newEventId();
      pendingIds.set(key, clientEventId);
      buttons.forEach((b) => (b.disabled = true));
      message.textContent = '';
      try {
        await api.post(`/manifests/${where.date}/${where.vehicleId}/stops/${s.sequence}/events`, { kind, clientEventId, at: new Date().toISOString() });
        pendingIds.delete(key);
        sent();
      } catch (err) {
        // Refused (e.g. a wrong order): a new tap is a new report. Not delivered: keep the id to resend.
        if (err instanceof ApiError) pendingIds.delete(key);
        message.textContent = err instanceof ApiError ? err.text() : t('reportOffline');
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  });
  return h('div', { class: 'stop-report' }, h('p', { class: 'stop-actions' }, ...buttons), message);
}

function stopCard(s: ManifestStop, isNext: boolean, report: HTMLElement | null = null): HTMLElement {
  return h(isNext ? 'article' : 'li', { class: isNext ? 'stop-card next' : 'stop-card', 'aria-labelledby': isNext ? 'next-stop-heading' : null },
    isNext ? h('h2', { id: 'next-stop-heading' }, t('nextStop')) : null,
    h('p', { class: 'stop-time' }, h('strong', {}, s.time), ' ', pick(s.action), s.appointment ? h('span', { class: 'badge' }, t('appointment', { time: s.appointment })) : null, stateBadge(s)),
    h('p', { class: 'stop-place' }, h('strong', {}, s.place.name), h('br'), s.place.address),
    h('p', { class: 'stop-passenger' }, s.passenger.name, ...s.needs.map((n) => h('span', { class: 'badge need' }, pick(n)))),
    s.notes.length ? h('ul', { class: 'notes' }, ...s.notes.map((n) => h('li', {}, n))) : null,
    h('p', { class: 'stop-actions' },
      s.passenger.phone ? h('a', { class: 'button', href: telHref(s.passenger.phone) }, t('call', { phone: s.passenger.phone })) : null,
      h('a', { class: 'button', href: s.navigationUrl, target: '_blank', rel: 'noopener' }, t('navigate')),
    ),
    report,
  );
}

export const renderDriver: View = async (root, params) => {
  const date = params.get('date') ?? warsawDate();
  const vehicles = (await api.get<Items<VehicleView>>('/vehicles')).items.filter((v) => v.active);
  const vehicleId = params.get('vehicle') ?? '';

  const go = (d: string, v: string) => {
    location.hash = `#/driver?date=${d}${v ? `&vehicle=${v}` : ''}`;
  };
  const dateInput = h('input', { id: 'driver-date', type: 'date', value: date });
  const vehicleSelect = h('select', { id: 'driver-vehicle' },
    h('option', { value: '' }, t('chooseVehicle')),
    ...vehicles.map((v) => h('option', { value: v.id, selected: v.id === vehicleId }, `${v.name}${v.registration ? ` (${v.registration})` : ''}`)),
  );
  dateInput.addEventListener('change', () => go(dateInput.value, vehicleSelect.value));
  vehicleSelect.addEventListener('change', () => go(dateInput.value, vehicleSelect.value));

  const body = h('div', { class: 'manifest' });
  root.replaceChildren(
    h('div', { class: 'phone' },
      h('h1', {}, t('driverTitle')),
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'driver-date' }, t('day')), dateInput),
        h('div', { class: 'field' }, h('label', { for: 'driver-vehicle' }, t('vehicle')), vehicleSelect),
      ),
      body,
    ),
  );
  if (!vehicleId) return;

  let manifest: Manifest;
  try {
    manifest = await api.get<Manifest>(`/manifests/${date}/${vehicleId}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      body.replaceChildren(h('p', { role: 'status' }, t('noPlan')));
      return;
    }
    throw err;
  }
  const printPath = printablePath(date, vehicleId);
  const next = nextStopIndex(manifest);
  body.replaceChildren();
  append(body,
    h('p', {}, h('strong', {}, manifest.vehicle.name), manifest.departDepot ? ` — ${t('departDepot', { time: manifest.departDepot, back: manifest.returnDepot ?? '' })}` : ''),
    manifest.travelTimes?.estimate ? h('p', { class: 'warning', role: 'note' }, manifest.travelTimes.note ? pick(manifest.travelTimes.note) : t('estimate')) : null,
    manifest.stops.length
      ? stopCard(manifest.stops[next]!, true, reportButtons(manifest.stops[next]!, { date, vehicleId }, () => void renderDriver(root, params)))
      : h('p', {}, t('noStops')),
    manifest.stops.length > next + 1
      ? h('section', { 'aria-labelledby': 'later-heading' },
          h('h2', { id: 'later-heading' }, t('laterStops')),
          h('ol', { class: 'stop-list', start: next + 2 }, ...manifest.stops.slice(next + 1).map((s) => stopCard(s, false))),
        )
      : null,
    h('p', {}, h('a', { href: apiUrl(printPath), id: 'printable', onclick: ((e: Event) => { e.preventDefault(); void openPrintable(printPath); }) as EventListener }, t('printable'))),
  );
};
