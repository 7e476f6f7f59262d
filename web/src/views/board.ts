/**
 * The dispatcher's day board: the day's rides with a filter, "plan the day" with a live progress
 * bar fed by the plan's event stream, and the newest plan as a map, timelines and the unassigned list.
 * The plan shown is live: the day's change stream (plan-changes.ts, D28) tells the board of every
 * edit and driver's report, and the board reads the plan again — no reload, no click, no polling.
 * Rides awaiting approval on other days (from today on) are pointed to above the day, each a link
 * to that day: the board shows one day, and a request for next week was easy to miss.
 */
import { api, ApiError } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { lang, rideStatusText, t } from '../i18n.js';
import { openEventStream } from '../event-stream.js';
import { followPlanChanges } from '../plan-changes.js';
import { serialised } from '../serialised.js';
import type { LivePlan } from '../live.js';
import type { ApprovalDay, Items, PlaceView, PlanView, RideView, VehicleView, View } from '../types.js';
import { otherAwaitingDays, shortDay } from '../approvals.js';
import { renderPlanResult } from './plan-result.js';
import { renderLivePanel } from './plan-live.js';

/** How far ahead the board looks for the next day with rides when no date is given. */
const LOOKAHEAD_DAYS = 14;

async function nextDayWithRides(): Promise<string> {
  const days = Array.from({ length: LOOKAHEAD_DAYS }, (_, i) => warsawDate(i));
  const counts = await Promise.all(days.map((d) => api.get<Items<RideView>>(`/rides?date=${d}`).then((r) => r.items.length)));
  return days[counts.findIndex((n) => n > 0)] ?? days[0]!;
}

/** The days (from today on, the server's) with rides awaiting approval; none when it cannot tell. */
async function approvalDays(): Promise<readonly ApprovalDay[]> {
  try {
    return (await api.get<Items<ApprovalDay>>('/rides/approval-days')).items;
  } catch (err) {
    // A pointer to other days must not keep the day's board from opening.
    if (err instanceof ApiError) return [];
    throw err;
  }
}

/** Links to the other days with rides awaiting approval, with how many; null when there are none. */
function otherDaysNav(days: readonly ApprovalDay[], shown: string): HTMLElement | null {
  const others = otherAwaitingDays(days, shown);
  if (!others.length) return null;
  return h('nav', { id: 'other-days-awaiting', class: 'warning', 'aria-labelledby': 'other-days-awaiting-label' },
    h('span', { id: 'other-days-awaiting-label' }, t('otherDaysAwaiting')),
    h('ul', { class: 'day-links' }, ...others.map((d) => {
      const day = shortDay(d.date, lang());
      return h('li', {}, h('a', { class: 'button', href: `#/board?date=${d.date}`, 'data-date': d.date, 'aria-label': t('otherDayAwaitingLabel', { day, n: d.count }) }, t('otherDayAwaiting', { day, n: d.count })));
    })),
  );
}

const rideTime = (r: RideView) => (r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' }));
const rideSortKey = (r: RideView) => r.arriveBy ?? r.departAfter ?? '';

/**
 * Approve or turn down a ride that leaves the gmina. Turning down asks for the reason in place
 * (it is kept as unmet need); `changed` draws the rides again.
 */
function approvalCell(r: RideView, changed: () => Promise<void>): HTMLElement {
  const cell = h('td', { class: 'approval' });
  if (r.status !== 'REQUESTED') return cell;
  const message = h('span', { role: 'alert', class: 'error' });
  const approve = h('button', { type: 'button', 'data-approve': r.id }, t('approve'));
  const turnDown = h('button', { type: 'button', 'data-turn-down': r.id }, t('turnDown'));
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      await changed();
    } catch (err) {
      message.textContent = err instanceof ApiError ? err.text() : String(err);
    }
  };
  approve.addEventListener('click', () => void act(() => api.post(`/rides/${r.id}/approve`, {})));
  turnDown.addEventListener('click', () => {
    const id = `reason-${r.id}`;
    const reason = h('input', { id, type: 'text', required: true, maxlength: 500 });
    const confirm = h('button', { type: 'submit' }, t('turnDownConfirm'));
    const form = h('form', { class: 'turn-down' }, h('label', { for: id }, t('turnDownReason', { client: r.client.name })), reason, confirm, message);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(() => api.post(`/rides/${r.id}/turn-down`, { reason: reason.value }));
    });
    cell.replaceChildren(form);
    reason.focus();
  });
  cell.append(approve, ' ', turnDown, message);
  return cell;
}

function ridesTable(rides: readonly RideView[], changed: () => Promise<void>): HTMLElement {
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const body = h('tbody');
  const filter = h('input', { id: 'ride-filter', type: 'search', autocomplete: 'off' });
  const waitingOnly = h('input', { id: 'ride-waiting', type: 'checkbox' });
  const waiting = rides.filter((r) => r.status === 'REQUESTED').length;
  const draw = () => {
    const q = filter.value.trim().toLocaleLowerCase();
    const shown = rides.filter((r) =>
      (!waitingOnly.checked || r.status === 'REQUESTED') &&
      (!q || `${r.client.name} ${r.from.name} ${r.to.name} ${r.from.address} ${r.to.address}`.toLocaleLowerCase().includes(q)));
    body.replaceChildren(
      ...shown.map((r) =>
        h('tr', { class: r.status === 'CANCELLED' || r.status === 'LATE_CANCELLED' ? 'cancelled' : r.status === 'REQUESTED' ? 'awaiting' : null },
          h('td', {}, rideTime(r)),
          h('td', {}, r.client.name),
          h('td', {}, `${r.from.name} → ${r.to.name}`),
          h('td', {}, [r.wheelchair ? t('wheelchair') : '', r.assistant ? t('assistant') : ''].filter(Boolean).join(', ')),
          h('td', {}, h('span', { class: `badge status-${r.status.toLowerCase()}` }, rideStatusText(r.status))),
          approvalCell(r, changed),
        ),
      ),
    );
    count.textContent = t('ridesShown', { shown: shown.length, total: rides.length });
  };
  filter.addEventListener('input', draw);
  waitingOnly.addEventListener('change', draw);
  draw();
  return h('section', { 'aria-labelledby': 'rides-heading' },
    h('h2', { id: 'rides-heading' }, t('rides')),
    waiting ? h('p', { class: 'warning', id: 'awaiting-approval' }, t('awaitingApproval', { n: waiting })) : null,
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'ride-filter' }, t('filter')), filter),
      h('div', { class: 'field check' }, waitingOnly, h('label', { for: 'ride-waiting' }, t('waitingOnly'))),
    ),
    count,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'rides' },
        h('thead', {}, h('tr', {}, ...(['colTime', 'colClient', 'colRoute', 'colNeeds', 'colStatus', 'colActions'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
        body,
      ),
    ),
  );
}

export const renderBoard: View = async (root, params) => {
  const date = params.get('date') ?? (await nextDayWithRides());
  const [rides, plans, places, vehicles, awaitingDays] = await Promise.all([
    api.get<Items<RideView>>(`/rides?date=${date}`),
    api.get<Items<{ id: string; revision: number; status: PlanView['status'] }>>(`/plans?date=${date}`),
    api.get<Items<PlaceView>>('/places'),
    api.get<Items<VehicleView>>('/vehicles'),
    approvalDays(),
  ]);
  const activeVehicles = vehicles.items.filter((v) => v.active);
  const placeById = new Map(places.items.map((p) => [p.id, p]));

  let stopStream: (() => void) | null = null;
  let dropResult: (() => void) | null = null;
  const dateInput = h('input', { id: 'board-date', type: 'date', value: date, required: true });
  dateInput.addEventListener('change', () => {
    if (dateInput.value) location.hash = `#/board?date=${dateInput.value}`;
  });

  const planButton = h('button', { type: 'button', class: 'primary', id: 'plan-day' }, t('planDay'));
  const keepLocked = h('input', { id: 'keep-locked', type: 'checkbox', checked: true });
  const bar = h('progress', { id: 'plan-progress', max: 100, value: 0, 'aria-labelledby': 'plan-status' });
  // The percentage changes many times a second: shown, but not read out. Screen readers hear the
  // phases (queued, planning, ready, failed) through the live region beside it.
  const statusLine = h('p', { id: 'plan-status' });
  const announce = h('p', { role: 'status', class: 'visually-hidden' });
  const setStatus = (text: string, spoken = text) => {
    statusLine.textContent = text;
    if (announce.textContent !== spoken) announce.textContent = spoken;
  };
  const progressBox = h('div', { class: 'progress', hidden: true }, statusLine, bar, announce);
  const result = h('div', { id: 'plan-result' });

  const ridesBox = h('div', { id: 'rides' });
  let dayRides: readonly RideView[] = rides.items;
  const reloadRides = async () => showRides((await api.get<Items<RideView>>(`/rides?date=${date}`)).items);
  const showRides = (items: readonly RideView[]) => {
    dayRides = items;
    const sorted = [...items].sort((a, b) => rideSortKey(a).localeCompare(rideSortKey(b)));
    ridesBox.replaceChildren(items.length ? ridesTable(sorted, reloadRides) : h('p', {}, t('noRides')));
  };
  let shownPlanId: string | null = null;
  let shownVersion: number | null = null;
  /** Whether the plan on screen is with the drivers: planning again then replaces theirs. */
  let shownPublished = false;
  const liveState = h('p', { id: 'board-live', class: 'muted', role: 'status', 'data-live': 'false', hidden: true });
  let stopChanges: (() => void) | null = null;
  let followedPlanId: string | null = null;
  const showResult = async (planId: string) => {
    const [plan] = await Promise.all([api.get<LivePlan>(`/plans/${planId}?include=geometry`), reloadRides()]);
    shownPlanId = planId;
    shownVersion = plan.version ?? null;
    shownPublished = plan.publishedAt !== null && plan.publishedAt !== undefined;
    changeWaiting = false;
    liveState.textContent = liveState.dataset.live === 'true' ? t('boardLive') : '';
    dropResult?.();
    dropResult = renderPlanResult(result, plan as PlanView, placeById);
    result.append(renderLivePanel(plan, activeVehicles, dayRides, { reload: () => reloadShown(), busy: whileEditing }));
    if (followedPlanId !== planId) followChanges(planId);
  };

  // A change told by the stream waits while the dispatcher works in the live panel (a choice half
  // made, an edit in flight, its answer on screen): drawing the board again would wipe them.
  let editsInFlight = 0;
  let changeWaiting = false;
  const panelBusy = () => editsInFlight > 0 || Boolean(document.activeElement && document.getElementById('plan-live')?.contains(document.activeElement));
  const changeTold = () => {
    if (!panelBusy()) return void reloadShown();
    changeWaiting = true;
    liveState.textContent = t('boardChangeWaiting');
  };
  const drawIfWaiting = () => {
    if (changeWaiting && !panelBusy()) void reloadShown();
  };
  const whileEditing = <T,>(work: Promise<T>): Promise<T> => {
    editsInFlight += 1;
    return work.finally(() => {
      editsInFlight -= 1;
      setTimeout(drawIfWaiting, 0);
    });
  };
  result.addEventListener('focusout', () => setTimeout(drawIfWaiting, 0));
  // Edits made here and changes told by the stream read the plan one at a time.
  const reloadShown = serialised(async () => {
    if (shownPlanId) await showResult(shownPlanId);
  });

  /** Reads the plan again whenever the server says the day changed (D28). */
  const followChanges = (planId: string) => {
    stopChanges?.();
    followedPlanId = planId;
    liveState.hidden = false;
    stopChanges = followPlanChanges(`/plans/${planId}/changes/stream`, {
      onOpen(current, reopened) {
        liveState.dataset.live = 'true';
        liveState.textContent = t('boardLive');
        // After a dropped connection anything may have happened meanwhile (reports move no version).
        if (reopened || current.version !== shownVersion) changeTold();
      },
      onChange(change) {
        if (change.planId !== shownPlanId) {
          shownPlanId = change.planId;
          changeTold();
        } else if (change.kind === 'STOP_EVENT' || shownVersion === null || change.version > shownVersion) {
          changeTold();
        }
      },
    });
  };

  /** Follows a queued or running plan to its end over the event stream. */
  const follow = (planId: string, revision: number) => {
    stopStream?.();
    progressBox.hidden = false;
    planButton.disabled = true;
    const setProgress = (p: number) => {
      bar.value = p;
      setStatus(t('planRUNNING', { progress: p }), t('planRunningSpoken'));
    };
    stopStream = openEventStream(`/api/v1/plans/${planId}/events`, {
      onEvent(event, data) {
        const d = data as { status: PlanView['status']; progress: number; error: string | null };
        if (event === 'progress') setProgress(d.progress);
        else if (event === 'status') {
          if (d.status === 'QUEUED' && !d.progress) setStatus(t('planQUEUED'));
          else setProgress(d.progress);
        } else if (event === 'done') {
          bar.value = 100;
          setStatus(t('planDONE', { revision }));
          planButton.disabled = false;
          // With the rides again: planning changed their statuses (scheduled).
          void showResult(planId);
        } else if (event === 'failed') {
          setStatus(t('planFAILED', { error: d.error ?? '' }));
          planButton.disabled = false;
        }
      },
      onLost() {
        setStatus(t('planStreamLost'));
        planButton.disabled = false;
      },
    });
  };

  planButton.addEventListener('click', async () => {
    // The drivers have this day's plan: a new one reaches them, and clients whose time moves hear it.
    if (shownPublished && !confirm(t('replanPublishedConfirm'))) return;
    planButton.disabled = true;
    try {
      // A re-plan keeps the locked routes unless the dispatcher unticks it.
      const started = await api.post<{ id: string; revision: number }>('/plans', shownPlanId ? { date, keepLocked: keepLocked.checked } : { date });
      bar.value = 0;
      follow(started.id, started.revision);
    } catch (err) {
      planButton.disabled = false;
      progressBox.hidden = false;
      setStatus(err instanceof ApiError ? err.text() : String(err));
    }
  });

  root.replaceChildren(
    h('h1', {}, t('boardTitle')),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'board-date' }, t('day')), dateInput),
      planButton,
      h('div', { class: 'field check' }, keepLocked, h('label', { for: 'keep-locked' }, t('keepLocked'))),
    ),
    otherDaysNav(awaitingDays, date) ?? '',
    progressBox,
    liveState,
    result,
    ridesBox,
  );

  showRides(rides.items);

  // The newest revision decides what the board shows: a finished plan, or one still being made.
  // (A failed newest revision leaves the last finished one on the board, as manifests do.)
  const byRevision = [...plans.items].sort((a, b) => b.revision - a.revision);
  const newest = byRevision[0];
  const newestDone = byRevision.find((p) => p.status === 'DONE');
  if (newestDone) await showResult(newestDone.id);
  if (newest && (newest.status === 'QUEUED' || newest.status === 'RUNNING')) follow(newest.id, newest.revision);

  return () => {
    stopStream?.();
    stopChanges?.();
    dropResult?.();
  };
};
