import { describe, expect, it } from 'vitest';
import { renderManifestHtml } from '../../../../src/domain/manifest/render-manifest-html.js';
import type { Manifest } from '../../../../src/domain/manifest/manifest.js';

const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  date: '2026-11-24',
  vehicle: { id: 'v', name: 'Bus z windą', registration: 'NKE 10101', seats: 8, wheelchairPlaces: 1 },
  plan: { id: 'p', revision: 2, finishedAt: null },
  version: 3,
  publishedAt: '2026-11-23T18:00:00.000Z',
  changes: [],
  outOfServiceAt: null,
  travelTimes: { source: 'osrm', estimate: false, dataVersion: '2026-11-20', note: null },
  depot: { name: 'Baza', address: 'ul. Szkolna 4' },
  shift: { start: '07:00', end: '16:00' },
  departDepot: '07:31',
  returnDepot: '14:55',
  distanceKm: 231.6,
  stops: [
    {
      sequence: 1, kind: 'PICKUP', action: { pl: 'Odbiór', en: 'Pick up' }, time: '07:39', etaSec: 27540, eta: '07:39',
      place: { name: 'dom', address: 'Jegławki 8', lat: 54.175, lon: 21.457 },
      passenger: { name: 'Zofia <b>Nowakowska</b>', phone: '601 234 103' },
      needs: [{ code: 'WHEELCHAIR', pl: 'Wózek', en: 'Wheelchair' }], notes: ['Pies "Burek" w ogrodzie'],
      appointment: null, rideId: 'r', navigationUrl: 'geo:54.175,21.457?q=54.175,21.457',
      state: 'PLANNED', actual: { arrived: null, done: null, delayed: false }, delay: null,
      noShowFrom: null,
    },
  ],
  ...over,
});

describe('the printable manifest', () => {
  it('shows each stop with time, passenger, phone to tap and needs, escaping what people typed', () => {
    const html = renderManifestHtml(manifest());
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('07:39');
    expect(html).toContain('Zofia &lt;b&gt;Nowakowska&lt;/b&gt;');
    expect(html).not.toContain('<b>Nowakowska</b>');
    expect(html).toContain('href="tel:601234103"');
    expect(html).toContain('Pies &quot;Burek&quot; w ogrodzie');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toContain('szacunkowe');
  });

  it('warns the driver when the times are estimates', () => {
    const html = renderManifestHtml(manifest({ travelTimes: { source: 'estimate', estimate: true, dataVersion: null, note: { pl: 'Czasy przejazdu szacunkowe', en: 'Estimated travel times' } } }));
    expect(html).toContain('Czasy przejazdu szacunkowe');
  });

  it('lists the changes since publication and a stop running late', () => {
    const late = manifest();
    const html = renderManifestHtml({
      ...late,
      stops: [{ ...late.stops[0]!, etaSec: 28200, eta: '07:50' }],
      changes: [{ id: 'c', at: '2026-11-24T08:00:00.000Z', kind: 'INSERT', rideId: 'r2', vehicleId: 'v', version: 3, pl: 'Nowy przejazd: odbiór 09:10', en: 'New ride: pickup 09:10' }],
    });
    expect(html).toContain('Zmiany w planie');
    expect(html).toContain('Nowy przejazd: odbiór 09:10');
    expect(html).toContain('now about 07:50');
    expect(renderManifestHtml(manifest())).not.toContain('Zmiany w planie');
  });

  it('marks reported stops with what happened and when, without an estimate, and writes km the Polish way', () => {
    const base = manifest().stops[0]!;
    const html = renderManifestHtml(manifest({
      stops: [
        { ...base, sequence: 1, state: 'DONE', eta: '05:39', actual: { arrived: '05:37', done: '05:38', delayed: false } },
        { ...base, sequence: 2, state: 'NO_SHOW', eta: '05:41', actual: { arrived: null, done: '05:40', delayed: false } },
        { ...base, sequence: 3, eta: '07:55' },
      ],
    }));
    expect(html).toContain('☑ 05:38');
    expect(html).toContain('✗ 05:40');
    expect(html.match(/☐/g)).toHaveLength(1);
    expect(html).not.toContain('now about 05:39');
    expect(html).not.toContain('now about 05:41');
    expect(html).toContain('now about 07:55');
    expect(html).toContain('231,6 km');
  });

  it('says so when the vehicle has no rides', () => {
    expect(renderManifestHtml(manifest({ stops: [], departDepot: null, returnDepot: null }))).toContain('Brak przejazdów');
  });
});
