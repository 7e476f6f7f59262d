/**
 * The day board's alert for drivers' reported delays (D62), at the top of the plan: which vehicle,
 * how many minutes, from which stop, and whom to phone because their pickup is now expected after
 * the window they were told; or re-plan, which tells them. The plan view derives it from the
 * stored reports, so it is there after a reload too; the board draws it again on every change the
 * stream tells (a driver's report is one), and a delay not shown before is announced.
 */
import { h, telHref } from '../dom.js';
import { t } from '../i18n.js';
import type { PlanView } from '../types.js';

type DelayAlert = NonNullable<PlanView['delays']>[number];

/**
 * The reports already shown on this page, per plan: the board redraws the whole plan after every
 * change, and a screen reader should hear a delay once, when it is new.
 */
const shown = new Map<string, Set<string>>();

const keyOf = (a: DelayAlert) => a.reportId ?? `${a.vehicle.id}:${a.reportedAt}:${a.minutes}`;

function alertItem(a: DelayAlert, isNew: boolean): HTMLElement {
  return h('li', { class: isNew ? 'delay-alert new' : 'delay-alert', 'data-vehicle': a.vehicle.id },
    h('p', {},
      h('strong', {}, a.vehicle.name), ': ',
      t('delayAlert', {
        at: a.reportedAt, n: a.minutes, stop: a.stop.sequence, kind: t(a.stop.kind === 'PICKUP' ? 'pickup' : 'dropoff'),
        client: a.stop.client.name, place: a.stop.place, expected: a.expected,
      }),
    ),
    a.lateForTold.length
      ? h('div', { class: 'late-for-told' },
          h('p', {}, t('delayLateTold')),
          h('ul', {},
            ...a.lateForTold.map((l) =>
              h('li', { 'data-ride': l.rideId },
                t('delayLateItem', { client: l.client.name, from: l.told.from, to: l.told.to, eta: l.eta }), ' — ',
                l.phone ? h('a', { href: telHref(l.phone) }, l.phone) : h('span', { class: 'muted' }, t('delayNoPhone')),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('delayNoneLate')),
  );
}

/** The alert section, or null when no delay counts on the plan. */
export function renderDelayAlerts(plan: PlanView): HTMLElement | null {
  const alerts = plan.delays ?? [];
  if (alerts.length === 0) return null;
  const seen = shown.get(plan.id) ?? new Set<string>();
  const fresh = alerts.filter((a) => !seen.has(keyOf(a)));
  for (const a of fresh) seen.add(keyOf(a));
  shown.set(plan.id, seen);
  const replan = h('button', { type: 'button', id: 'delay-replan' }, t('delayReplan'));
  // The same as the board's own "Zaplanuj dzień" (board.ts): it asks before replacing a published
  // plan, keeps locked routes as ticked there, and follows the new plan to its end.
  replan.addEventListener('click', () => document.getElementById('plan-day')?.click());
  // role=alert when a delay is new: inserted with its text, it is read out at once; after that
  // the board's redraws show it as a note, not read again.
  return h('section', { class: 'warning delay-alerts', id: 'delay-alerts', role: fresh.length ? 'alert' : 'note', 'aria-labelledby': 'delay-alerts-heading' },
    h('h3', { id: 'delay-alerts-heading' }, t('delayAlertsTitle')),
    h('ul', {}, ...alerts.map((a) => alertItem(a, fresh.includes(a)))),
    h('p', {}, t('delayReplanHint'), ' ', replan),
  );
}
