/**
 * A home address for a client (issue #5): picked from the organisation's PRG address points or,
 * when PRG has no match, the optional geocoder (GET /address-points/search says which), or
 * entered by clicking the spot on the map and writing the address by hand. The clients API takes
 * a place id (homePlaceId), so the caller saves a new pick as an ADDRESS place first.
 * The results are plain buttons: Tab reaches them, Enter picks.
 */
import L from 'leaflet';
import { api } from '../api.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { loadConfig } from '../config.js';
import type { AddressSearchAnswer, Items, PlaceView } from '../types.js';
import { removeWhenSettled } from './route-map.js';

export interface PickedAddress {
  readonly address: string;
  readonly lat: number;
  readonly lon: number;
}

export interface AddressPicker {
  readonly element: HTMLElement;
  /** The newly picked address (text as now written), or null when the current one is kept. */
  picked(): PickedAddress | null;
  /** The address text input, where errors about the address are shown. */
  readonly input: HTMLInputElement;
  dispose(): void;
}

export function addressPicker(id: string, current: { address: string; lat: number; lon: number } | null): AddressPicker {
  const query = h('input', { id: `${id}-q`, type: 'search', autocomplete: 'off', 'aria-describedby': `${id}-q-hint` });
  const searchButton = h('button', { type: 'button', id: `${id}-search` }, t('addrSearch'));
  const status = h('p', { id: `${id}-status`, class: 'muted', role: 'status' });
  const results = h('ul', { id: `${id}-results`, class: 'address-results', 'aria-label': t('addrResults') });
  const text = h('input', { id, type: 'text', maxlength: 300, value: current?.address ?? '' });
  const coords = h('p', { id: `${id}-coords`, class: 'muted', 'aria-live': 'polite' });
  const mapBox = h('div', { class: 'map small-map', id: `${id}-map`, role: 'region', 'aria-label': t('addrMap') });
  let point: { lat: number; lon: number } | null = current ? { lat: current.lat, lon: current.lon } : null;
  let changed = false;
  let map: L.Map | null = null;
  let marker: L.CircleMarker | null = null;

  const showPoint = (lat: number, lon: number, zoom = false) => {
    coords.textContent = t('addrCoords', { lat: lat.toFixed(5), lon: lon.toFixed(5) });
    if (!map) return;
    marker?.remove();
    marker = L.circleMarker([lat, lon], { radius: 8, color: '#0b5cad', weight: 3, fillColor: '#0b5cad', fillOpacity: 0.6 }).addTo(map);
    if (zoom) map.setView([lat, lon], 16);
  };
  const choose = (address: string, lat: number, lon: number, from: string) => {
    text.value = address;
    point = { lat, lon };
    changed = true;
    status.textContent = t('addrChosen', { address, source: from });
    showPoint(lat, lon, true);
  };

  const search = async () => {
    const q = query.value.trim();
    results.replaceChildren();
    if (q.length < 2) {
      status.textContent = t('addrTooShort');
      return;
    }
    status.textContent = t('loading');
    const answer = await api.get<AddressSearchAnswer>(`/address-points/search?q=${encodeURIComponent(q)}`);
    const from = answer.source === 'geocoder' ? t('addrSourceGeocoder') : t('addrSourcePrg');
    if (!answer.items.length) {
      const why = lang() === 'en' ? answer.geocoder.errorEn : answer.geocoder.error;
      status.textContent = [t('addrNone'), why ?? ''].join(' ').trim();
      return;
    }
    status.textContent = t('addrFound', { count: answer.items.length, source: from });
    results.replaceChildren(
      ...answer.items.map((hit) => {
        const button = h('button', { type: 'button', class: 'address-hit' }, hit.address, h('span', { class: 'badge' }, from));
        button.addEventListener('click', () => {
          choose(hit.address, hit.lat, hit.lon, from);
          results.replaceChildren();
          text.focus();
        });
        return h('li', {}, button);
      }),
    );
  };
  searchButton.addEventListener('click', () => void search().catch((err: unknown) => (status.textContent = `${t('error')}: ${(err as Error).message}`)));
  // Enter in the search box searches instead of saving the whole form.
  query.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    searchButton.click();
  });
  text.addEventListener('input', () => {
    changed = point !== null;
  });

  // The map is drawn once the element is in the page (Leaflet needs its size).
  const observer = new MutationObserver(() => {
    if (!mapBox.isConnected || map) return;
    observer.disconnect();
    map = L.map(mapBox, { zoomSnap: 0.5 });
    void loadConfig().then((config) => {
      if (map) L.tileLayer(config.mapTileUrl, { attribution: config.mapAttribution, maxZoom: 19 }).addTo(map);
    });
    if (point) map.setView([point.lat, point.lon], 15);
    else {
      // A new address is in the centre's area: the map opens there (its own place, else its
      // depot), not on the whole of Poland where one click lands 250 km away.
      map.setView([52.1, 19.4], 6);
      void api.get<Items<PlaceView>>('/places').then(({ items }) => {
        const home = items.find((p) => p.kind === 'CUS') ?? items.find((p) => p.kind === 'DEPOT') ?? items.find((p) => p.kind !== 'ADDRESS');
        if (home && map && !point) map.setView([home.lat, home.lon], 12);
      }).catch(() => undefined);
    }
    if (point) showPoint(point.lat, point.lon);
    const mark = (at: L.LatLng) => {
      point = { lat: at.lat, lon: at.lng };
      changed = true;
      status.textContent = t('addrMapPicked');
      showPoint(point.lat, point.lon);
      text.focus();
    };
    map.on('click', (e: L.LeafletMouseEvent) => mark(e.latlng));
    // Keyboard: the arrows pan the focused map (Leaflet's own), Enter marks its centre.
    mapBox.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || !map) return;
      e.preventDefault();
      mark(map.getCenter());
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  if (point) coords.textContent = t('addrCoords', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) });

  const element = h('fieldset', { class: 'address-picker' },
    h('legend', {}, t('addrLegend')),
    h('div', { class: 'field' },
      h('label', { for: `${id}-q` }, t('addrQuery')),
      h('div', { class: 'toolbar' }, query, searchButton),
      h('small', { id: `${id}-q-hint`, class: 'muted' }, t('addrQueryHint')),
    ),
    status,
    results,
    mapBox,
    h('small', { class: 'muted' }, t('addrMapHint')),
    coords,
    h('div', { class: 'field' }, h('label', { for: id }, t('addrText')), text, h('small', { class: 'field-error', id: `${id}-error` })),
  );
  text.dataset.path = 'homePlaceId';
  return {
    element,
    input: text,
    picked: () => (changed && point ? { address: text.value.trim(), lat: point.lat, lon: point.lon } : null),
    dispose: () => {
      observer.disconnect();
      // Cleared first, so the tiles and the centre's place arriving later leave the map alone.
      const closing = map;
      map = null;
      if (closing) removeWhenSettled(closing);
    },
  };
}
