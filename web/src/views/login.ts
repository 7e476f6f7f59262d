/**
 * The login page (issue #7): the first thing the app shows until the browser is signed in.
 * A plain form, so Enter submits and Tab moves between labelled fields; errors are announced.
 */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { ApiError, api, setCsrfToken } from '../api.js';

export interface Me {
  readonly roles: readonly string[];
  readonly user: { readonly login: string; readonly displayName: string } | null;
  readonly organisation: { readonly name: string };
  readonly csrfToken: string | null;
}

export function renderLogin(main: HTMLElement, onSignedIn: () => void): void {
  const login = h('input', { id: 'login', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { id: 'login-error', role: 'alert', class: 'error' });
  const submit = h('button', { type: 'submit' }, t('signIn'));
  const form = h(
    'form',
    { id: 'login-form', class: 'login', 'aria-labelledby': 'login-title', 'aria-describedby': 'login-error' },
    h('h1', { id: 'login-title' }, t('signInTitle')),
    h('p', {}, h('label', { for: 'login' }, t('loginLabel')), login),
    h('p', {}, h('label', { for: 'password' }, t('passwordLabel')), password),
    message,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    message.textContent = '';
    submit.disabled = true;
    api
      .post<{ csrfToken: string }>('/auth/login', { login: login.value, password: password.value })
      .then((res) => {
        setCsrfToken(res.csrfToken);
        onSignedIn();
      })
      .catch((err: unknown) => {
        message.textContent = err instanceof ApiError ? (err.status === 400 ? t('loginMissing') : err.text()) : t('loginOffline');
        password.value = '';
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  main.replaceChildren(form);
  login.focus();
}
