/**
 * The caseworker's booking form: find the client (type-ahead), destination, date, arrive-by or
 * depart-after, optional return; wheelchair and assistant default from the client. "Co tydzień"
 * makes it a weekly pattern (POST /recurring-rides) on the chosen weekdays from that date, until an
 * optional end. The API's failing fields are shown next to their inputs; success lists the booked
 * rides.
 */
import { api, ApiError, type FieldError } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { lang, pick, rideStatusText, t, type MessageKey } from '../i18n.js';
import type { ClientView, Items, PlaceView, RideView, View } from '../types.js';
import { clientCombobox } from './client-combobox.js';
import { cachedMe } from '../session.js';

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

const rideLine = (label: string, r: RideView) =>
  h('li', {}, h('strong', {}, `${label}: `), `${r.date} ${r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' })} — ${r.from.name} → ${r.to.name} (${rideStatusText(r.status)})`);

export const renderBooking: View = async (root) => {
  const places = (await api.get<Items<PlaceView>>('/places')).items;
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
    result.replaceChildren(
      h('div', { class: 'success', role: 'status' },
        h('h2', {}, t('booked')),
        h('ul', {}, rideLine(t('outbound'), booked.outbound), booked.return ? rideLine(t('back'), booked.return) : null),
        warningList(booked.warnings),
      ),
    );
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
    result.replaceChildren(
      h('div', { class: 'success', role: 'status' },
        h('h2', {}, t('bookedWeekly', { days, from: pattern.startDate, until: pattern.endDate ?? '—' })),
        made.length
          ? h('ul', {}, ...made.map((r) => rideLine(r.outboundRideId ? t('back') : t('outbound'), r)))
          : h('p', {}, t('bookedWeeklyNone')),
        h('p', { class: 'muted' }, t('bookedWeeklyNote')),
        warningList(pattern.warnings),
      ),
    );
  }

  root.replaceChildren(h('h1', {}, t('bookingTitle')), form, result);
  return () => combobox.dispose();
};
