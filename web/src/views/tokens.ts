/**
 * API tokens for integrations (issue #7): the list with each token's state, a form that creates
 * one and shows its value once (with a copy button), and revoking with a confirmation step.
 */
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import type { Items, ProviderView } from '../types.js';
import { clearErrors, field, showErrors } from './form.js';
import { localTime, roleText, ta } from './accounts-i18n.js';
import { fieldError, roleBoxes, shown } from './users.js';

interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly roles: readonly string[];
  readonly providerId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

// Drivers sign in with their own accounts; the server refuses DRIVER tokens.
const TOKEN_ROLES = ['ADMIN', 'DISPATCHER', 'CASEWORKER', 'PROVIDER'] as const;

const stateOf = (tk: TokenView): string =>
  tk.revokedAt ? ta('tokenRevoked', { time: localTime(tk.revokedAt) })
    : tk.expiresAt && Date.parse(tk.expiresAt) <= Date.now() ? ta('tokenExpired') : ta('tokenActive');

/** Copies text to the clipboard; where the browser refuses, selects it for copying by hand. */
async function copyText(input: HTMLInputElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = ta('copied');
  } catch {
    input.select();
    status.textContent = ta('copyFailed');
  }
}

export async function tokensSection(): Promise<HTMLElement> {
  const [tokensRes, providersRes] = await Promise.all([api.get<Items<TokenView>>('/tokens'), api.get<Items<ProviderView>>('/providers')]);
  let tokens = tokensRes.items;
  const providerName = new Map(providersRes.items.map((p) => [p.id, p.name]));

  const name = h('input', { id: 'token-name', type: 'text', maxlength: 100, required: true });
  const { fieldset: rolesSet, boxes } = roleBoxes('token', TOKEN_ROLES);
  const provider = h('select', { id: 'token-provider' }, h('option', { value: '' }, ta('userNoProvider')), ...providersRes.items.map((p) => h('option', { value: p.id }, p.name)));
  const providerField = field(ta('tokenProvider'), provider, 'providerId');
  const expires = h('input', { id: 'token-expires', type: 'date' });
  const summary = h('p', { role: 'alert', class: 'error', id: 'token-form-error' });
  const once = h('div', { id: 'token-shown', role: 'status' });
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'token-form', 'aria-labelledby': 'token-form-heading' },
    field(ta('tokenName'), name, 'name'),
    rolesSet,
    h('p', { class: 'muted' }, ta('tokenDriverNote')),
    providerField,
    field(ta('tokenExpires'), expires, 'expiresAt'),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, ta('tokenCreate'))),
    summary,
  );
  const showProvider = () => {
    shown(providerField, boxes.get('PROVIDER')!.checked);
  };
  boxes.get('PROVIDER')!.addEventListener('change', showProvider);
  showProvider();

  const announce = h('p', { role: 'status', id: 'token-list-status' });
  const list = h('tbody');
  const draw = () => {
    list.replaceChildren(...(tokens.length ? tokens.map((tk) => {
      const cell = h('td', {});
      if (!tk.revokedAt) {
        const revoke = h('button', { type: 'button', 'data-token': tk.name }, ta('tokenRevoke', { name: tk.name }));
        revoke.addEventListener('click', () => {
          // A second, explicit step: an integration stops working the moment its token goes.
          const confirm = h('button', { type: 'button', class: 'danger', 'data-confirm-token': tk.name }, ta('tokenRevokeConfirm', { name: tk.name }));
          const cancel = h('button', { type: 'button' }, ta('tokenRevokeCancel'));
          cancel.addEventListener('click', () => {
            cell.replaceChildren(revoke);
            revoke.focus();
          });
          confirm.addEventListener('click', async () => {
            try {
              await api.post(`/tokens/${tk.id}/revoke`, {});
              tokens = (await api.get<Items<TokenView>>('/tokens')).items;
              draw();
              announce.textContent = ta('tokenRevokedDone', { name: tk.name });
            } catch (err) {
              announce.textContent = err instanceof ApiError ? err.text() : String(err);
            }
          });
          cell.replaceChildren(confirm, ' ', cancel);
          confirm.focus();
        });
        cell.append(revoke);
      }
      return h('tr', { class: tk.revokedAt ? 'cancelled' : null },
        h('th', { scope: 'row' }, tk.name),
        h('td', {}, h('code', {}, `${tk.prefix}…`)),
        h('td', {}, tk.roles.map(roleText).join(', ') + (tk.providerId ? ` (${providerName.get(tk.providerId) ?? tk.providerId})` : '')),
        h('td', {}, localTime(tk.createdAt)),
        h('td', {}, localTime(tk.expiresAt)),
        h('td', {}, localTime(tk.lastUsedAt)),
        h('td', { class: 'token-state' }, stateOf(tk)),
        cell);
    }) : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, ta('tokensNone')))]));
  };
  draw();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.textContent = '';
    const roles = [...boxes].filter(([, b]) => b.checked).map(([r]) => r);
    let first: HTMLElement | null = null;
    if (!name.value.trim()) first ??= fieldError(name, ta('fixFields'));
    if (!roles.length) first ??= fieldError(boxes.get('ADMIN')!, ta('rolesRequired'));
    if (roles.includes('PROVIDER') && !provider.value) first ??= fieldError(provider, ta('providerRequired'));
    if (first) {
      summary.textContent = ta('fixFields');
      first.focus();
      return;
    }
    try {
      const created = await api.post<TokenView & { token: string }>('/tokens', {
        name: name.value,
        roles,
        ...(roles.includes('PROVIDER') ? { providerId: provider.value } : {}),
        // "Valid until" a day: to the end of that day on the administrator's clock.
        ...(expires.value ? { expiresAt: new Date(`${expires.value}T23:59:59`).toISOString() } : {}),
      });
      const value = h('input', { id: 'token-value', type: 'text', readonly: true, value: created.token, size: 60, spellcheck: 'false' });
      const copyStatus = h('span', { role: 'status' });
      const copy = h('button', { type: 'button', id: 'token-copy' }, ta('copy'));
      copy.addEventListener('click', () => void copyText(value, copyStatus));
      once.replaceChildren(
        h('p', {}, ta('tokenShownOnce', { name: created.name })),
        h('p', {}, h('label', { for: 'token-value', class: 'visually-hidden' }, ta('tokenValue')), value, ' ', copy, ' ', copyStatus),
      );
      value.focus();
      value.select();
      name.value = '';
      expires.value = '';
      for (const b of boxes.values()) b.checked = false;
      showProvider();
      tokens = (await api.get<Items<TokenView>>('/tokens')).items;
      draw();
    } catch (err) {
      showErrors(form, summary, err);
    }
  });

  return h('div', {},
    h('h2', {}, ta('tokensTitle')),
    announce,
    h('div', { class: 'table-wrap' }, h('table', { id: 'tokens-table' },
      h('thead', {}, h('tr', {}, ...[ta('tokenName'), ta('tokenPrefix'), ta('tokenRoles'), ta('tokenCreatedAt'), ta('tokenExpiresCol'), ta('tokenLastUsed'), ta('tokenState'), ta('colActions')].map((c) => h('th', { scope: 'col' }, c)))),
      list)),
    h('h3', { id: 'token-form-heading' }, ta('tokenCreate')),
    form,
    once,
  );
}
