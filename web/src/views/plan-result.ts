/** A finished plan on the day board: summary, estimate warning, map, timelines, unassigned rides, manifests. */
import { apiUrl, openPrintable, printablePath } from '../api.js';
import { h } from '../dom.js';
import { formatNumber, pick, t } from '../i18n.js';
import type { PlaceView, PlanView } from '../types.js';
import { renderRouteMap, routeColour } from './route-map.js';
import { renderTimelines } from './timeline.js';
import { renderDelayAlerts } from './delay-alerts.js';

export function renderPlanResult(root: HTMLElement, plan: PlanView, placeById: ReadonlyMap<string, PlaceView>): () => void {
  const s = plan.summary;
  const mapBox = h('div', { class: 'map', id: 'route-map', role: 'region', 'aria-label': t('map') });
  root.replaceChildren(
    h('section', { 'aria-labelledby': 'result-heading', class: 'plan-result' },
      h('h2', { id: 'result-heading' }, t('planDONE', { revision: plan.revision })),
      s ? h('p', { class: 'summary' }, t('summary', { placed: s.ridesPlaced, unassigned: s.ridesUnassigned, vehicles: s.vehiclesUsed, km: formatNumber(s.distanceKm) })) : null,
      // First: a late vehicle leaves clients waiting in the cold now (D62).
      renderDelayAlerts(plan),
      suspendedClients(plan),
      plan.travelTimes?.estimate ? h('p', { class: 'warning', role: 'note' }, plan.travelTimes.note ? pick(plan.travelTimes.note) : t('estimate')) : null,
      h('h3', {}, t('map')),
      mapBox,
      h('h3', {}, t('legend')),
      h('ul', { class: 'legend' },
        ...plan.routes.map((r, i) =>
          h('li', {},
            h('span', { class: 'swatch', style: `background:${routeColour(i)}`, 'aria-hidden': 'true' }),
            `${r.vehicle.name}: ${r.start}–${r.end}, ${formatNumber(r.distanceKm)} km `,
            h('a', { href: `#/driver?date=${plan.date}&vehicle=${r.vehicle.id}` }, t('manifestLink')),
            ' · ',
            h('a', {
              href: apiUrl(printablePath(plan.date, r.vehicle.id)),
              onclick: ((e: Event) => {
                e.preventDefault();
                void openPrintable(printablePath(plan.date, r.vehicle.id));
              }) as EventListener,
            }, t('printable')),
          ),
        ),
      ),
      h('h3', {}, t('timeline')),
      renderTimelines(plan),
      h('h3', { id: 'unassigned-heading' }, t('unassigned')),
      plan.unassigned.length
        ? h('ul', { class: 'unassigned', 'aria-labelledby': 'unassigned-heading' },
            ...plan.unassigned.map((u) =>
              h('li', {},
                h('strong', {}, u.client.name), ` — ${u.from} → ${u.to}: `, h('span', { class: 'reason' }, pick({ pl: u.reason, en: u.reasonEn })),
                // The client would be taken there and left: the dispatcher must see it beside the reason.
                u.outboundPlanned ? h('p', { class: 'warning stranded', role: 'note' }, t('strandedWarning', u.outboundPlanned)) : null,
                // Told a time no plan keeps: no message says so, so the dispatcher calls.
                u.toldPickup ? h('p', { class: 'warning told', role: 'note' }, t('toldUnplacedWarning', u.toldPickup)) : null,
              ),
            ),
          )
        : h('p', {}, t('noUnassigned')),
    ),
  );
  return renderRouteMap(mapBox, plan, placeById);
}

/** Clients suspended on the day with rides still in the plan (D59): cancel them or lift the suspension. */
function suspendedClients(plan: PlanView): HTMLElement | null {
  const list = plan.suspendedClients ?? [];
  if (list.length === 0) return null;
  return h('section', { class: 'warning', id: 'suspended-in-plan', role: 'note', 'aria-labelledby': 'suspended-in-plan-heading' },
    h('h3', { id: 'suspended-in-plan-heading' }, t('suspendedInPlanTitle')),
    h('ul', {},
      ...list.map((c) =>
        h('li', {},
          h('strong', {}, c.client.name), ' — ',
          t('suspendedInPlanItem', { from: c.from, until: c.until, reason: c.reason ? ` (${c.reason})` : '', rides: c.rides }), ' ',
          h('a', { href: `#/clients?id=${c.client.id}` }, t('suspendedInPlanLink')),
        ),
      ),
    ),
  );
}
