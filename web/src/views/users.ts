/**
 * Accounts of the organisation (issue #7), for its administrator: the list, and one form that
 * creates an account or edits the chosen one — roles, the driver's vehicles, the provider of a
 * provider account, own caseload only, deactivation, a new password (typed twice, or generated
 * and shown once). Mistakes are shown next to their field, before sending when the page can tell.
 */
import { api } from '../api.js';
import { h } from '../dom.js';
import type { Items, ProviderView, VehicleView } from '../types.js';
import { clearErrors, field, showErrors } from './form.js';
import { localTime, roleText, ROLES, ta } from './accounts-i18n.js';

export interface UserView {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly roles: readonly string[];
  readonly providerId: string | null;
  readonly vehicleIds: readonly string[];
  readonly ownCaseloadOnly: boolean;
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly version: number;
}

const MIN_PASSWORD = 10;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
// No look-alike characters (0/O, 1/l/I): the password is often read out or written down.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password from the browser's cryptographic generator (16 characters, ~93 bits). */
export function generatePassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Marks one field wrong (error text next to it); returns the input to focus first. */
export function fieldError(input: HTMLElement, text: string): HTMLElement {
  const line = document.getElementById(`${input.id}-error`);
  if (line) line.textContent = text;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', `${input.id}-error`);
  return input;
}

/** Shows or hides a part of a form (the form's grid and flex rules would override plain `hidden`). */
export function shown(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
  el.style.display = visible ? '' : 'none';
}

/** Role checkboxes in a fieldset; the first carries the API's "roles" path for its errors. */
export function roleBoxes(prefix: string, roles: readonly string[]): { fieldset: HTMLFieldSetElement; boxes: Map<string, HTMLInputElement> } {
  const boxes = new Map(roles.map((r) => [r, h('input', { id: `${prefix}-role-${r}`, type: 'checkbox', value: r })]));
  const fieldset = h('fieldset', { class: 'checks' }, h('legend', {}, ta('userRoles')),
    ...roles.map((r, i) => field(roleText(r), boxes.get(r)!, i === 0 ? 'roles' : `roleOption.${r}`)));
  return { fieldset, boxes };
}

export async function usersSection(): Promise<HTMLElement> {
  const [usersRes, vehiclesRes, providersRes] = await Promise.all([
    api.get<Items<UserView>>('/users'),
    api.get<Items<VehicleView>>('/vehicles'),
    api.get<Items<ProviderView>>('/providers'),
  ]);
  let users = usersRes.items;
  const vehicles = vehiclesRes.items;
  const providers = providersRes.items;
  const vehicleName = new Map(vehicles.map((v) => [v.id, v.name]));
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  let editing: UserView | null = null;

  const login = h('input', { id: 'user-login', type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: 64, required: true });
  const name = h('input', { id: 'user-name', type: 'text', maxlength: 120, required: true });
  const email = h('input', { id: 'user-email', type: 'email', maxlength: 200 });
  const password = h('input', { id: 'user-password', type: 'password', autocomplete: 'new-password', maxlength: 200 });
  const repeat = h('input', { id: 'user-password2', type: 'password', autocomplete: 'new-password', maxlength: 200 });
  const passwordLabel = h('label', { for: 'user-password' }, ta('password'));
  const generate = h('button', { type: 'button', id: 'user-generate' }, ta('passwordGenerate'));
  const generated = h('p', { id: 'user-generated', role: 'status', class: 'generated' });
  const { fieldset: rolesSet, boxes } = roleBoxes('user', ROLES);
  const vehicleBoxes = new Map(vehicles.map((v) => [v.id, h('input', { id: `user-veh-${v.id}`, type: 'checkbox', value: v.id })]));
  const vehiclesSet = h('fieldset', { class: 'checks', id: 'user-vehicles' }, h('legend', {}, ta('userVehicles')),
    ...(vehicles.length ? vehicles.map((v, i) => field(v.name, vehicleBoxes.get(v.id)!, i === 0 ? 'vehicleIds' : `vehicleOption.${v.id}`)) : [h('p', { class: 'muted' }, ta('userNoVehicles'))]));
  const provider = h('select', { id: 'user-provider' }, h('option', { value: '' }, ta('userNoProvider')), ...providers.map((p) => h('option', { value: p.id }, p.name)));
  const providerField = field(ta('userProvider'), provider, 'providerId');
  const ownCaseload = h('input', { id: 'user-own-caseload', type: 'checkbox' });
  const ownCaseloadField = field(ta('userOwnCaseload'), ownCaseload, 'ownCaseloadOnly');
  const active = h('input', { id: 'user-active', type: 'checkbox', checked: true });
  const activeField = field(ta('userActive'), active, 'active');
  const heading = h('h3', { id: 'user-form-heading', tabindex: '-1' }, ta('userNew'));
  const summary = h('p', { role: 'alert', class: 'error', id: 'user-form-error' });
  const done = h('p', { role: 'status', id: 'user-form-done' });
  const submit = h('button', { type: 'submit', class: 'primary' }, ta('create'));
  const reset = h('button', { type: 'button' }, ta('newRecord'));

  // Only what the chosen roles use is shown: vehicles for a driver, the provider, own caseload.
  const showDependent = () => {
    shown(vehiclesSet, boxes.get('DRIVER')!.checked);
    shown(providerField, boxes.get('PROVIDER')!.checked);
    shown(ownCaseloadField, boxes.get('CASEWORKER')!.checked);
  };
  for (const b of boxes.values()) b.addEventListener('change', showDependent);

  generate.addEventListener('click', () => {
    const value = generatePassword();
    password.value = value;
    repeat.value = value;
    generated.textContent = ta('passwordGenerated', { password: value });
  });

  const form = h('form', { novalidate: true, class: 'admin-form', id: 'user-form', 'aria-labelledby': 'user-form-heading' },
    field(ta('userLogin'), login, 'login'),
    field(ta('userName'), name, 'displayName'),
    field(ta('userEmail'), email, 'email'),
    h('div', { class: 'field' }, passwordLabel, password, h('small', { class: 'field-error', id: 'user-password-error' })),
    field(ta('passwordRepeat'), repeat, 'passwordRepeat'),
    h('p', {}, generate),
    generated,
    rolesSet,
    vehiclesSet,
    providerField,
    ownCaseloadField,
    activeField,
    h('p', {}, submit, ' ', reset),
    summary,
    done,
  );
  password.dataset.path = 'password';

  const fill = (u: UserView | null) => {
    editing = u;
    heading.textContent = u ? ta('userEdit', { name: u.displayName }) : ta('userNew');
    login.value = u?.login ?? '';
    login.disabled = !!u; // the login is the account's name for good (audit entries show it)
    name.value = u?.displayName ?? '';
    email.value = u?.email ?? '';
    password.value = '';
    repeat.value = '';
    generated.textContent = '';
    passwordLabel.textContent = u ? ta('passwordNew') : ta('password');
    for (const [r, b] of boxes) b.checked = u?.roles.includes(r) ?? false;
    for (const [id, b] of vehicleBoxes) b.checked = u?.vehicleIds.includes(id) ?? false;
    provider.value = u?.providerId ?? '';
    ownCaseload.checked = u?.ownCaseloadOnly ?? false;
    active.checked = u?.active ?? true;
    shown(activeField, !!u);
    submit.textContent = u ? ta('save') : ta('create');
    clearErrors(form);
    summary.textContent = '';
    showDependent();
  };
  reset.addEventListener('click', () => {
    fill(null);
    done.textContent = '';
    login.focus();
  });

  const list = h('tbody');
  const draw = () => {
    list.replaceChildren(...(users.length ? users.map((u) => {
      const edit = h('button', { type: 'button', 'data-login': u.login }, ta('userEditButton', { name: u.login }));
      edit.addEventListener('click', () => {
        fill(u);
        done.textContent = '';
        heading.focus();
      });
      const extras = [
        ...u.vehicleIds.map((id) => vehicleName.get(id) ?? id),
        ...(u.providerId ? [providerName.get(u.providerId) ?? u.providerId] : []),
      ].join(', ');
      return h('tr', { class: u.active ? null : 'cancelled' },
        h('th', { scope: 'row' }, u.login),
        h('td', {}, u.displayName),
        h('td', {}, u.roles.map(roleText).join(', ') + (u.ownCaseloadOnly ? ` (${ta('userOwnCaseload').toLocaleLowerCase()})` : '')),
        h('td', {}, extras),
        h('td', {}, ta(u.active ? 'yes' : 'no'), u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? ` — ${ta('userLocked', { time: localTime(u.lockedUntil) })}` : ''),
        h('td', {}, localTime(u.lastLoginAt)),
        h('td', {}, edit));
    }) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, ta('usersNone')))]));
  };
  draw();

  /** What the page can check itself, marked next to the fields; true when all is well. */
  const checkLocally = (): boolean => {
    clearErrors(form);
    let first: HTMLElement | null = null;
    const mark = (input: HTMLElement, text: string) => {
      const el = fieldError(input, text);
      first ??= el;
    };
    if (!editing && !password.value) mark(password, ta('passwordRequired'));
    else if (password.value && password.value.length < MIN_PASSWORD) mark(password, ta('passwordShort'));
    if (password.value !== repeat.value) mark(repeat, ta('passwordMismatch'));
    if (![...boxes.values()].some((b) => b.checked)) mark(boxes.get('ADMIN')!, ta('rolesRequired'));
    if (boxes.get('PROVIDER')!.checked && !provider.value) mark(provider, ta('providerRequired'));
    if (!first) return true;
    summary.textContent = ta('fixFields');
    (first as HTMLElement).focus();
    return false;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    done.textContent = '';
    if (!checkLocally()) return;
    const wasEditing = editing !== null;
    const roles = [...boxes].filter(([, b]) => b.checked).map(([r]) => r);
    const isDriver = roles.includes('DRIVER');
    const isProvider = roles.includes('PROVIDER');
    const vehicleIds = isDriver ? [...vehicleBoxes].filter(([, b]) => b.checked).map(([id]) => id) : [];
    const providerId = isProvider ? provider.value : null;
    const common = {
      displayName: name.value,
      ownCaseloadOnly: roles.includes('CASEWORKER') && ownCaseload.checked,
      ...(password.value ? { password: password.value } : {}),
    };
    try {
      let saved: UserView;
      if (editing) {
        // Roles, vehicles and provider go only when changed: the server ends the account's
        // sessions on such a change, and a new name alone should not sign the person out.
        saved = await api.patch<UserView>(`/users/${editing.id}`, {
          ...common,
          version: editing.version,
          email: email.value || null,
          ...(sameSet(roles, editing.roles) ? {} : { roles }),
          ...(sameSet(vehicleIds, editing.vehicleIds) ? {} : { vehicleIds }),
          ...(providerId === editing.providerId ? {} : { providerId }),
          ...(active.checked === editing.active ? {} : { active: active.checked }),
        });
      } else {
        saved = await api.post<UserView>('/users', {
          ...common,
          roles,
          vehicleIds,
          login: login.value,
          ...(email.value ? { email: email.value } : {}),
          ...(isProvider ? { providerId: provider.value } : {}),
        });
      }
      users = (await api.get<Items<UserView>>('/users')).items;
      draw();
      const shownPassword = generated.textContent;
      fill(null);
      // A generated password stays on screen once more, so it can still be handed over.
      generated.textContent = shownPassword;
      done.textContent = ta(wasEditing ? 'userSaved' : 'userCreated', { login: saved.login });
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  fill(null);

  return h('div', {},
    h('h2', {}, ta('usersTitle')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'users-table' },
      h('thead', {}, h('tr', {}, ...[ta('userLogin'), ta('userName'), ta('userRoles'), `${ta('userVehicles')} / ${ta('userProvider')}`, ta('userActive'), ta('userLastLogin'), ta('colActions')].map((c) => h('th', { scope: 'col' }, c)))),
      list)),
    heading,
    form,
  );
}
