/**
 * Editing the live plan from the day board (contract §2): publish to drivers, lock a route, move a
 * ride to another vehicle or position with the feasibility verdict shown before anything changes,
 * and the list of changes. Every control is a button or a select: no drag-only interaction.
 */
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { formatNumber, lang, pick, t } from '../i18n.js';
import type { LivePlan, LiveRoute, MoveVerdict } from '../live.js';
import type { RideView, VehicleView } from '../types.js';
import { clockOfSeconds, warsawDateTime } from '../time.js';
import { clearErrors, field, showErrors } from './form.js';

export interface LiveActions {
  /** Draw the board again from the server (after an edit, or to see drivers' reports). */
  reload(): Promise<void>;
  /** Wraps an edit in flight, so the board's live updates wait for it (D28). */
  busy?<T>(work: Promise<T>): Promise<T>;
}

const during = <T>(actions: LiveActions, work: Promise<T>): Promise<T> => (actions.busy ? actions.busy(work) : work);

const errorText = (err: unknown) => (err instanceof ApiError ? err.text() : t('reportOffline'));

/**
 * The last answer shown in each of the panel's status lines, per plan. The board draws the panel
 * again whenever the day changes (a driver's report, another dispatcher's edit), possibly while an
 * answer is on its way: the answer is kept here and written to the line now on the page, so it is
 * never written into a panel that is gone, nor wiped by the next drawing.
 */
const answers = new Map<string, { planId: string; className: string; text: string }>();

/** A status line (`role=status`) showing its last answer for this plan, if any. */
function answerLine(id: string, planId: string): HTMLElement {
  const last = answers.get(id);
  const line = h('p', { role: 'status', id });
  if (last && last.planId === planId) {
    line.className = last.className;
    line.textContent = last.text;
  }
  return line;
}

/** Shows `text` in the status line `id` on the page now, and keeps it for the panel's next drawing. */
function answer(id: string, planId: string, text: string, className = ''): void {
  answers.set(id, { planId, className, text });
  const line = document.getElementById(id);
  if (!line) return;
  line.className = className;
  line.textContent = text;
}

function publishBox(plan: LivePlan, actions: LiveActions): HTMLElement {
  const message = answerLine('publish-status', plan.id);
  const published = plan.publishedAt
    ? t('publishedAt', { time: warsawDateTime(plan.publishedAt, lang()) })
    : t('notPublished');
  // Once published, every edit reaches the drivers at once: publishing again would do nothing
  // (the API answers the same publication), so the board says so instead of offering a button.
  if (plan.publishedAt) {
    return h('div', { class: 'toolbar publish' },
      h('p', {}, plan.version !== undefined ? `${t('planVersion', { revision: plan.revision, version: plan.version })} · ` : '', h('strong', { id: 'published-state' }, published)),
      h('p', { class: 'muted', id: 'published-live' }, t('publishedLive')),
    );
  }
  const button = h('button', { type: 'button', id: 'publish-plan', class: 'primary' }, t('publish'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      answer('publish-status', plan.id, '');
      await during(actions, api.post(`/plans/${plan.id}/publish`, {}));
      await actions.reload();
    } catch (err) {
      answer('publish-status', plan.id, errorText(err));
      button.disabled = false;
    }
  });
  return h('div', { class: 'toolbar publish' },
    h('p', {}, plan.version !== undefined ? `${t('planVersion', { revision: plan.revision, version: plan.version })} · ` : '', h('strong', { id: 'published-state' }, published)),
    button,
    message,
  );
}

function lockList(plan: LivePlan, actions: LiveActions): HTMLElement {
  return h('ul', { class: 'lock-list' },
    ...plan.routes.map((r) => {
      const locked = Boolean(r.locked);
      const button = h('button', { type: 'button', class: 'lock', 'aria-pressed': String(locked), 'data-vehicle': r.vehicle.id },
        t(locked ? 'unlockRoute' : 'lockRoute', { vehicle: r.vehicle.name }));
      const message = h('span', { role: 'status' });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await during(actions, api.put(`/plans/${plan.id}/routes/${r.vehicle.id}/lock`, { locked: !locked }));
          await actions.reload();
        } catch (err) {
          message.textContent = errorText(err);
          button.disabled = false;
        }
      });
      return h('li', {},
        h('span', {}, r.vehicle.name, locked ? h('span', { class: 'badge locked' }, t('locked')) : null, r.outOfServiceAt ? h('span', { class: 'badge warning' }, t('outOfService', { time: r.outOfServiceAt })) : null),
        button,
        message,
      );
    }),
  );
}

/**
 * The rides the move form offers, labelled by pickup time, client and where to: only those still
 * to be picked up (a ride driven, on board, a no-show or cancelled cannot move).
 */
function rideOptions(plan: LivePlan): HTMLElement[] {
  const groups = plan.routes.map((r) => {
    const pickups = r.stops.filter((s) => s.kind === 'PICKUP' && s.actual === null && r.stops.some((d) => d.kind === 'DROPOFF' && d.rideId === s.rideId));
    return h('optgroup', { label: r.vehicle.name },
      ...pickups.map((s) => {
        const drop = r.stops.find((d) => d.kind === 'DROPOFF' && d.rideId === s.rideId);
        return h('option', { value: s.rideId, 'data-vehicle': r.vehicle.id }, `${s.time} ${s.client.name}: ${s.place.name} → ${drop!.place.name}`);
      }),
    );
  });
  const unassigned = plan.unassigned.length
    ? [h('optgroup', { label: t('unassigned') }, ...plan.unassigned.map((u) => h('option', { value: u.rideId, 'data-vehicle': '' }, `${u.client.name}: ${u.from} → ${u.to}`)))]
    : [];
  return [h('option', { value: '' }, t('chooseRide')), ...groups, ...unassigned];
}

/**
 * Where a stop can go in the target route, with the ride's own stops taken out of it: before
 * another stop (0-based `i` in that list) or at the end. The API counts positions 1-based in the
 * route after the move, so the pickup before stop i is position i + 1, and the drop-off before
 * stop j (with the pickup already in) is position j + 2.
 */
function positionOptions(route: LiveRoute | undefined, rideId: string, from: number, valueOf: (i: number) => number): HTMLOptionElement[] {
  const rest = (route?.stops ?? []).filter((s) => s.rideId !== rideId);
  const options: HTMLOptionElement[] = [];
  for (let i = from; i <= rest.length; i += 1) {
    const s = rest[i];
    options.push(h('option', { value: String(valueOf(i)) }, s ? t('beforeStop', { n: i + 1, time: s.time, client: s.client.name, kind: t(s.kind === 'PICKUP' ? 'pickup' : 'dropoff') }) : t('atEnd')));
  }
  return options;
}

function moveForm(plan: LivePlan, vehicles: readonly VehicleView[], actions: LiveActions): HTMLElement {
  const ride = h('select', { id: 'move-ride' }, ...rideOptions(plan));
  const vehicle = h('select', { id: 'move-vehicle' },
    h('option', { value: '' }, t('chooseVehicle')),
    ...vehicles.map((v) => h('option', { value: v.id }, v.name)),
  );
  const pickup = h('select', { id: 'move-pickup' });
  const dropoff = h('select', { id: 'move-dropoff' });
  const verdict = h('p', { id: 'move-verdict', role: 'status', 'aria-live': 'polite' });
  const apply = h('button', { type: 'button', id: 'move-apply', class: 'primary', disabled: true }, t('moveApply'));
  const routeOf = (vehicleId: string) => plan.routes.find((r) => r.vehicle.id === vehicleId);

  const fillPositions = () => {
    pickup.replaceChildren(h('option', { value: '' }, t('bestPosition')), ...positionOptions(routeOf(vehicle.value), ride.value, 0, (i) => i + 1));
    fillDropoff();
  };
  const fillDropoff = () => {
    if (pickup.value === '') {
      dropoff.replaceChildren(h('option', { value: '' }, t('bestPosition')));
      dropoff.disabled = true;
      return;
    }
    // The drop-off goes after the pickup: from the same gap onwards.
    dropoff.replaceChildren(...positionOptions(routeOf(vehicle.value), ride.value, Number(pickup.value) - 1, (j) => j + 2));
    dropoff.disabled = false;
  };

  const body = (dryRun: boolean) => ({
    rideId: ride.value,
    vehicleId: vehicle.value,
    ...(pickup.value !== '' ? { pickupIndex: Number(pickup.value), dropoffIndex: Number(dropoff.value) } : {}),
    dryRun,
    ...(plan.version !== undefined ? { version: plan.version } : {}),
  });

  let asked = 0;
  /** The immediate verdict: a dry run each time the choice changes; nothing changes on the server. */
  const check = async () => {
    apply.disabled = true;
    verdict.className = '';
    if (!ride.value || !vehicle.value) {
      verdict.textContent = '';
      return;
    }
    const mine = ++asked;
    verdict.textContent = t('checking');
    try {
      const v = await api.post<MoveVerdict>(`/plans/${plan.id}/moves`, body(true));
      if (mine !== asked) return;
      verdict.className = 'verdict ok';
      verdict.textContent = t('moveFeasible', {
        km: formatNumber(v.deltaDistanceM / 1000, { signDisplay: 'always' }),
        min: (Math.round(v.deltaDurationSec / 60) >= 0 ? '+' : '') + Math.round(v.deltaDurationSec / 60),
      });
      apply.disabled = false;
    } catch (err) {
      if (mine !== asked) return;
      verdict.className = 'verdict bad';
      verdict.textContent = `${t('moveInfeasible')} ${errorText(err)}`;
    }
  };
  ride.addEventListener('change', () => {
    fillPositions();
    void check();
  });
  vehicle.addEventListener('change', () => {
    fillPositions();
    void check();
  });
  pickup.addEventListener('change', () => {
    fillDropoff();
    void check();
  });
  dropoff.addEventListener('change', () => void check());
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    try {
      await during(actions, api.post<MoveVerdict>(`/plans/${plan.id}/moves`, body(false)));
      await actions.reload();
      document.getElementById('plan-changes-heading')?.focus();
    } catch (err) {
      verdict.className = 'verdict bad';
      verdict.textContent = errorText(err);
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') await actions.reload();
    }
  });
  fillPositions();

  return h('fieldset', { class: 'move-form' },
    h('legend', {}, t('moveTitle')),
    h('div', { class: 'field' }, h('label', { for: 'move-ride' }, t('moveRide')), ride),
    h('div', { class: 'field' }, h('label', { for: 'move-vehicle' }, t('moveVehicle')), vehicle),
    h('div', { class: 'field' }, h('label', { for: 'move-pickup' }, t('movePickup')), pickup),
    h('div', { class: 'field' }, h('label', { for: 'move-dropoff' }, t('moveDropoff')), dropoff),
    verdict,
    apply,
  );
}

/**
 * Rides the live plan does not carry — left unassigned, or approved and booked after planning —
 * each with a button to fit it in now (an urgent insertion); the answer says where, or why not.
 */
function insertionList(plan: LivePlan, rides: readonly RideView[], actions: LiveActions): HTMLElement {
  const inPlan = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.rideId)));
  const unassigned = new Set(plan.unassigned.map((u) => u.rideId));
  const waiting = rides.filter((r) => !inPlan.has(r.id) && (unassigned.has(r.id) || r.status === 'APPROVED'));
  const message = answerLine('insert-result', plan.id);
  return h('section', { 'aria-labelledby': 'insert-heading' },
    h('h3', { id: 'insert-heading' }, t('insertTitle')),
    waiting.length
      ? h('ul', { class: 'insert-list' },
          ...waiting.map((r) => {
            // Outbound and return of one client differ by their time: the buttons say it.
            const when = r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' });
            const button = h('button', { type: 'button', 'data-insert': r.id }, t('insertRide', { client: r.client.name, when }));
            button.addEventListener('click', async () => {
              button.disabled = true;
              answer('insert-result', plan.id, '');
              try {
                const res = await during(actions, api.post<{ vehicleId: string; pickupEtaSec: number }>(`/plans/${plan.id}/insertions`, { rideId: r.id, version: plan.version }));
                const vehicle = plan.routes.find((x) => x.vehicle.id === res.vehicleId)?.vehicle.name ?? '';
                answer('insert-result', plan.id, t('inserted', { client: r.client.name, vehicle, time: clockOfSeconds(res.pickupEtaSec) }));
                await actions.reload();
              } catch (err) {
                answer('insert-result', plan.id, `${t('insertRefused', { client: r.client.name })} ${errorText(err)}`, 'verdict bad');
                button.disabled = false;
              }
            });
            return h('li', {}, `${r.client.name}: ${r.from.name} → ${r.to.name} (${r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' })}) `, button);
          }),
        )
      : h('p', { class: 'muted' }, t('insertNone')),
    message,
  );
}

/** A breakdown: the vehicle stops from a time; its later rides go to others or are listed as unplaced. */
function outOfServiceForm(plan: LivePlan, actions: LiveActions): HTMLElement {
  const vehicle = h('select', { id: 'oos-vehicle' }, h('option', { value: '' }, t('chooseVehicle')), ...plan.routes.map((r) => h('option', { value: r.vehicle.id }, r.vehicle.name)));
  const from = h('input', { id: 'oos-from', type: 'time' });
  const reason = h('input', { id: 'oos-reason', type: 'text', maxlength: 500 });
  const summary = h('p', { role: 'alert', class: 'error' });
  const result = answerLine('oos-result', plan.id);
  const form = h('form', { class: 'move-form', id: 'oos-form', novalidate: true },
    h('h3', {}, t('oosTitle')),
    field(t('oosVehicle'), vehicle, 'vehicleId'),
    field(t('oosFrom'), from, 'from'),
    field(t('oosReason'), reason, 'reason'),
    h('button', { type: 'submit' }, t('oosApply')),
    summary,
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.textContent = '';
    if (!vehicle.value) {
      summary.textContent = t('chooseVehicle');
      vehicle.focus();
      return;
    }
    try {
      const res = await during(actions, api.post<{ reassigned: string[]; unassigned: { rideId: string; client: string; pl: string; en: string }[]; onBoard: { rideId: string; client: string }[] }>(
        `/plans/${plan.id}/vehicles/${vehicle.value}/out-of-service`, { from: from.value, reason: reason.value, version: plan.version }));
      // Those in the car come first: nobody else will fetch them.
      const riding = res.onBoard.length ? `${t('oosOnBoard', { names: res.onBoard.map((b) => b.client).join(', ') })} ` : '';
      answer('oos-result', plan.id, riding + t('oosDone', { moved: res.reassigned.length, left: res.unassigned.length }) + res.unassigned.map((u) => ` ${u.client}: ${pick(u)}`).join(';'));
      await actions.reload();
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  return form;
}

export function changesList(changes: readonly { id: string; at: string; pl: string; en: string }[], headingId: string): HTMLElement {
  return h('section', { 'aria-labelledby': headingId, class: 'changes' },
    h('h3', { id: headingId, tabindex: '-1' }, t('planChanges')),
    changes.length
      ? h('ol', { class: 'change-list', reversed: true },
          ...changes.map((c) => h('li', {}, h('time', { datetime: c.at }, warsawDateTime(c.at, lang())), ' — ', pick(c))),
        )
      : h('p', { class: 'muted' }, t('noChanges')),
  );
}

/** The day's earlier plans' changes (a re-plan starts a new list): folded, each with its plan. */
function earlierChangesList(changes: NonNullable<LivePlan['earlierChanges']>): HTMLElement | null {
  if (changes.length === 0) return null;
  return h('details', { class: 'changes earlier', id: 'earlier-changes' },
    h('summary', {}, t('earlierChanges', { n: changes.length })),
    h('ol', { class: 'change-list', reversed: true },
      ...changes.map((c) => h('li', {}, h('time', { datetime: c.at }, warsawDateTime(c.at, lang())), ` — ${t('planNo', { n: c.planRevision })}: `, pick(c))),
    ),
  );
}

export function renderLivePanel(plan: LivePlan, vehicles: readonly VehicleView[], rides: readonly RideView[], actions: LiveActions): HTMLElement {
  const refresh = h('button', { type: 'button', id: 'refresh-board' }, t('refresh'));
  refresh.addEventListener('click', () => void actions.reload());
  return h('section', { 'aria-labelledby': 'live-heading', class: 'plan-live', id: 'plan-live' },
    h('h2', { id: 'live-heading' }, t('liveTitle')),
    publishBox(plan, actions),
    h('h3', {}, t('locksTitle')),
    lockList(plan, actions),
    moveForm(plan, vehicles, actions),
    insertionList(plan, rides, actions),
    outOfServiceForm(plan, actions),
    changesList(plan.changes ?? [], 'plan-changes-heading'),
    earlierChangesList(plan.earlierChanges ?? []),
    refresh,
  );
}
