/**
 * The caseworker's client card (issue #5): find a client (type-ahead), create or edit the profile
 * with the home address, the client's rides with their status (cancel with a reason), and the
 * no-show policy's history; dispatchers lift a suspension or clear a warning with a reason.
 * #/clients?id=… shows one client, #/clients?new=1 an empty card.
 */
import { api, ApiError } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { pick, pickBilingual, rideStatusText, t, tOr, type MessageKey } from '../i18n.js';
import type { ClientView, Items, PolicyEventView, RecurringRideView, RideView, View } from '../types.js';
import type { Me } from './login.js';
import { clientCombobox } from './client-combobox.js';
import { addressPicker, type AddressPicker } from './address-picker.js';
import { clearErrors, field, showErrors } from './form.js';

const MOBILITIES = ['WALKS', 'WALKER', 'WHEELCHAIR', 'WHEELCHAIR_TRANSFER'] as const;
const GROUPS = ['SENIOR', 'DISABILITY_CERTIFICATE', 'CHILD_0_3', 'CHILD_4_15', 'FAMILY', 'OTHER'] as const;
const HELP = ['KERB_TO_KERB', 'DOOR_TO_DOOR', 'HAND_TO_HAND'] as const;
/** The card's window, read in one request (the API allows up to 366 days). */
const DAYS_BACK = 90;
const DAYS_AHEAD = 60;
const CANCELLABLE = ['REQUESTED', 'APPROVED', 'SCHEDULED'];

const select = (id: string, values: readonly string[], prefix: string, chosen: string) =>
  h('select', { id }, ...values.map((v) => h('option', { value: v, selected: v === chosen }, tOr(`${prefix}${v}`, v))));
const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s.trim());

function profileForm(client: ClientView | null, home: { address: string; lat: number; lon: number } | null, onSaved: (c: ClientView) => void): { element: HTMLElement; dispose(): void } {
  const firstName = h('input', { id: 'cl-first', type: 'text', maxlength: 100, autocomplete: 'off', value: client?.firstName ?? '' });
  const lastName = h('input', { id: 'cl-last', type: 'text', maxlength: 100, autocomplete: 'off', value: client?.lastName ?? '' });
  const phone = h('input', { id: 'cl-phone', type: 'tel', maxlength: 20, value: client?.phone ?? '' });
  const group = select('cl-group', GROUPS, 'group_', client?.eligibilityGroup ?? 'SENIOR');
  const mobility = select('cl-mobility', MOBILITIES, 'mobility_', client?.mobility ?? 'WALKS');
  const help = select('cl-help', HELP, 'help_', client?.helpLevel ?? 'DOOR_TO_DOOR');
  const assistant = h('input', { id: 'cl-assistant', type: 'checkbox', checked: client?.needsAssistant ?? false });
  const dog = h('input', { id: 'cl-dog', type: 'checkbox', checked: client?.assistanceDog ?? false });
  const notes = h('textarea', { id: 'cl-notes', rows: 2, maxlength: 500 });
  notes.value = client?.driverNotes ?? '';
  const consentOn = h('input', { id: 'cl-consent', type: 'checkbox', checked: client?.consent != null });
  const consentAt = h('input', { id: 'cl-consent-at', type: 'date', value: client?.consent?.givenAt ?? warsawDate() });
  const consentNote = h('input', { id: 'cl-consent-note', type: 'text', maxlength: 300, value: client?.consent?.note ?? '' });
  const active = h('input', { id: 'cl-active', type: 'checkbox', checked: client?.active ?? true });
  const suspendOn = h('input', { id: 'cl-suspend', type: 'checkbox', checked: client?.suspension != null });
  const suspendFrom = h('input', { id: 'cl-suspend-from', type: 'date', value: client?.suspension?.from ?? warsawDate() });
  const suspendUntil = h('input', { id: 'cl-suspend-until', type: 'date', value: client?.suspension?.until ?? warsawDate(14) });
  const suspendReason = h('input', { id: 'cl-suspend-reason', type: 'text', maxlength: 300, value: client?.suspension?.reason ?? '' });
  // The dates and reasons of a consent or suspension count only while its box is ticked.
  const follow = (box: HTMLInputElement, inputs: HTMLInputElement[]) => {
    const sync = () => inputs.forEach((i) => (i.disabled = !box.checked));
    box.addEventListener('change', sync);
    sync();
  };
  follow(consentOn, [consentAt, consentNote]);
  follow(suspendOn, [suspendFrom, suspendUntil, suspendReason]);
  const picker: AddressPicker = addressPicker('cl-home', home);
  const summary = h('p', { role: 'alert', class: 'error', id: 'cl-error' });
  const saved = h('p', { role: 'status', id: 'cl-saved' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('save'));
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'client-form', 'aria-labelledby': 'cl-form-heading' },
    h('h2', { id: 'cl-form-heading' }, client ? t('clientEdit', { name: `${client.firstName} ${client.lastName}` }) : t('clientNew')),
    field(t('firstName'), firstName, 'firstName'),
    field(t('lastName'), lastName, 'lastName'),
    field(t('phone'), phone, 'phone'),
    picker.element,
    h('fieldset', {}, h('legend', {}, t('clientProfile')),
      field(t('eligibilityGroup'), group, 'eligibilityGroup'),
      field(t('mobility'), mobility, 'mobility'),
      field(t('helpLevel'), help, 'helpLevel'),
      field(t('needsAssistant'), assistant, 'needsAssistant'),
      field(t('assistanceDog'), dog, 'assistanceDog'),
      field(t('driverNotes'), notes, 'driverNotes'),
    ),
    h('fieldset', {}, h('legend', {}, t('consent')),
      field(t('consentGiven'), consentOn, 'consent'),
      field(t('consentAt'), consentAt, 'consent.givenAt'),
      field(t('consentNote'), consentNote, 'consent.note'),
    ),
    h('fieldset', {}, h('legend', {}, t('clientStatus')),
      field(t('clientActive'), active, 'active'),
      field(t('suspended'), suspendOn, 'suspension'),
      field(t('suspendFrom'), suspendFrom, 'suspension.from'),
      field(t('suspendUntil'), suspendUntil, 'suspension.until'),
      field(t('suspendReason'), suspendReason, 'suspension.reason'),
    ),
    submit,
    summary,
    saved,
  );

  /** The home address this form already saved as a place, for a retry after the server refused the client. */
  let savedHome: { key: string; id: string } | null = null;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.textContent = '';
    saved.textContent = '';
    const pick = picker.picked();
    // Checked here, before the home address is saved as a place: every missing field at once,
    // and no place left behind by a form that is then refused.
    const missing = [
      ...(firstName.value.trim() === '' ? [{ path: 'firstName', message: t('firstNameRequired'), messageEn: t('firstNameRequired') }] : []),
      ...(lastName.value.trim() === '' ? [{ path: 'lastName', message: t('lastNameRequired'), messageEn: t('lastNameRequired') }] : []),
      ...(!client && !pick ? [{ path: 'homePlaceId', message: t('addrRequired'), messageEn: t('addrRequired') }] : []),
      ...(pick && !pick.address ? [{ path: 'homePlaceId', message: t('addrTextRequired'), messageEn: t('addrTextRequired') }] : []),
    ];
    if (missing.length > 0) {
      showErrors(form, summary, new ApiError(400, 'VALIDATION_FAILED', t('fixFields'), t('fixFields'), missing));
      return;
    }
    submit.disabled = true;
    try {
      let homePlaceId = client?.homePlaceId;
      const pickKey = pick ? `${pick.address}|${pick.lat}|${pick.lon}` : '';
      if (pick && savedHome?.key === pickKey) {
        homePlaceId = savedHome.id; // saved by an earlier try the server then refused: not twice
      } else if (pick) {
        // The clients API takes a place: the new home address becomes one (as the CSV import does).
        try {
          const place = await api.post<{ id: string }>('/places', { kind: 'ADDRESS', name: `Dom: ${firstName.value.trim()} ${lastName.value.trim()}`.trim(), address: pick.address, lat: pick.lat, lon: pick.lon });
          homePlaceId = place.id;
          savedHome = { key: pickKey, id: place.id };
        } catch (err) {
          // Any field of the place is about the address input.
          throw err instanceof ApiError ? new ApiError(err.status, err.code, err.message, err.messageEn, err.fields.map((f) => ({ ...f, path: 'homePlaceId' }))) : err;
        }
      }
      const body = {
        firstName: firstName.value,
        lastName: lastName.value,
        phone: nullIfEmpty(phone.value),
        homePlaceId,
        eligibilityGroup: group.value,
        mobility: mobility.value,
        helpLevel: help.value,
        needsAssistant: assistant.checked,
        assistanceDog: dog.checked,
        driverNotes: nullIfEmpty(notes.value),
        consent: consentOn.checked ? { givenAt: consentAt.value, note: nullIfEmpty(consentNote.value) } : null,
        active: active.checked,
        suspension: suspendOn.checked ? { from: suspendFrom.value, until: suspendUntil.value, reason: suspendReason.value } : null,
      };
      const next = client
        ? await api.patch<ClientView>(`/clients/${client.id}`, { ...body, version: client.version })
        : await api.post<ClientView>('/clients', body);
      saved.textContent = t('saved');
      onSaved(next);
    } catch (err) {
      showErrors(form, summary, err);
    } finally {
      submit.disabled = false;
    }
  });
  return { element: form, dispose: () => picker.dispose() };
}

/** The client's rides over the window, in one request. */
async function ridesOf(clientId: string): Promise<RideView[]> {
  const q = new URLSearchParams({ clientId, from: warsawDate(-DAYS_BACK), to: warsawDate(DAYS_AHEAD) });
  return [...(await api.get<Items<RideView>>(`/rides?${q}`)).items];
}

const rideTime = (r: RideView) => (r.arriveBy ? t('arriveBy', { time: r.arriveBy }) : t('departAfter', { time: r.departAfter ?? '' }));

/**
 * A form that opens in a ride's row (cancel, change): its fields, a confirm and a close button, and
 * the API's field errors beside their inputs. `send` makes the request and what follows it.
 */
function rowForm(className: string, parts: (HTMLElement | null)[], labels: { confirm: string; close: string }, onClose: () => void, send: () => Promise<void>): HTMLFormElement {
  const error = h('p', { role: 'alert', class: 'error' });
  const close = h('button', { type: 'button', class: 'secondary' }, labels.close);
  close.addEventListener('click', onClose);
  const form = h('form', { novalidate: true, class: className }, ...parts, h('button', { type: 'submit', class: 'primary' }, labels.confirm), ' ', close, error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    error.textContent = '';
    try {
      await send();
    } catch (err) {
      showErrors(form, error, err);
    }
  });
  return form;
}

type RowDone = (changed: readonly RideView[], said: string) => void;

/** Cancel with a reason; the ride back goes too unless unticked. */
function cancelForm(r: RideView, back: RideView | null, done: RowDone, onClose: () => void): HTMLFormElement {
  const reason = h('input', { id: `cancel-reason-${r.id}`, type: 'text', maxlength: 500 });
  const withBack = back ? h('input', { id: `cancel-return-${r.id}`, type: 'checkbox', checked: true }) : null;
  return rowForm('cancel-form', [
    field(t('cancelReason'), reason, 'reason'),
    back && withBack ? h('label', { class: 'inline', for: withBack.id }, withBack, ' ', t('cancelReturnToo', { time: rideTime(back) })) : null,
  ], { confirm: t('cancelConfirm'), close: t('cancelClose') }, onClose, async () => {
    const out = await api.post<RideView>(`/rides/${r.id}/cancel`, { reason: reason.value });
    const ret = back && withBack?.checked ? await api.post<RideView>(`/rides/${back.id}/cancel`, { reason: reason.value }) : null;
    // Late (after the day's booking cut-off) counts in the report: say so at once.
    const said = t('rideCancelled', { date: out.date, status: rideStatusText(out.status) });
    done([out, ...(ret ? [ret] : [])], out.lateCancelled === null ? said : `${said} ${t(out.lateCancelled ? 'rideCancelledLate' : 'rideCancelledInTime')}`);
  });
}

/**
 * The appointment moved, the needs changed, a note for the driver: the ride is changed in place
 * (D63) instead of cancelled and booked again. Places stay: another place is another booking.
 */
function changeForm(r: RideView, mayOverride: boolean, done: RowDone, onClose: () => void): HTMLFormElement {
  const mode = h('select', { id: `change-mode-${r.id}` },
    h('option', { value: 'arriveBy', selected: r.arriveBy !== null }, t('arriveByLabel')),
    h('option', { value: 'departAfter', selected: r.arriveBy === null }, t('departAfterLabel')));
  const time = h('input', { id: `change-time-${r.id}`, type: 'time', required: true, value: r.arriveBy ?? r.departAfter ?? '' });
  const wheelchair = h('input', { id: `change-wheelchair-${r.id}`, type: 'checkbox', checked: r.wheelchair });
  const assistant = h('input', { id: `change-assistant-${r.id}`, type: 'checkbox', checked: r.assistant });
  const notes = h('textarea', { id: `change-notes-${r.id}`, maxlength: 500, rows: 2 }, r.notes ?? '');
  // After the day's cut-off only a dispatcher accepts a change, as for a booking.
  const override = mayOverride ? h('input', { id: `change-override-${r.id}`, type: 'checkbox' }) : null;
  // The API names the time's field by its kind.
  mode.addEventListener('change', () => (time.dataset.path = mode.value));
  return rowForm('change-form', [
    field(t('timeKind'), mode, 'timeMode'),
    field(t('time'), time, mode.value),
    field(t('wheelchair'), wheelchair, 'wheelchair'),
    field(t('assistant'), assistant, 'assistant'),
    field(t('notes'), notes, 'notes'),
    override ? field(t('overrideCutoffLabel'), override, 'overrideCutoff') : null,
  ], { confirm: t('changeConfirm'), close: t('changeClose') }, onClose, async () => {
    const answer = await api.patch<{ ride: RideView; changed: { pl: string; en: string }; takenOutOfPlan: boolean; warnings: { message: string; messageEn?: string }[] }>(`/rides/${r.id}`, {
      [mode.value]: time.value,
      wheelchair: wheelchair.checked,
      assistant: assistant.checked,
      notes: notes.value.trim() || null,
      ...(override?.checked ? { overrideCutoff: true } : {}),
      version: r.version,
    });
    done([answer.ride], [
      answer.changed.pl ? t('rideChanged', { what: pick(answer.changed) }) : t('rideUnchanged'),
      answer.takenOutOfPlan ? t('rideChangedOutOfPlan') : '',
      ...answer.warnings.map((w) => pick({ pl: w.message, en: w.messageEn ?? w.message })),
    ].filter(Boolean).join(' '));
  });
}

async function ridesSection(client: ClientView, mayOverride: boolean): Promise<HTMLElement> {
  const box = h('section', { id: 'cl-rides', 'aria-labelledby': 'cl-rides-heading' });
  const announce = h('p', { role: 'status', id: 'cl-rides-status' });
  let rides = await ridesOf(client.id);
  const draw = () => {
    const today = warsawDate();
    const table = (items: RideView[], id: string) =>
      items.length
        ? h('div', { class: 'table-wrap' }, h('table', { id },
            h('thead', {}, h('tr', {}, ...(['day', 'time', 'colRoute', 'colStatus', 'colActions'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...items.map((r) => rideRow(r)))))
        : h('p', { class: 'muted' }, t('noClientRides'));
    const rideRow = (r: RideView) => {
      const cell = h('td', {});
      if (CANCELLABLE.includes(r.status) && r.date >= today) {
        // The answers are the rides as they are now: their rows change, the rest stays as read.
        const done = (changed: readonly RideView[], said: string) => {
          rides = rides.map((x) => changed.find((c) => c.id === x.id) ?? x);
          draw();
          announce.textContent = said;
        };
        const cancel = h('button', { type: 'button', id: `cancel-${r.id}` }, t('cancelRide'));
        cancel.addEventListener('click', () => {
          // The ride back goes with the ride out unless the caseworker says otherwise.
          const back = rides.find((x) => x.id === r.returnRideId && CANCELLABLE.includes(x.status)) ?? null;
          cell.replaceChildren(cancelForm(r, back, done, draw));
          document.getElementById(`cancel-reason-${r.id}`)?.focus();
        });
        const change = h('button', { type: 'button', id: `change-${r.id}` }, t('changeRide'));
        change.addEventListener('click', () => {
          cell.replaceChildren(changeForm(r, mayOverride, done, draw));
          document.getElementById(`change-time-${r.id}`)?.focus();
        });
        cell.append(cancel, ' ', change);
      }
      return h('tr', { class: r.status === 'CANCELLED' || r.status === 'LATE_CANCELLED' ? 'cancelled' : null, 'data-ride': r.id },
        h('td', {}, r.date),
        h('td', {}, rideTime(r), r.recurringRideId ? h('span', { class: 'badge', title: t('weeklyBadgeTitle') }, t('weeklyBadge')) : null),
        h('td', {}, `${r.from.name} → ${r.to.name}`),
        h('td', {}, h('span', { class: `badge status-${r.status.toLowerCase()}` }, rideStatusText(r.status)),
          r.lateCancelled ? h('span', { class: 'badge pending late-cancelled', title: t('rideCancelledLate') }, t('lateCancelledBadge')) : null,
          r.cancelReason ? h('small', { class: 'muted' }, ` ${r.cancelReason}`) : null),
        cell,
      );
    };
    box.replaceChildren(
      h('h2', { id: 'cl-rides-heading' }, t('clientRides')),
      h('p', { class: 'muted' }, t('clientRidesWindow', { back: DAYS_BACK, ahead: DAYS_AHEAD })),
      announce,
      h('h3', {}, t('ridesUpcoming')),
      table(rides.filter((r) => r.date >= today), 'cl-rides-upcoming'),
      h('h3', {}, t('ridesPast')),
      table(rides.filter((r) => r.date < today).reverse(), 'cl-rides-past'),
    );
  };
  draw();
  return box;
}

/**
 * The client's weekly rides (booked with "Co tydzień"); switching one off cancels its future rides
 * not yet planned (the API's rule), and the card is read again to show them cancelled.
 */
async function patternsSection(client: ClientView, reload: () => void): Promise<HTMLElement> {
  const patterns = (await api.get<Items<RecurringRideView>>(`/recurring-rides?clientId=${client.id}`)).items;
  const error = h('p', { role: 'alert', class: 'error', id: 'cl-patterns-error' });
  const row = (p: RecurringRideView) => {
    const off = p.active ? h('button', { type: 'button', id: `pattern-off-${p.id}` }, t('patternOff')) : null;
    off?.addEventListener('click', async () => {
      if (!confirm(t('patternOffConfirm'))) return;
      off.disabled = true;
      try {
        await api.patch(`/recurring-rides/${p.id}`, { active: false, version: p.version });
        reload();
      } catch (err) {
        off.disabled = false;
        error.textContent = err instanceof ApiError ? err.text() : String(err);
      }
    });
    return h('tr', { class: p.active ? null : 'cancelled', 'data-pattern': p.id },
      h('td', {}, p.weekdays.map((d) => t(`weekday${d}` as MessageKey)).join(', ')),
      h('td', {}, p.arriveBy ? t('arriveBy', { time: p.arriveBy }) : t('departAfter', { time: p.departAfter ?? '' }), p.returnDepartAfter ? `; ${t('returnAfterTime', { time: p.returnDepartAfter })}` : ''),
      h('td', {}, `${p.from.name} → ${p.to.name}`),
      h('td', {}, `${p.startDate} – ${p.endDate ?? '…'}`, p.active ? '' : ` (${t('patternOffState')})`),
      h('td', {}, off),
    );
  };
  return h('section', { id: 'cl-patterns', 'aria-labelledby': 'cl-patterns-heading' },
    h('h2', { id: 'cl-patterns-heading' }, t('patternsTitle')),
    error,
    patterns.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'cl-patterns-table' },
          h('thead', {}, h('tr', {}, ...(['patternDays', 'time', 'colRoute', 'patternPeriod', 'colActions'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, ...patterns.map(row))))
      : h('p', { class: 'muted' }, t('patternsNone')),
  );
}

/**
 * Rides booked before a suspension stay booked (D23): a vehicle would go to the door of a client in
 * hospital. The card lists them while the suspension lasts and cancels them in one step (D59); the
 * card is read again so the rides show as cancelled, and says how many once.
 */
async function suspensionRidesSection(client: ClientView, reload: (said: string) => void): Promise<HTMLElement | null> {
  if (!client.suspension) return null;
  const { period, items } = await api.get<{ period: { from: string; until: string } | null; items: RideView[] }>(`/clients/${client.id}/suspension/rides`);
  if (!period || items.length === 0) return null;
  const error = h('p', { role: 'alert', class: 'error', id: 'cl-suspension-error' });
  const cancel = h('button', { type: 'button', class: 'primary', id: 'cl-suspension-cancel' }, t('suspensionRidesCancel', { n: items.length }));
  cancel.addEventListener('click', async () => {
    if (!confirm(t('suspensionRidesConfirm', { n: items.length, ...period }))) return;
    cancel.disabled = true;
    try {
      const done = await api.post<{ cancelled: RideView[]; notCancelled: { rideId: string; message: string; messageEn: string }[] }>(`/clients/${client.id}/suspension/cancel-rides`, {});
      const refused = done.notCancelled.map((n) => {
        const r = items.find((x) => x.id === n.rideId);
        return `${r ? `${r.date} ${rideTime(r)}` : n.rideId}: ${pick({ pl: n.message, en: n.messageEn })}`;
      });
      reload([t('suspensionRidesCancelled', { n: done.cancelled.length }), refused.length ? t('suspensionRidesNotCancelled', { list: refused.join('; ') }) : ''].join(' ').trim());
    } catch (err) {
      cancel.disabled = false;
      error.textContent = err instanceof ApiError ? err.text() : String(err);
    }
  });
  return h('section', { id: 'cl-suspension-rides', class: 'warning', 'aria-labelledby': 'cl-suspension-heading' },
    h('h2', { id: 'cl-suspension-heading' }, t('suspensionRidesTitle')),
    h('p', {}, t('suspensionRidesWarning', { n: items.length, ...period })),
    h('ul', {}, ...items.map((r) => h('li', { 'data-ride': r.id }, `${r.date} ${rideTime(r)} — ${r.from.name} → ${r.to.name} (${rideStatusText(r.status)})`))),
    h('p', {}, cancel),
    error,
  );
}

async function policySection(client: ClientView, mayOverride: boolean, reload: () => void): Promise<HTMLElement> {
  const events = (await api.get<Items<PolicyEventView>>(`/clients/${client.id}/policy-events`)).items;
  // The policy's own reasons come in both languages; a dispatcher's are shown as typed.
  const bySystem = new Set(events.filter((ev) => ev.actor === 'system').map((ev) => ev.reason));
  const reasonText = (reason: string) => (bySystem.has(reason) ? pickBilingual(reason) : reason);
  const state = client.suspension
    ? h('p', { class: 'warning', id: 'cl-policy-state' }, t('policySuspended', { from: client.suspension.from, until: client.suspension.until, reason: reasonText(client.suspension.reason) }))
    : client.noShowWarningAt
      ? h('p', { class: 'warning', id: 'cl-policy-state' }, t('policyWarned', { at: client.noShowWarningAt.slice(0, 10) }))
      : h('p', { id: 'cl-policy-state' }, t('policyClear'));
  const actions = [client.suspension ? 'LIFT_SUSPENSION' : null, client.noShowWarningAt ? 'CLEAR_WARNING' : null].filter((a): a is string => a !== null);
  let overrideForm: HTMLElement | null = null;
  if (mayOverride && actions.length) {
    const action = h('select', { id: 'pol-action' }, ...actions.map((a) => h('option', { value: a }, t(a === 'LIFT_SUSPENSION' ? 'policyLift' : 'policyClearWarning'))));
    const reason = h('input', { id: 'pol-reason', type: 'text', maxlength: 300 });
    const error = h('p', { role: 'alert', class: 'error', id: 'pol-error' });
    const form = h('form', { novalidate: true, class: 'admin-form', id: 'policy-form' },
      field(t('policyAction'), action, 'action'),
      field(t('policyReason'), reason, 'reason'),
      h('button', { type: 'submit', class: 'primary' }, t('policyApply')),
      error,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api.post(`/clients/${client.id}/no-show-policy`, { action: action.value, reason: reason.value });
        reload();
      } catch (err) {
        showErrors(form, error, err);
      }
    });
    overrideForm = form;
  }
  return h('section', { id: 'cl-policy', 'aria-labelledby': 'cl-policy-heading' },
    h('h2', { id: 'cl-policy-heading' }, t('policyTitle')),
    state,
    overrideForm,
    events.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'cl-policy-events' },
          h('thead', {}, h('tr', {}, ...(['policyWhen', 'policyWhat', 'policyWhy', 'policyWho'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, ...events.map((ev) => h('tr', {},
            h('td', {}, new Date(ev.at).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' })),
            h('td', {}, tOr(`policy_${ev.action}`, ev.action), ev.suspendedFrom ? ` ${ev.suspendedFrom}–${ev.suspendedUntil ?? ''}` : '', ev.noShows !== null ? ` (${t('policyNoShows', { count: ev.noShows })})` : ''),
            h('td', {}, reasonText(ev.reason)),
            h('td', {}, ev.actor),
          )))))
      : h('p', { class: 'muted' }, t('policyNone')),
  );
}

export const renderClients: View = async (root, params) => {
  const disposers: (() => void)[] = [];
  const me = await api.get<Me>('/auth/me');
  const mayOverride = me.roles.includes('ADMIN') || me.roles.includes('DISPATCHER');
  const combobox = clientCombobox('cl-find', (c) => {
    if (c) location.hash = `#/clients?id=${c.id}`;
  }, { activeOnly: false });
  disposers.push(() => combobox.dispose());
  const newButton = h('a', { href: '#/clients?new=1', class: 'button', id: 'cl-new' }, t('clientNew'));
  const card = h('div', { id: 'client-card' });
  root.replaceChildren(
    h('h1', {}, t('clientsTitle')),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'cl-find' }, t('clientFind')), combobox.element, h('small', { id: 'cl-find-hint', class: 'muted' }, t('clientHint'))),
      h('p', {}, newButton),
    ),
    card,
  );
  const id = params.get('id');
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  if (id) {
    const client = await api.get<ClientView>(`/clients/${id}`);
    const home = await api.get<{ address: string; lat: number; lon: number }>(`/places/${client.homePlaceId}`).catch(() => ({ address: client.homeAddress, lat: NaN, lon: NaN }));
    // Saving reloads the card (version, warnings), which wiped the "Zapisano" it had just said:
    // the reload carries it in the address once.
    const form = profileForm(client, Number.isFinite(home.lat) ? home : null, () => {
      location.hash = `#/clients?id=${client.id}&saved=1`;
    });
    disposers.push(form.dispose);
    const afterCancel = (said: string) => {
      location.hash = `#/clients?id=${client.id}&said=${encodeURIComponent(said)}`;
    };
    // Rides still booked in the suspension come first: saving a suspension reloads to the top.
    card.replaceChildren(
      (await suspensionRidesSection(client, afterCancel)) ?? '',
      form.element,
      await ridesSection(client, mayOverride),
      await patternsSection(client, reload),
      await policySection(client, mayOverride, reload),
    );
    if (!client.active || client.suspension) card.prepend(h('p', { class: 'warning' }, t(client.active ? 'clientSuspendedNote' : 'clientInactiveNote')));
    // What the last action did, said once after the reload it made.
    const said = params.get('said');
    if (said) card.prepend(h('p', { role: 'status', class: 'success', id: 'cl-said' }, said));
    if (params.get('saved')) {
      const saved = card.querySelector('#cl-saved');
      if (saved) saved.textContent = t('saved');
    }
    if (params.get('saved') || said) history.replaceState(null, '', `#/clients?id=${client.id}`);
  } else if (params.get('new')) {
    const form = profileForm(null, null, (c) => {
      location.hash = `#/clients?id=${c.id}&saved=1`;
    });
    disposers.push(form.dispose);
    card.replaceChildren(form.element);
    document.getElementById('cl-first')?.focus();
  } else {
    card.replaceChildren(h('p', { class: 'muted' }, t('clientChooseOrNew')));
  }
  return () => disposers.forEach((d) => d());
};
