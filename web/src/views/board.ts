/**
 * The dispatcher's day board: the day's rides with a filter, "plan the day" with a live progress
 * bar fed by the plan's event stream, and the newest plan as a map, timelines and the unassigned list.
 */
import { api, ApiError } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { rideStatusText, t } from '../i18n.js';
import { openEventStream } from '../event-stream.js';
import type { Items, PlaceView, PlanView, RideView, View } from '../types.js';
import { renderPlanResult } from './plan-result.js';

/** How far ahead the board looks for the next day with rides when no date is given. */
const LOOKAHEAD_DAYS = 14;

async function nextDayWithRides(): Promise<string> {
  const days = Array.from({ length: LOOKAHEAD_DAYS }, (_, i) => warsawDate(i));
  const counts = await Promise.all(days.map((d) => api.get<Items<RideView>>(`/rides?date=${d}`).then((r) => r.items.length)));
  return days[counts.findIndex((n) => n > 0)] ?? days[0]!;
}

const rideTime = (r: RideView) => (r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' }));
const rideSortKey = (r: RideView) => r.arriveBy ?? r.departAfter ?? '';

function ridesTable(rides: readonly RideView[]): HTMLElement {
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const body = h('tbody');
  const filter = h('input', { id: 'ride-filter', type: 'search', autocomplete: 'off' });
  const draw = () => {
    const q = filter.value.trim().toLocaleLowerCase();
    const shown = rides.filter((r) => !q || `${r.client.name} ${r.from.name} ${r.to.name} ${r.from.address} ${r.to.address}`.toLocaleLowerCase().includes(q));
    body.replaceChildren(
      ...shown.map((r) =>
        h('tr', { class: r.status === 'CANCELLED' ? 'cancelled' : null },
          h('td', {}, rideTime(r)),
          h('td', {}, r.client.name),
          h('td', {}, `${r.from.name} → ${r.to.name}`),
          h('td', {}, [r.wheelchair ? t('wheelchair') : '', r.assistant ? t('assistant') : ''].filter(Boolean).join(', ')),
          h('td', {}, h('span', { class: `badge status-${r.status.toLowerCase()}` }, rideStatusText(r.status))),
        ),
      ),
    );
    count.textContent = t('ridesShown', { shown: shown.length, total: rides.length });
  };
  filter.addEventListener('input', draw);
  draw();
  return h('section', { 'aria-labelledby': 'rides-heading' },
    h('h2', { id: 'rides-heading' }, t('rides')),
    h('div', { class: 'field' }, h('label', { for: 'ride-filter' }, t('filter')), filter),
    count,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'rides' },
        h('thead', {}, h('tr', {}, ...(['colTime', 'colClient', 'colRoute', 'colNeeds', 'colStatus'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
        body,
      ),
    ),
  );
}

export const renderBoard: View = async (root, params) => {
  const date = params.get('date') ?? (await nextDayWithRides());
  const [rides, plans, places] = await Promise.all([
    api.get<Items<RideView>>(`/rides?date=${date}`),
    api.get<Items<{ id: string; revision: number; status: PlanView['status'] }>>(`/plans?date=${date}`),
    api.get<Items<PlaceView>>('/places'),
  ]);
  const placeById = new Map(places.items.map((p) => [p.id, p]));

  let stopStream: (() => void) | null = null;
  let dropResult: (() => void) | null = null;
  const dateInput = h('input', { id: 'board-date', type: 'date', value: date, required: true });
  dateInput.addEventListener('change', () => {
    if (dateInput.value) location.hash = `#/board?date=${dateInput.value}`;
  });

  const planButton = h('button', { type: 'button', class: 'primary', id: 'plan-day' }, t('planDay'));
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
  const showRides = (items: readonly RideView[]) => {
    const sorted = [...items].sort((a, b) => rideSortKey(a).localeCompare(rideSortKey(b)));
    ridesBox.replaceChildren(items.length ? ridesTable(sorted) : h('p', {}, t('noRides')));
  };
  const showResult = async (planId: string) => {
    const plan = await api.get<PlanView>(`/plans/${planId}?include=geometry`);
    dropResult?.();
    dropResult = renderPlanResult(result, plan, placeById);
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
          void showResult(planId);
          // Planning changed the rides' statuses (scheduled); show them.
          void api.get<Items<RideView>>(`/rides?date=${date}`).then((r) => showRides(r.items));
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
    planButton.disabled = true;
    try {
      const started = await api.post<{ id: string; revision: number }>('/plans', { date });
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
    ),
    progressBox,
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
    dropResult?.();
  };
};
