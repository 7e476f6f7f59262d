/**
 * The provider's view (issue #5): the rides planned on its vehicles over a period, and per ride a
 * confirmation — outcome, km driven, fee collected, a note — recorded with who and when. A
 * PROVIDER account sees its own provider; administrators and dispatchers choose one.
 */
import { api } from '../api.js';
import { h, warsawDate } from '../dom.js';
import { rideStatusText, t, tOr, type MessageKey } from '../i18n.js';
import type { Items, ProviderRideView, ProviderView, View } from '../types.js';
import type { Me } from './login.js';
import { field, showErrors } from './form.js';

const OUTCOMES = ['COMPLETED', 'NO_SHOW', 'NOT_DONE'] as const;
const zl = (grosze: number) => (grosze / 100).toFixed(2);

function confirmationForm(ride: ProviderRideView, onDone: () => void): HTMLElement {
  const id = ride.rideId;
  const c = ride.confirmation;
  const outcome = h('select', { id: `pc-outcome-${id}` }, ...OUTCOMES.map((o) => h('option', { value: o, selected: (c?.outcome ?? 'COMPLETED') === o }, tOr(`outcome_${o}`, o))));
  const km = h('input', { id: `pc-km-${id}`, type: 'number', min: 0, max: 2000, step: '0.1', inputmode: 'decimal', value: c ? String(c.km) : '' });
  const fee = h('input', { id: `pc-fee-${id}`, type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: c ? zl(c.feeCollectedGrosze) : ride.feeGrosze !== null ? zl(ride.feeGrosze) : '0.00' });
  const note = h('input', { id: `pc-note-${id}`, type: 'text', maxlength: 500, value: c?.note ?? '' });
  const error = h('p', { role: 'alert', class: 'error' });
  const form = h('form', { novalidate: true, class: 'confirm-form', id: `pc-form-${id}`, 'aria-label': t('pcFormLabel', { client: ride.client.name, date: ride.date }) },
    field(t('pcOutcome'), outcome, 'outcome'),
    field(t('pcKm'), km, 'km'),
    field(t('pcFee'), fee, 'feeCollectedGrosze'),
    field(t('pcNote'), note, 'note'),
    h('button', { type: 'submit', class: 'primary' }, t(c ? 'pcUpdate' : 'pcConfirm')),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // Empty stays empty (the API names the field); a decimal comma is taken as a point.
    const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
    const feeZl = num(fee.value);
    try {
      await api.post(`/rides/${id}/provider-confirmation`, {
        outcome: outcome.value,
        km: num(km.value),
        feeCollectedGrosze: feeZl === null ? null : Math.round(feeZl * 100),
        note: note.value.trim() || null,
      });
      onDone();
    } catch (err) {
      showErrors(form, error, err);
    }
  });
  return form;
}

export const renderProviderRides: View = async (root, params) => {
  const me = await api.get<Me & { user: { providerId?: string | null } | null }>('/auth/me');
  const own = me.roles.includes('PROVIDER') ? (me.user?.providerId ?? null) : null;
  const providers = own ? [] : (await api.get<Items<ProviderView>>('/providers')).items;
  const chooser = h('select', { id: 'pv-provider' }, ...providers.map((p) => h('option', { value: p.id, selected: params.get('provider') === p.id }, p.name)));
  const from = h('input', { id: 'pv-from', type: 'date', value: params.get('from') ?? warsawDate(-7) });
  const to = h('input', { id: 'pv-to', type: 'date', value: params.get('to') ?? warsawDate(1) });
  const show = h('button', { type: 'submit' }, t('pvShow'));
  const periodError = h('p', { role: 'alert', class: 'error', id: 'pv-error' });
  const announce = h('p', { role: 'status', id: 'pv-status' });
  const list = h('div', { id: 'pv-rides' });
  const period = h('form', { class: 'toolbar', id: 'pv-period', novalidate: true },
    own ? null : field(t('pvProvider'), chooser, 'provider'),
    field(t('pvFrom'), from, 'from'),
    field(t('pvTo'), to, 'to'),
    h('p', {}, show),
  );
  const load = async () => {
    periodError.textContent = '';
    const providerId = own ?? chooser.value;
    if (!providerId) {
      list.replaceChildren(h('p', { class: 'muted' }, t('prNone')));
      return;
    }
    let items: readonly ProviderRideView[];
    try {
      items = (await api.get<Items<ProviderRideView>>(`/providers/${providerId}/rides?from=${from.value}&to=${to.value}`)).items;
    } catch (err) {
      showErrors(period, periodError, err);
      return;
    }
    const rows = items.map((r) =>
      h('li', { class: 'stop-card', 'data-ride': r.rideId },
        h('h3', {}, `${r.date} ${r.pickupTime}${r.dropoffTime ? `–${r.dropoffTime}` : ''} — ${r.client.name}`),
        h('p', {}, `${r.from.name} (${r.from.address}) → ${r.to.name} (${r.to.address})`),
        h('p', {}, `${t('vehicle')}: ${r.vehicle.name}; ${t('colStatus')}: ${rideStatusText(r.status)}${r.feeGrosze !== null ? `; ${t('pvFeeDue', { zl: zl(r.feeGrosze) })}` : ''}`),
        r.confirmation
          ? h('p', { class: 'success', id: `pc-done-${r.rideId}` }, t('pcDone', {
              outcome: tOr(`outcome_${r.confirmation.outcome}`, r.confirmation.outcome), km: r.confirmation.km, zl: zl(r.confirmation.feeCollectedGrosze),
              at: new Date(r.confirmation.at).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' }),
            }))
          : null,
        confirmationForm(r, () => {
          announce.textContent = t('pcSaved', { client: r.client.name });
          void load();
        }),
      ),
    );
    list.replaceChildren(items.length ? h('ul', { class: 'stop-list' }, ...rows) : h('p', { class: 'muted' }, t('pvNone')));
  };
  period.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  root.replaceChildren(h('h1', {}, t('pvTitle')), period, periodError, announce, list);
  await load();
};
