/**
 * The caseworker's booking form: find the client (type-ahead), destination, date, arrive-by or
 * depart-after, optional return; wheelchair and assistant default from the client. "Co tydzień"
 * makes it a weekly pattern (POST /recurring-rides) on the chosen weekdays from that date, until an
 * optional end. The API's failing fields are shown next to their inputs; success lists the booked
 * rides. A ride leaving the gmina is not booked until a dispatcher approves it: the answer says so,
 * and the top of the page lists the caseworker's rides awaiting a decision and the decisions made.
 */
import { api, ApiError, type FieldError } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { lang, pick, rideStatusText, t, type MessageKey } from '../i18n.js';
import type { ApprovalDecisions, ApprovalItem, ClientView, Items, PlaceView, RideView, View } from '../types.js';
import { clientCombobox } from './client-combobox.js';
import { cachedMe } from '../session.js';
import { actorLabel, bookingOutcome } from '../approvals.js';
import { isUnusualHour, warsawDateTime } from '../time.js';

/** API field path → the input it belongs to. */
const FIELD_INPUT: Record<string, string> = {
  clientId: 'bk-client',
  date: 'bk-date',
  toPlaceId: 'bk-to',
  fromPlaceId: 'bk-from',
  purpose: 'bk-purpose',
  fundingSource: 'bk-funding',
  overrideCutoff: 'bk-override',
  arriveBy: 'bk-time',
  departAfter: 'bk-time',
  'return.departAfter': 'bk-return-time',
  return: 'bk-return-time',
  returnDepartAfter: 'bk-return-time',
  startDate: 'bk-date',
  endDate: 'bk-until',
  weekdays: 'bk-weekdays',
  exceptDates: 'bk-until',
  wheelchair: 'bk-wheelchair',
  assistant: 'bk-assistant',
  notes: 'bk-notes',
};

/** The "Dokąd" option that stands for the chosen client's home. */
const HOME = 'home';

/** The API's warnings on a saved booking (e.g. no vehicle runs then): kept, but the caseworker must know. */
const warningList = (warnings: readonly FieldError[]) =>
  warnings.length
    ? h('ul', { class: 'warning', id: 'bk-warnings', role: 'note' }, ...warnings.map((w) => h('li', {}, pick({ pl: w.message, en: w.messageEn ?? w.message }))))
    : null;

const rideTime = (r: RideView) => (r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' }));

const rideLine = (label: string, r: RideView) =>
  h('li', {}, h('strong', {}, `${label}: `), `${r.date} ${rideTime(r)} — ${r.from.name} → ${r.to.name} (${rideStatusText(r.status)})`);

/** How far back the page looks for decisions the caseworker may not have seen. */
const DECIDED_WITHIN_DAYS = 14;

const who = (a: ApprovalItem['bookedBy']) => actorLabel(a, { recurring: t('apActorRecurring'), unknown: t('apActorUnknown') });

/**
 * The caseworker's rides leaving the gmina (booked by them or their clients'), from today on:
 * those awaiting the dispatcher and those approved or turned down lately, with who, when and why.
 * The caseworker uses this page and the client card only, so the decision is brought here. Hidden
 * while there is nothing to tell.
 */
function approvalsSection(): { element: HTMLElement; reload: () => Promise<void> } {
  const box = h('section', { id: 'bk-approvals', 'aria-labelledby': 'bk-approvals-heading', hidden: true });
  const row = (r: ApprovalItem, last: HTMLElement) =>
    h('tr', { 'data-ride': r.id },
      h('td', {}, r.date),
      h('td', {}, rideTime(r)),
      h('td', {}, h('a', { href: `#/clients?id=${r.client.id}` }, r.client.name)),
      h('td', {}, `${r.from.name} → ${r.to.name}`),
      last,
    );
  const table = (id: string, last: 'apColBooked' | 'apColDecision', rows: HTMLElement[]) =>
    h('div', { class: 'table-wrap' }, h('table', { id },
      h('thead', {}, h('tr', {}, ...(['day', 'colTime', 'colClient', 'colRoute', last] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, ...rows)));
  const decisionCell = (r: ApprovalItem) => {
    const d = r.decision!;
    return h('td', {},
      h('span', { class: `badge status-${d.status.toLowerCase()}` }, rideStatusText(d.status)),
      // What happened to the ride since (planned, cancelled) matters as much as the decision.
      r.status !== d.status ? h('small', { class: 'muted' }, ` (${t('apNow', { status: rideStatusText(r.status) })})`) : null,
      d.reason ? h('span', { class: 'decision-reason' }, t('apReason', { reason: d.reason })) : null,
      h('small', { class: 'muted decision-by' }, t('apDecidedBy', { name: who(d.by), at: warsawDateTime(d.at, lang()) })),
    );
  };
  const draw = (a: ApprovalDecisions) => {
    box.hidden = a.awaiting.length === 0 && a.decided.length === 0;
    box.replaceChildren(
      h('h2', { id: 'bk-approvals-heading' }, t('apTitle')),
      h('p', { class: 'muted' }, t('apIntro')),
      h('h3', {}, t('apAwaiting', { n: a.awaiting.length })),
      a.awaiting.length
        ? table('bk-awaiting-rides', 'apColBooked', a.awaiting.map((r) => row(r, h('td', {}, who(r.bookedBy), ' ', h('small', { class: 'muted' }, warsawDateTime(r.bookedAt, lang()))))))
        : h('p', { class: 'muted' }, t('apAwaitingNone')),
      h('h3', {}, t('apDecided', { days: DECIDED_WITHIN_DAYS, n: a.decided.length })),
      a.decided.length ? table('bk-decided-rides', 'apColDecision', a.decided.map((r) => row(r, decisionCell(r)))) : h('p', { class: 'muted' }, t('apDecidedNone')),
    );
  };
  const reload = async () => {
    try {
      draw(await api.get<ApprovalDecisions>(`/rides/approval-decisions?decidedWithinDays=${DECIDED_WITHIN_DAYS}`));
    } catch (err) {
      // The form works without it (and a booking just made stands): say what failed, keep booking.
      box.hidden = false;
      box.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('apLoadFailed', { error: err instanceof ApiError ? err.text() : String(err) })));
    }
  };
  return { element: box, reload };
}

export const renderBooking: View = async (root) => {
  const approvals = approvalsSection();
  const [placesAnswer] = await Promise.all([api.get<Items<PlaceView>>('/places'), approvals.reload()]);
  const places = placesAnswer.items;
  // Destinations are service places; home addresses and depots are not booked to.
  const destinations = places.filter((p) => p.kind !== 'ADDRESS' && p.kind !== 'DEPOT').sort((a, b) => a.name.localeCompare(b.name, 'pl'));

  let client: ClientView | null = null;
  const wheelchair = h('input', { id: 'bk-wheelchair', type: 'checkbox' });
  const assistant = h('input', { id: 'bk-assistant', type: 'checkbox' });
  const clientInfo = h('p', { class: 'muted', id: 'bk-client-info', 'aria-live': 'polite' });
  const combobox = clientCombobox('bk-client', (c) => {
    client = c;
    clientInfo.textContent = c ? `${t('home')}: ${c.homeAddress} ` : '';
    if (c) clientInfo.append(h('a', { href: `#/clients?id=${c.id}`, id: 'bk-client-card' }, t('clientCardLink')));
    wheelchair.checked = c?.mobility === 'WHEELCHAIR';
    assistant.checked = c?.needsAssistant ?? false;
  });

  // The client's home is a destination too: a one-way ride home from a service place.
  const to = h('select', { id: 'bk-to', required: true },
    h('option', { value: '' }, t('chooseDestination')),
    h('option', { value: HOME }, t('originHome')),
    ...destinations.map((p) => h('option', { value: p.id }, `${p.name} — ${p.address}`)),
  );
  // Home by default; a ride may also start at a service place (home from the hospital, one way).
  const from = h('select', { id: 'bk-from' },
    h('option', { value: '' }, t('originHome')),
    ...destinations.map((p) => h('option', { value: p.id }, `${p.name} — ${p.address}`)),
  );
  const purpose = h('select', { id: 'bk-purpose' },
    h('option', { value: '' }, t('purposeAuto')),
    ...(['SOCIAL', 'PROFESSIONAL', 'EDUCATIONAL', 'HEALTH'] as const).map((p) => h('option', { value: p }, t(`purpose_${p}`))),
  );
  const funding = h('select', { id: 'bk-funding' },
    ...(['CENTRE_BUDGET', 'EU_PROJECT', 'PFRON', 'OTHER'] as const).map((f) => h('option', { value: f }, t(`fund_${f}`))),
  );
  // Accepting a booking after the deadline is the dispatcher's call (the server checks the role too).
  const mayOverride = (cachedMe()?.roles ?? []).some((r) => r === 'DISPATCHER' || r === 'ADMIN');
  const override = h('input', { id: 'bk-override', type: 'checkbox' });
  const date = h('input', { id: 'bk-date', type: 'date', value: warsawDate(1), required: true });
  const arriveBy = h('input', { type: 'radio', name: 'bk-kind', id: 'bk-kind-arrive', value: 'arriveBy', checked: true });
  const departAfter = h('input', { type: 'radio', name: 'bk-kind', id: 'bk-kind-depart', value: 'departAfter' });
  const time = h('input', { id: 'bk-time', type: 'time', required: true, step: 300 });
  const withReturn = h('input', { id: 'bk-return', type: 'checkbox' });
  const returnTime = h('input', { id: 'bk-return-time', type: 'time', step: 300, disabled: true });
  withReturn.addEventListener('change', () => {
    returnTime.disabled = !withReturn.checked;
  });
  const notes = h('textarea', { id: 'bk-notes', rows: 2, maxlength: 500 });
  // Weekly: ISO weekdays 1 (Monday) … 7; the date above is the first day it may run.
  const weekly = h('input', { id: 'bk-weekly', type: 'checkbox' });
  const weekdayBoxes = [1, 2, 3, 4, 5, 6, 7].map((d) => h('input', { type: 'checkbox', value: d, id: `bk-wd-${d}`, disabled: true }));
  const weekdays = h('div', { id: 'bk-weekdays', class: 'weekdays', role: 'group', 'aria-label': t('weekdaysLabel'), tabindex: '-1' },
    ...weekdayBoxes.map((box, i) => h('label', { class: 'inline', for: box.id }, box, ' ', t(`weekday${i + 1}` as MessageKey))));
  const until = h('input', { id: 'bk-until', type: 'date', disabled: true });
  const isoWeekday = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const syncWeekly = () => {
    for (const box of weekdayBoxes) box.disabled = !weekly.checked;
    until.disabled = !weekly.checked;
    // The day chosen above is ticked by default: "every Tuesday from 1 December".
    if (weekly.checked && !weekdayBoxes.some((b) => b.checked) && date.value) weekdayBoxes[isoWeekday(date.value) - 1]!.checked = true;
    submit.textContent = weekly.checked ? t('bookWeekly') : t('book');
    purpose.disabled = weekly.checked;
    funding.disabled = weekly.checked;
    weeklyNote.hidden = !weekly.checked;
  };
  const weeklyNote = h('small', { class: 'muted', id: 'bk-weekly-note', hidden: true }, t('weeklyPurposeNote'));
  weekly.addEventListener('change', syncWeekly);
  const formError = h('p', { role: 'alert', class: 'error', id: 'bk-error' });
  const result = h('div', { id: 'bk-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('book'));
  // One key per booking attempt: a double click or a resend books once.
  let idempotencyKey = crypto.randomUUID();

  const field = (id: string, label: string, input: HTMLElement, hint?: string) =>
    h('div', { class: 'field' },
      h('label', { for: id }, label),
      input,
      hint ? h('small', { id: `${id}-hint`, class: 'muted' }, hint) : null,
      h('small', { class: 'field-error', id: `${id}-error` }),
    );

  const form = h('form', { novalidate: true, class: 'booking', 'aria-describedby': 'bk-error' },
    field('bk-client', t('client'), combobox.element, t('clientHint')),
    clientInfo,
    field('bk-from', t('origin'), from),
    field('bk-to', t('destination'), to),
    field('bk-date', t('day'), date),
    mayOverride ? h('div', { class: 'field' }, h('label', { class: 'inline', for: 'bk-override' }, override, ' ', t('overrideCutoffLabel')), h('small', { class: 'field-error', id: 'bk-override-error' })) : null,
    h('fieldset', {},
      h('legend', {}, t('timeKind')),
      h('label', { class: 'inline' }, arriveBy, ' ', t('arriveByLabel')),
      h('label', { class: 'inline' }, departAfter, ' ', t('departAfterLabel')),
      field('bk-time', t('time'), time),
    ),
    h('fieldset', {},
      h('legend', {}, t('returnRide')),
      h('label', { class: 'inline' }, withReturn, ' ', t('returnRide')),
      field('bk-return-time', t('returnAfter'), returnTime),
    ),
    h('fieldset', {},
      h('legend', {}, t('needs')),
      h('label', { class: 'inline', for: 'bk-wheelchair' }, wheelchair, ' ', t('wheelchair')),
      h('label', { class: 'inline', for: 'bk-assistant' }, assistant, ' ', t('assistant')),
      h('small', { class: 'field-error', id: 'bk-wheelchair-error' }),
      h('small', { class: 'field-error', id: 'bk-assistant-error' }),
    ),
    h('fieldset', {},
      h('legend', {}, t('weeklyLegend')),
      h('label', { class: 'inline', for: 'bk-weekly' }, weekly, ' ', t('weeklyLabel')),
      weekdays,
      h('small', { class: 'field-error', id: 'bk-weekdays-error' }),
      field('bk-until', t('weeklyUntil'), until, t('weeklyUntilHint')),
    ),
    field('bk-purpose', t('purposeLabel'), purpose),
    field('bk-funding', t('fundingLabel'), funding),
    weeklyNote,
    field('bk-notes', t('notes'), notes),
    formError,
    submit,
  );

  const clearErrors = () => {
    formError.textContent = '';
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };
  const showFieldErrors = (fields: readonly FieldError[]) => {
    let first: HTMLElement | null = null;
    for (const f of fields) {
      const id = FIELD_INPUT[f.path];
      const input = id ? document.getElementById(id) : null;
      const slot = id ? document.getElementById(`${id}-error`) : null;
      const text = lang() === 'en' && f.messageEn ? f.messageEn : f.message;
      if (!input || !slot) {
        formError.append(` ${f.path}: ${text}`);
        continue;
      }
      slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [`${id}-error`, document.getElementById(`${id}-hint`) ? `${id}-hint` : ''].join(' ').trim());
      first ??= input;
    }
    first?.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    result.replaceChildren();
    // The API names a missing client as clientId; say it here without a round trip.
    if (!client) {
      formError.textContent = t('fixFields');
      showFieldErrors([{ path: 'clientId', message: t('chooseClient'), messageEn: t('chooseClient') }]);
      return;
    }
    const kind = departAfter.checked ? 'departAfter' : 'arriveBy';
    // 04:30 is more often a slip for 16:30 than a ride: ask once before it is booked.
    const odd = [time.value, withReturn.checked ? returnTime.value : ''].filter((v) => v && isUnusualHour(v));
    if (odd.length && !confirm(t('unusualHourConfirm', { times: odd.join(', ') }))) return;
    submit.disabled = true;
    try {
      if (weekly.checked) await bookWeekly(client, kind);
      else await bookOnce(client, kind);
      // Below a long form (a phone's screen) the answer was out of sight, and a second tap met
      // "klient ma już przejazd w tym czasie" as if the first had failed.
      result.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      formError.textContent = err.fields.length ? t('fixFields') : err.text();
      showFieldErrors(err.fields);
    } finally {
      submit.disabled = false;
    }
  });

  async function bookOnce(c: ClientView, kind: 'arriveBy' | 'departAfter'): Promise<void> {
    const body = {
      clientId: c.id,
      date: date.value,
      ...(from.value ? { fromPlaceId: from.value } : {}),
      toPlaceId: to.value === HOME ? c.homePlaceId : to.value,
      [kind]: time.value,
      ...(purpose.value ? { purpose: purpose.value } : {}),
      fundingSource: funding.value,
      ...(mayOverride && override.checked ? { overrideCutoff: true } : {}),
      wheelchair: wheelchair.checked,
      assistant: assistant.checked,
      ...(notes.value.trim() ? { notes: notes.value.trim() } : {}),
      ...(withReturn.checked ? { return: { departAfter: returnTime.value } } : {}),
    };
    const booked = await api.post<{ outbound: RideView; return: RideView | null; warnings: FieldError[] }>('/rides', body, { 'Idempotency-Key': idempotencyKey });
    idempotencyKey = crypto.randomUUID();
    // A ride leaving the gmina is only a request until the dispatcher approves it: "Zarezerwowano"
    // made caseworkers think it was settled.
    const awaiting = bookingOutcome([booked.outbound, booked.return]) === 'awaitingApproval';
    result.replaceChildren(
      h('div', { class: awaiting ? 'warning' : 'success', id: awaiting ? 'bk-awaiting' : null, role: 'status' },
        h('h2', {}, awaiting ? t('bookedAwaiting') : t('booked')),
        h('ul', {}, rideLine(t('outbound'), booked.outbound), booked.return ? rideLine(t('back'), booked.return) : null),
        awaiting ? h('p', { id: 'bk-awaiting-note' }, t('bookedAwaitingNote')) : null,
        warningList(booked.warnings),
      ),
    );
    if (awaiting) await approvals.reload();
  }

  async function bookWeekly(c: ClientView, kind: 'arriveBy' | 'departAfter'): Promise<void> {
    const body = {
      clientId: c.id,
      ...(from.value ? { fromPlaceId: from.value } : {}),
      toPlaceId: to.value === HOME ? c.homePlaceId : to.value,
      [kind]: time.value,
      weekdays: weekdayBoxes.filter((b) => b.checked).map((b) => Number(b.value)),
      startDate: date.value,
      ...(until.value ? { endDate: until.value } : {}),
      ...(withReturn.checked ? { returnDepartAfter: returnTime.value } : {}),
      wheelchair: wheelchair.checked,
      assistant: assistant.checked,
      ...(notes.value.trim() ? { notes: notes.value.trim() } : {}),
    };
    const pattern = await api.post<{ id: string; weekdays: number[]; startDate: string; endDate: string | null; warnings: FieldError[] }>('/recurring-rides', body);
    // The rides it booked at once (the next 30 days); later ones are made day by day.
    const q = new URLSearchParams({ clientId: c.id, from: pattern.startDate, to: warsawDate(31) });
    const made = (await api.get<Items<RideView>>(`/rides?${q}`)).items.filter((r) => r.recurringRideId === pattern.id);
    const days = pattern.weekdays.map((d) => t(`weekday${d}` as MessageKey)).join(', ');
    const awaiting = bookingOutcome(made) === 'awaitingApproval';
    result.replaceChildren(
      h('div', { class: 'success', role: 'status' },
        h('h2', {}, t('bookedWeekly', { days, from: pattern.startDate, until: pattern.endDate ?? '—' })),
        made.length
          ? h('ul', {}, ...made.map((r) => rideLine(r.outboundRideId ? t('back') : t('outbound'), r)))
          : h('p', {}, t('bookedWeeklyNone')),
        // The pattern is saved, but each of its rides leaving the gmina waits for the dispatcher.
        awaiting ? h('p', { class: 'warning', id: 'bk-awaiting-note' }, t('bookedWeeklyAwaitingNote')) : null,
        h('p', { class: 'muted' }, t('bookedWeeklyNote')),
        warningList(pattern.warnings),
      ),
    );
    if (awaiting) await approvals.reload();
  }

  root.replaceChildren(h('h1', {}, t('bookingTitle')), approvals.element, form, result);
  return () => combobox.dispose();
};
