/**
 * The plan on a Leaflet map: each vehicle's road route in its own colour, a marker per stop.
 * The tile URL is configuration (/app/config.json); when tiles do not load (no internet, a closed
 * network) the routes and stops still draw on a plain background and the page says so.
 */
import L from 'leaflet';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadConfig } from '../config.js';
import type { PlaceView, PlanView } from '../types.js';

/** Distinct colours that keep 3:1 contrast against the light map background. */
const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#e65100', '#00838f', '#ad1457', '#4e342e'];
export const routeColour = (index: number): string => COLOURS[index % COLOURS.length]!;

export function renderRouteMap(box: HTMLElement, plan: PlanView, placeById: ReadonlyMap<string, PlaceView>): () => void {
  const map = L.map(box, { preferCanvas: false, zoomSnap: 0.25 });
  const bounds = L.latLngBounds([]);
  void loadConfig().then((config) => {
    let warned = false;
    L.tileLayer(config.mapTileUrl, { attribution: config.mapAttribution, maxZoom: 18 })
      .on('tileerror', () => {
        if (warned) return;
        warned = true;
        box.before(h('p', { class: 'muted map-note', role: 'note' }, t('mapTilesMissing')));
      })
      .addTo(map);
  });

  plan.routes.forEach((route, i) => {
    const colour = routeColour(i);
    const stopPoints = route.stops
      .map((s) => placeById.get(s.place.id))
      .filter((p): p is PlaceView => p !== undefined)
      .map((p) => L.latLng(p.lat, p.lon));
    // Road geometry when routing gave it; otherwise straight lines between the stops.
    const line = route.geometry ? route.geometry.coordinates.map(([lon, lat]) => L.latLng(lat, lon)) : stopPoints;
    if (line.length > 1) {
      L.polyline(line, { color: colour, weight: 4, opacity: 0.85, className: 'route-line' })
        .bindTooltip(route.vehicle.name, { sticky: true })
        .addTo(map);
    }
    for (const p of line) bounds.extend(p);
    route.stops.forEach((stop) => {
      const place = placeById.get(stop.place.id);
      if (!place) return;
      const at = L.latLng(place.lat, place.lon);
      bounds.extend(at);
      L.circleMarker(at, {
        radius: 6,
        color: colour,
        weight: 2,
        fillColor: stop.kind === 'PICKUP' ? colour : '#ffffff',
        fillOpacity: 1,
        className: 'stop-marker',
      })
        .bindTooltip(`${stop.time} ${t(stop.kind === 'PICKUP' ? 'pickup' : 'dropoff')}: ${stop.client.name} — ${stop.place.name} (${route.vehicle.name})`)
        .addTo(map);
    });
  });

  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
  else map.setView([52.1, 19.4], 6); // nothing to show: Poland
  return () => removeWhenSettled(map);
}

/**
 * Leaflet ends a wheel zoom on timers that map.remove() does not cancel (40 ms to gather the
 * wheel, 250 ms of zoom animation): a dispatcher who turned the wheel and left the board at once
 * got "Cannot read properties of undefined (reading '_leaflet_pos')" from a map already removed.
 * The view is off the page by now, so the map is stopped and removed once those timers are over.
 */
const SETTLE_MS = 500;
export function removeWhenSettled(map: L.Map): void {
  map.stop();
  setTimeout(() => map.remove(), SETTLE_MS);
}
