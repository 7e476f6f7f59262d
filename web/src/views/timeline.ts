/**
 * One row per vehicle on a shared time axis: the route from leaving to returning to the depot,
 * pickups (filled) and drop-offs (hollow) where they happen.
 * Under each row the same stops as a table, for screen readers and for reading exact times.
 */
import { h, toMinutes } from '../dom.js';
import { t } from '../i18n.js';
import type { LiveStop } from '../live.js';
import { clockOfSeconds, shownClock } from '../time.js';
import type { PlanView } from '../types.js';

/** Re-estimated time (differs from the plan once drivers report), or empty. */
const etaOf = (s: LiveStop) => (s.etaSec === undefined ? '' : clockOfSeconds(s.etaSec));
/** What actually happened at the stop: arrived and done times, or no-show. */
function actualOf(s: LiveStop): string {
  const a = s.actual;
  if (!a) return '';
  const parts = [a.arrivedAt ? shownClock(a.arrivedAt) : '', a.doneAt ? shownClock(a.doneAt) : ''].filter(Boolean).join('–');
  return a.status === 'NO_SHOW' ? `${t('stateNO_SHOW', { time: parts })}` : parts;
}
import { routeColour } from './route-map.js';

export function renderTimelines(plan: PlanView): HTMLElement {
  if (!plan.routes.length) return h('p', { class: 'muted' }, '—');
  const from = Math.floor(Math.min(...plan.routes.map((r) => toMinutes(r.start))) / 60) * 60;
  const to = Math.ceil(Math.max(...plan.routes.map((r) => toMinutes(r.end))) / 60) * 60;
  const span = Math.max(60, to - from);
  const at = (hhmm: string) => `${(((toMinutes(hhmm) - from) / span) * 100).toFixed(2)}%`;
  const hours = Array.from({ length: span / 60 + 1 }, (_, i) => from + i * 60);

  const axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' },
    ...hours.map((m) => h('span', { style: `left:${(((m - from) / span) * 100).toFixed(2)}%` }, `${String(m / 60).padStart(2, '0')}:00`)),
  );
  return h('div', { class: 'timelines' },
    axis,
    ...plan.routes.map((route, i) => {
      const colour = routeColour(i);
      const track = h('div', { class: 'tl-track', 'aria-hidden': 'true' },
        h('div', { class: 'tl-bar', style: `left:${at(route.start)};right:calc(100% - ${at(route.end)});border-color:${colour}` }),
        ...route.stops.map((s) =>
          h('span', {
            class: `tl-stop ${s.kind === 'PICKUP' ? 'pickup' : 'dropoff'}`,
            style: `left:${at(s.time)};border-color:${colour};${s.kind === 'PICKUP' ? `background:${colour}` : ''}`,
            title: `${s.time} ${t(s.kind === 'PICKUP' ? 'pickup' : 'dropoff')}: ${s.client.name} — ${s.place.name}`,
          }),
        ),
      );
      return h('div', { class: 'tl-row' },
        h('div', { class: 'tl-label' },
          h('span', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' }),
          route.vehicle.name,
          h('small', {}, `${route.start}–${route.end}`),
        ),
        track,
        h('details', { class: 'tl-details' },
          h('summary', {}, t('stopsOf', { vehicle: route.vehicle.name })),
          h('table', {},
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t('colTime')), h('th', { scope: 'col' }, t('colEta')), h('th', { scope: 'col' }, t('colActual')),
              h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, t('colClient')), h('th', { scope: 'col' }, t('colPlace')))),
            h('tbody', {},
              ...(route.stops as readonly LiveStop[]).map((s) =>
                h('tr', { 'data-ride': s.rideId },
                  h('td', {}, s.time), h('td', { class: 'eta' }, etaOf(s)), h('td', { class: 'actual' }, actualOf(s)),
                  h('td', {}, t(s.kind === 'PICKUP' ? 'pickup' : 'dropoff')),
                  h('td', {}, s.client.name, s.outboundNoShow ? h('span', { class: 'badge warning outbound-no-show', title: t('outboundNoShowTitle') }, t('outboundNoShow')) : null),
                  h('td', {}, `${s.place.name}, ${s.place.address}`)),
              ),
            ),
          ),
        ),
      );
    }),
  );
}
