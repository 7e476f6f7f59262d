/**
 * The driver's phone page: pick the vehicle and day, then the manifest with the next stop on top
 * (time, what to do, address, passenger, needs, tap-to-call, navigation) and the rest below.
 */
import { api, ApiError, apiUrl, openPrintable, printablePath } from '../api.js';
import { append, h, toMinutes, warsawDate, warsawTime } from '../dom.js';
import { pick, t } from '../i18n.js';
import type { Items, Manifest, ManifestStop, VehicleView, View } from '../types.js';

/** The next stop: on today's manifest the first not yet due (within 5 minutes), else the first. */
function nextStopIndex(m: Manifest): number {
  if (m.date !== warsawDate()) return 0;
  const now = toMinutes(warsawTime());
  const i = m.stops.findIndex((s) => toMinutes(s.time) >= now - 5);
  return i < 0 ? m.stops.length - 1 : i;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

function stopCard(s: ManifestStop, isNext: boolean): HTMLElement {
  return h(isNext ? 'article' : 'li', { class: isNext ? 'stop-card next' : 'stop-card', 'aria-labelledby': isNext ? 'next-stop-heading' : null },
    isNext ? h('h2', { id: 'next-stop-heading' }, t('nextStop')) : null,
    h('p', { class: 'stop-time' }, h('strong', {}, s.time), ' ', pick(s.action), s.appointment ? h('span', { class: 'badge' }, t('appointment', { time: s.appointment })) : null),
    h('p', { class: 'stop-place' }, h('strong', {}, s.place.name), h('br'), s.place.address),
    h('p', { class: 'stop-passenger' }, s.passenger.name, ...s.needs.map((n) => h('span', { class: 'badge need' }, pick(n)))),
    s.notes.length ? h('ul', { class: 'notes' }, ...s.notes.map((n) => h('li', {}, n))) : null,
    h('p', { class: 'stop-actions' },
      s.passenger.phone ? h('a', { class: 'button', href: telHref(s.passenger.phone) }, t('call', { phone: s.passenger.phone })) : null,
      h('a', { class: 'button', href: s.navigationUrl, target: '_blank', rel: 'noopener' }, t('navigate')),
    ),
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
    manifest.stops.length ? stopCard(manifest.stops[next]!, true) : h('p', {}, t('noStops')),
    manifest.stops.length > next + 1
      ? h('section', { 'aria-labelledby': 'later-heading' },
          h('h2', { id: 'later-heading' }, t('laterStops')),
          h('ol', { class: 'stop-list', start: next + 2 }, ...manifest.stops.slice(next + 1).map((s) => stopCard(s, false))),
        )
      : null,
    h('p', {}, h('a', { href: apiUrl(printPath), id: 'printable', onclick: ((e: Event) => { e.preventDefault(); void openPrintable(printPath); }) as EventListener }, t('printable'))),
  );
};
