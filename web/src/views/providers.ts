/**
 * Administration of contracted providers (NGOs, taxi firms; issue #5): the list, a form to add or
 * edit one, and the set of vehicles it runs (PUT /providers/:id/vehicles takes the whole set).
 * Updates carry the record's version (409 when someone changed it meanwhile).
 */
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import type { Items, ProviderView, VehicleView, View } from '../types.js';
import { clearErrors, field, showErrors } from './form.js';

export const renderProviders: View = async (root) => {
  const vehicles = (await api.get<Items<VehicleView>>('/vehicles')).items;
  let providers = (await api.get<Items<ProviderView>>('/providers')).items;
  let editing: ProviderView | null = null;
  const vehicleName = new Map(vehicles.map((v) => [v.id, v.name]));
  const name = h('input', { id: 'pr-name', type: 'text', maxlength: 200 });
  const phone = h('input', { id: 'pr-phone', type: 'tel', maxlength: 20 });
  const email = h('input', { id: 'pr-email', type: 'email', maxlength: 200 });
  const active = h('input', { id: 'pr-active', type: 'checkbox', checked: true });
  const boxes = vehicles.map((v) => h('input', { id: `pr-veh-${v.id}`, type: 'checkbox', value: v.id }));
  const vehicleError = h('small', { class: 'field-error', id: 'pr-vehicles-error' });
  // The fieldset carries the path of the vehicles' errors; its first checkbox takes the focus.
  const vehicleSet = h('fieldset', { id: 'pr-vehicles' },
    h('legend', {}, t('prVehicles')),
    ...(vehicles.length ? vehicles.map((v, i) => h('label', { class: 'inline', for: boxes[i]!.id }, boxes[i]!, ' ', `${v.name}${v.registration ? ` (${v.registration})` : ''}`, h('span', { class: 'muted', id: `pr-veh-${v.id}-owner` }))) : [h('p', { class: 'muted' }, t('prNoVehicles'))]),
    vehicleError,
  );
  const heading = h('h2', { id: 'pr-form-heading', tabindex: '-1' }, t('prNew'));
  const summary = h('p', { role: 'alert', class: 'error', id: 'pr-error' });
  const saved = h('p', { role: 'status', id: 'pr-saved' });
  const fresh = h('button', { type: 'button' }, t('newRecord'));
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'provider-form', 'aria-labelledby': 'pr-form-heading' },
    field(t('prName'), name, 'name'),
    field(t('phone'), phone, 'phone'),
    field(t('prEmail'), email, 'email'),
    field(t('vehActive'), active, 'active'),
    vehicleSet,
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('save')), ' ', fresh),
    summary,
    saved,
  );
  const ownerOf = (vehicleId: string) => providers.find((p) => p.vehicleIds.includes(vehicleId));
  const fill = (p: ProviderView | null) => {
    editing = p;
    heading.textContent = p ? t('prEdit', { name: p.name }) : t('prNew');
    name.value = p?.name ?? '';
    phone.value = p?.phone ?? '';
    email.value = p?.email ?? '';
    active.checked = p?.active ?? true;
    for (const box of boxes) {
      box.checked = p?.vehicleIds.includes(box.value) ?? false;
      const owner = ownerOf(box.value);
      // A vehicle run by another provider moves to this one when ticked; the label says so.
      document.getElementById(`pr-veh-${box.value}-owner`)?.replaceChildren(owner && owner.id !== p?.id ? ` — ${t('prRunBy', { name: owner.name })}` : '');
    }
    clearErrors(form);
    vehicleError.textContent = '';
    summary.textContent = '';
  };
  fresh.addEventListener('click', () => fill(null));
  const list = h('tbody');
  const draw = () => {
    list.replaceChildren(...providers.map((p) => {
      const edit = h('button', { type: 'button' }, t('editRecord', { name: p.name }));
      edit.addEventListener('click', () => {
        fill(p);
        heading.focus();
      });
      return h('tr', { class: p.active ? null : 'cancelled' },
        h('th', { scope: 'row' }, p.name), h('td', {}, p.phone ?? ''), h('td', {}, p.email ?? ''),
        h('td', {}, p.vehicleIds.map((id) => vehicleName.get(id) ?? id).join(', ') || '—'),
        h('td', {}, t(p.active ? 'yes' : 'no')), h('td', {}, edit, ' ', h('a', { href: `#/provider?provider=${p.id}` }, t('prRides', { name: p.name }))));
    }));
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    saved.textContent = '';
    vehicleError.textContent = '';
    const body = { name: name.value, phone: phone.value.trim() || null, email: email.value.trim() || null, active: active.checked };
    try {
      const provider = editing
        ? await api.patch<ProviderView>(`/providers/${editing.id}`, { ...body, version: editing.version })
        : await api.post<ProviderView>('/providers', body);
      editing = provider; // a failure of the vehicles below must not create the provider twice
      const vehicleIds = boxes.filter((b) => b.checked).map((b) => b.value);
      try {
        await api.put(`/providers/${provider.id}/vehicles`, { vehicleIds });
      } catch (err) {
        showErrors(form, summary, err);
        vehicleError.textContent = summary.textContent;
        boxes[0]?.focus();
        return;
      }
      providers = (await api.get<Items<ProviderView>>('/providers')).items;
      draw();
      fill(null);
      saved.textContent = t('prSaved', { name: provider.name });
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  draw();
  fill(null);
  root.replaceChildren(
    h('h1', {}, t('prTitle')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'providers-table' },
      h('thead', {}, h('tr', {}, ...(['prName', 'phone', 'prEmail', 'prVehicles', 'vehActive', 'colActions'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
      list)),
    providers.length ? '' : h('p', { class: 'muted' }, t('prNone')),
    heading,
    form,
  );
};
