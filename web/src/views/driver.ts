/**
 * The driver's phone page: pick the vehicle and day, then the manifest with the next stop on top
 * (time, what to do, address, passenger, needs, tap-to-call, navigation) and the rest below.
 * Reports go through the outbox (outbox.ts): they show at once, wait for signal, survive a reload.
 * The last manifest seen is kept on the phone, so the page opens without signal too (the service
 * worker keeps the app itself, D28). While online the page follows the day's change stream and
 * reads the manifest again after every change, so the driver sees edits without reloading.
 */
import { ApiError, api, apiUrl, downloadFile, openPrintable, printablePath } from '../api.js';
import { append, h, telHref, warsawDate } from '../dom.js';
import { lang, pick, t, type MessageKey } from '../i18n.js';
import type { LiveManifest } from '../live.js';
import { dismissRefused, enqueue, flush, onOutboxChange, queued, refused, startOutbox, type QueuedReport, type ReportKind } from '../outbox.js';
import { clockOfSeconds, minutesEarly, warsawClock } from '../time.js';
import type { Items, ManifestStop, VehicleView, View } from '../types.js';
import { changesList } from './plan-live.js';
import { followPlanChanges } from '../plan-changes.js';
import { serialised } from '../serialised.js';
import { cachedMe } from '../session.js';
import { DELAY_CHOICES, DELAY_MAX_MIN, delayWith, parseDelayMinutes } from '../delay.js';

const OPEN_STATES: readonly string[] = ['PLANNED', 'ARRIVED'];
type Stop = LiveManifest['stops'][number];

/**
 * The next stop: the first still open, whatever the clock says. A driver who starts late, or gets
 * the plan late, must still report the first pickups (a drop-off before its pickup is refused).
 * m.stops.length when every stop is done.
 */
function nextStopIndex(m: LiveManifest): number {
  const open = m.stops.findIndex((s) => OPEN_STATES.includes(s.state));
  return open < 0 ? m.stops.length : open;
}

/**
 * The manifest as the driver sees it: the server's, with the reports still waiting in the outbox
 * applied, so a tap shows at once even without signal.
 */
export function withQueued(m: LiveManifest, waiting: readonly QueuedReport[]): LiveManifest {
  const mine = waiting.filter((q) => q.date === m.date && q.vehicleId === m.vehicle.id);
  if (!mine.length) return m;
  const stops = m.stops.map((s) => {
    let state = s.state;
    let actual = s.actual;
    let delay = s.delay;
    for (const q of mine) {
      const time = warsawClock(q.at);
      if (q.sequence === s.sequence) {
        if (q.kind === 'ARRIVED' && state === 'PLANNED') (state = 'ARRIVED'), (actual = { ...actual, arrived: time });
        if (q.kind === 'PICKED_UP' || q.kind === 'DROPPED_OFF') (state = 'DONE'), (actual = { ...actual, done: time });
        if (q.kind === 'NO_SHOW') (state = 'NO_SHOW'), (actual = { ...actual, done: time });
        // The newest figure shows, as the server will keep it (D62).
        if (q.kind === 'DELAYED') (actual = { ...actual, delayed: true }), (delay = q.delayMin ? delayWith({ time: s.time, delay }, q.delayMin) : delay);
      } else if (q.kind === 'NO_SHOW' && q.rideId === s.rideId && s.kind === 'DROPOFF') state = 'SKIPPED';
    }
    return { ...s, state, actual, delay } as Stop;
  });
  return { ...m, stops };
}

const REPORT_LABEL: Record<ReportKind, MessageKey> = { ARRIVED: 'reportArrived', PICKED_UP: 'reportPickedUp', DROPPED_OFF: 'reportDroppedOff', NO_SHOW: 'reportNoShow', DELAYED: 'reportDelayed' };

function stateBadge(s: ManifestStop, waiting: boolean): HTMLElement[] {
  const badges: HTMLElement[] = [];
  if (s.state !== 'PLANNED') {
    const time = s.state === 'ARRIVED' ? s.actual.arrived : s.actual.done;
    badges.push(h('span', { class: 'badge state', 'data-state': s.state }, t(`state${s.state}` as MessageKey, { time: time ?? '' })));
  }
  if (s.delay) badges.push(h('span', { class: 'badge warning', 'data-delay-min': s.delay.minutes }, t('stateDELAYEDMin', { n: s.delay.minutes, time: s.delay.expected })));
  else if (s.actual.delayed) badges.push(h('span', { class: 'badge warning' }, t('stateDELAYED')));
  if (waiting) badges.push(h('span', { class: 'badge pending' }, t('notSentYet')));
  return badges;
}

/** The report buttons of an open stop. */
function reportButtons(s: Stop, where: { date: string; vehicleId: string }): HTMLElement | null {
  if (!OPEN_STATES.includes(s.state)) return null;
  const kinds: ReportKind[] = [
    ...(s.state === 'PLANNED' ? (['ARRIVED'] as const) : []),
    ...(s.kind === 'PICKUP' ? (['PICKED_UP', 'NO_SHOW'] as const) : (['DROPPED_OFF'] as const)),
    // Always offered: a jam that grows, or clears, is reported again and replaces the figure (D62).
    'DELAYED',
  ];
  const send = (kind: ReportKind, delayMin?: number) => {
    buttons.forEach((x) => (x.disabled = true));
    enqueue({ date: where.date, vehicleId: where.vehicleId, sequence: s.sequence, rideId: s.rideId, kind, ...(delayMin ? { delayMin } : {}) });
    void flush();
  };
  // A delay says how late: the stops ahead are estimated on from it and the dispatcher sees it.
  const delayChoice = h('fieldset', { class: 'delay-choice', hidden: true },
    h('legend', {}, t('delayHowLong')),
    h('p', { class: 'muted' }, t('delayCountsFrom', { time: s.delay?.from ?? s.time }), s.delay ? ` ${t('delayReplaces', { n: s.delay.minutes })}` : ''),
    ...DELAY_CHOICES.map((n) => {
      const b = h('button', { type: 'button', 'data-delay': n }, t('delayMinutes', { n }));
      b.addEventListener('click', () => {
        delayChoice.hidden = true;
        send('DELAYED', n);
      });
      return b;
    }),
    otherDelayForm(s.sequence, (n) => {
      delayChoice.hidden = true;
      send('DELAYED', n);
    }),
  );
  const buttons = kinds.map((kind) => {
    const label = kind === 'DELAYED' && s.delay ? t('reportDelayAgain') : t(REPORT_LABEL[kind]);
    const b = h('button', { type: 'button', 'data-report': kind, class: kind === 'DELAYED' ? 'secondary' : null, 'aria-expanded': kind === 'DELAYED' ? 'false' : null }, label);
    b.addEventListener('click', () => {
      // Before the client had to be ready the server refuses a no-show (D57): say so now, offline
      // too, instead of queuing a report that will bounce.
      if (kind === 'NO_SHOW' && s.noShowFrom && minutesEarly({ date: where.date, time: s.noShowFrom }, new Date()) > 0) {
        alert(t('noShowTooEarly', { name: s.passenger.name, time: s.noShowFrom }));
        return;
      }
      // A no-show is final and counts against the client (warning, suspension): one more tap to be sure.
      if (kind === 'NO_SHOW' && !confirm(t('noShowConfirm', { name: s.passenger.name }))) return;
      // Hours ahead of the plan is almost always the wrong card: ask before the ride's clock starts.
      if (kind !== 'DELAYED' && minutesEarly({ date: where.date, time: s.time }, new Date()) > EARLY_REPORT_MIN) {
        if (!confirm(t('earlyReportConfirm', { name: s.passenger.name, time: s.time, now: warsawClock(new Date()) }))) return;
      }
      if (kind !== 'DELAYED') return send(kind);
      delayChoice.hidden = !delayChoice.hidden;
      b.setAttribute('aria-expanded', String(!delayChoice.hidden));
    });
    return b;
  });
  return h('div', { class: 'stop-report' }, h('p', { class: 'stop-actions' }, ...buttons), delayChoice);
}

/** A report this many minutes before the stop's planned time asks once more. */
const EARLY_REPORT_MIN = 60;

/** Any other number of minutes (a tow truck: hours), checked as the server checks it, with the error at the field. */
function otherDelayForm(sequence: number, report: (minutes: number) => void): HTMLElement {
  const id = `delay-other-${sequence}`;
  const input = h('input', { id, type: 'text', inputmode: 'numeric', pattern: '[0-9]*', autocomplete: 'off', maxlength: 4, size: 4, 'aria-describedby': `${id}-error` });
  const error = h('p', { id: `${id}-error`, class: 'error', role: 'alert' });
  const form = h('form', { class: 'delay-other', novalidate: true },
    h('label', { for: id }, t('delayOther')), ' ', input, ' ',
    h('button', { type: 'submit' }, t('delaySend')),
    error,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = parseDelayMinutes(input.value);
    if (!v.ok) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = v.error === 'required' ? t('delayRequired') : t('delayRange', { max: DELAY_MAX_MIN });
      input.focus();
      return;
    }
    report(v.minutes);
  });
  return form;
}

function stopCard(s: Stop, isNext: boolean, waiting: boolean, report: HTMLElement | null = null): HTMLElement {
  const eta = s.etaSec !== undefined ? clockOfSeconds(s.etaSec) : null;
  return h(isNext ? 'article' : 'li', { class: isNext ? 'stop-card next' : 'stop-card', 'aria-labelledby': isNext ? 'next-stop-heading' : null, 'data-sequence': s.sequence },
    isNext ? h('h2', { id: 'next-stop-heading', tabindex: '-1' }, t('nextStop')) : null,
    h('p', { class: 'stop-time' }, h('strong', {}, s.time), eta && eta !== s.time && OPEN_STATES.includes(s.state) ? h('span', { class: 'eta' }, ` (${t('etaNow', { time: eta })})`) : null, ' ', pick(s.action),
      s.appointment ? h('span', { class: 'badge' }, t('appointment', { time: s.appointment })) : null, ...stateBadge(s, waiting)),
    h('p', { class: 'stop-place' }, h('strong', {}, s.place.name), h('br'), s.place.address),
    h('p', { class: 'stop-passenger' }, s.passenger.name, ...s.needs.map((n) => h('span', { class: 'badge need' }, pick(n)))),
    s.notes.length ? h('ul', { class: 'notes' }, ...s.notes.map((n) => h('li', {}, n))) : null,
    h('p', { class: 'stop-actions' },
      s.passenger.phone ? h('a', { class: 'button', href: telHref(s.passenger.phone) }, t('call', { phone: s.passenger.phone })) : null,
      h('a', { class: 'button', href: s.navigationUrl, target: '_blank', rel: 'noopener' }, t('navigate')),
    ),
    report,
  );
}

/** What waits to be sent and what the server refused; says whether the phone is online. */
function outboxBox(where: { date: string; vehicleId: string }): HTMLElement {
  const mine = queued().filter((q) => q.date === where.date && q.vehicleId === where.vehicleId);
  const bad = refused().filter((q) => q.date === where.date && q.vehicleId === where.vehicleId);
  const online = navigator.onLine;
  const sendNow = h('button', { type: 'button', id: 'outbox-send' }, t('sendNow'));
  sendNow.addEventListener('click', () => void flush());
  return h('section', { class: `outbox ${mine.length ? 'waiting' : 'empty'}`, 'aria-labelledby': 'outbox-heading', id: 'outbox' },
    h('h2', { id: 'outbox-heading', class: 'visually-hidden' }, t('outboxTitle')),
    h('p', { id: 'outbox-status', role: 'status' },
      h('span', { class: `badge ${online ? 'online' : 'offline'}` }, t(online ? 'online' : 'offline')), ' ',
      mine.length ? t('outboxWaiting', { n: mine.length }) : t('outboxEmpty')),
    mine.length
      ? h('ul', { class: 'outbox-list' }, ...mine.map((q) => h('li', {}, `${warsawClock(q.at)} · ${t('stopNo', { n: q.sequence })} · ${t(REPORT_LABEL[q.kind])}${q.delayMin ? ` (${t('delayMinutes', { n: q.delayMin })})` : ''}`, q.lastError ? h('small', { class: 'error' }, ` — ${q.lastError}`) : null)))
      : null,
    mine.length && online ? sendNow : null,
    ...bad.map((r) => {
      const ok = h('button', { type: 'button' }, t('dismiss'));
      ok.addEventListener('click', () => {
        dismissRefused(r.clientEventId);
        ok.closest('p')?.remove();
      });
      return h('p', { role: 'alert', class: 'report-error' },
        `${t('refusedReport', { n: r.sequence, kind: t(REPORT_LABEL[r.kind]) })} ${lang() === 'en' && r.messageEn ? r.messageEn : r.message} `, ok);
    }),
  );
}

const cacheKey = (date: string, vehicleId: string) => `dowoz.manifest.${date}.${vehicleId}`;

/** The manifest from the server, or the copy kept on the phone when there is no connection. */
async function loadManifest(date: string, vehicleId: string): Promise<{ manifest: LiveManifest; offline: boolean } | { notPublished: string }> {
  try {
    const manifest = await api.get<LiveManifest>(`/manifests/${date}/${vehicleId}`);
    localStorage.setItem(cacheKey(date, vehicleId), JSON.stringify(manifest));
    return { manifest, offline: false };
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.status === 404) return { notPublished: err.text() };
      throw err;
    }
    const kept = localStorage.getItem(cacheKey(date, vehicleId));
    if (!kept) throw err;
    return { manifest: JSON.parse(kept) as LiveManifest, offline: true };
  }
}

export const renderDriver: View = async (root, params) => {
  startOutbox();
  const date = params.get('date') ?? warsawDate();
  const vehicleId = params.get('vehicle') ?? '';
  const vehiclesKey = 'dowoz.vehicles';
  let vehicles: VehicleView[];
  try {
    vehicles = (await api.get<Items<VehicleView>>('/vehicles')).items.filter((v) => v.active);
    localStorage.setItem(vehiclesKey, JSON.stringify(vehicles));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    vehicles = JSON.parse(localStorage.getItem(vehiclesKey) ?? '[]') as VehicleView[];
  }

  const go = (d: string, v: string) => {
    location.hash = `#/driver?date=${d}${v ? `&vehicle=${v}` : ''}`;
  };
  // A driver reads today's manifest of their own vehicles only (the server lists just those): the
  // page offers nothing else, and opens the one vehicle straight away.
  const me = cachedMe();
  const driverOnly = !!me && me.roles.length > 0 && me.roles.every((r) => r === 'DRIVER');
  const today = warsawDate();
  if (driverOnly && date !== today) {
    go(today, vehicleId);
    return;
  }
  if (!vehicleId && vehicles.length === 1 && (driverOnly || me?.roles.includes('PROVIDER'))) {
    go(date, vehicles[0]!.id);
    return;
  }
  const dateInput = h('input', { id: 'driver-date', type: 'date', value: date, ...(driverOnly ? { min: today, max: today, readonly: true } : {}) });
  const vehicleSelect = h('select', { id: 'driver-vehicle' },
    h('option', { value: '' }, t('chooseVehicle')),
    ...vehicles.map((v) => h('option', { value: v.id, selected: v.id === vehicleId }, `${v.name}${v.registration ? ` (${v.registration})` : ''}`)),
  );
  dateInput.addEventListener('change', () => go(dateInput.value, vehicleSelect.value));
  vehicleSelect.addEventListener('change', () => go(dateInput.value, vehicleSelect.value));

  const body = h('div', { class: 'manifest' });
  const outbox = h('div', { id: 'outbox-box' });
  const liveLine = h('p', { id: 'manifest-live', class: 'muted', role: 'status' });
  root.replaceChildren(
    h('div', { class: 'phone' },
      h('h1', {}, t('driverTitle')),
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'driver-date' }, t('day')), dateInput),
        h('div', { class: 'field' }, h('label', { for: 'driver-vehicle' }, t('vehicle')), vehicleSelect),
      ),
      outbox,
      liveLine,
      body,
    ),
  );
  if (!vehicleId) return;
  const where = { date, vehicleId };

  const loaded = await loadManifest(date, vehicleId);
  if ('notPublished' in loaded) {
    body.replaceChildren(h('p', { role: 'status' }, loaded.notPublished));
    // Drawn again (through the router) as soon as the dispatcher publishes.
    return followPlanChanges(`/manifests/${date}/${vehicleId}/changes/stream`, {
      onOpen(current) {
        if (current.planId) window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
      onChange() {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
    });
  }
  let current = loaded;

  /** What the page shows depends on this; a redraw that would change nothing is skipped. */
  let shownKey = '';
  const draw = () => {
    const waiting = queued();
    const key = JSON.stringify([current.offline, current.manifest, waiting, refused(), navigator.onLine]);
    if (key === shownKey) return;
    shownKey = key;
    const m = withQueued(current.manifest, waiting);
    const waitingAt = new Set(waiting.filter((q) => q.date === date && q.vehicleId === vehicleId).map((q) => q.sequence));
    const next = nextStopIndex(m);
    const hadFocus = body.contains(document.activeElement);
    outbox.replaceChildren(outboxBox(where));
    const pdf = h('button', { type: 'button', id: 'manifest-pdf' }, t('downloadPdf'));
    const pdfError = h('span', { role: 'alert', class: 'error' });
    pdf.addEventListener('click', () => {
      downloadFile(`/manifests/${date}/pdf?vehicleId=${vehicleId}`, `karta-${date}-${m.vehicle.name}.pdf`).catch((err: unknown) => {
        pdfError.textContent = err instanceof ApiError ? err.text() : t('reportOffline');
      });
    });
    const printPath = printablePath(date, vehicleId);
    body.replaceChildren();
    append(body,
      current.offline ? h('p', { class: 'warning', role: 'note' }, t('offlineCopy')) : null,
      h('p', {}, h('strong', {}, m.vehicle.name), m.departDepot ? ` — ${t('departDepot', { time: m.departDepot, back: m.returnDepot ?? '' })}` : ''),
      m.travelTimes?.estimate ? h('p', { class: 'warning', role: 'note' }, m.travelTimes.note ? pick(m.travelTimes.note) : t('estimate')) : null,
      !m.stops.length
        ? h('p', {}, t('noStops'))
        : next < m.stops.length
          ? stopCard(m.stops[next]!, true, waitingAt.has(m.stops[next]!.sequence), reportButtons(m.stops[next]!, where))
          : h('p', { role: 'status', id: 'all-stops-done' }, t('allStopsDone')),
      m.stops.length > next + 1
        ? h('section', { 'aria-labelledby': 'later-heading' },
            h('h2', { id: 'later-heading' }, t('laterStops')),
            h('ol', { class: 'stop-list', start: next + 2 }, ...m.stops.slice(next + 1).map((s) => stopCard(s, false, waitingAt.has(s.sequence)))),
          )
        : null,
      next > 0
        ? h('details', { class: 'done-stops' },
            h('summary', {}, t('earlierStops', { n: next })),
            h('ol', { class: 'stop-list' }, ...m.stops.slice(0, next).map((s) => stopCard(s, false, waitingAt.has(s.sequence)))),
          )
        : null,
      m.changes ? changesList(m.changes, 'manifest-changes-heading') : null,
      h('p', { class: 'stop-actions' },
        h('a', { href: apiUrl(printPath), id: 'printable', class: 'button', onclick: ((e: Event) => { e.preventDefault(); void openPrintable(printPath); }) as EventListener }, t('printable')),
        pdf,
        pdfError,
      ),
    );
    // After a tap the buttons are redrawn: keep the keyboard on the (new) next stop.
    if (hadFocus) document.getElementById('next-stop-heading')?.focus();
  };

  /** After the outbox sent something, the server's manifest is the truth (plan changes too). */
  let lastWaiting = queued().length;
  const stopListening = onOutboxChange(() => {
    const now = queued().length;
    const sent = now < lastWaiting;
    lastWaiting = now;
    draw();
    if (sent && now === 0) {
      void loadManifest(date, vehicleId).then((fresh) => {
        if (!('notPublished' in fresh)) {
          current = fresh;
          draw();
        }
      }).catch(() => undefined);
    }
  });
  const onNetwork = () => draw();
  window.addEventListener('online', onNetwork);
  window.addEventListener('offline', onNetwork);
  draw();

  /** The server's manifest again, after the stream told of a change (or came back after a gap). */
  const refresh = serialised(async () => {
    const fresh = await loadManifest(date, vehicleId);
    if ('notPublished' in fresh || fresh.offline) return;
    const changed = fresh.manifest.version !== current.manifest.version || JSON.stringify(fresh.manifest.stops) !== JSON.stringify(current.manifest.stops);
    current = fresh;
    draw();
    if (changed) liveLine.textContent = t('manifestUpdated', { time: warsawClock(new Date()) });
  });
  const stopChanges = followPlanChanges(`/manifests/${date}/${vehicleId}/changes/stream`, {
    onOpen(now, reopened) {
      if (reopened || current.offline || now.planId !== current.manifest.plan.id || now.version !== current.manifest.version) void refresh();
    },
    onChange() {
      void refresh();
    },
  });
  return () => {
    stopChanges();
    stopListening();
    window.removeEventListener('online', onNetwork);
    window.removeEventListener('offline', onNetwork);
  };
};
