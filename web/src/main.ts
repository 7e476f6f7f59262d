/**
 * The web app's shell: hash routes (#/board, #/booking, #/driver) with query parameters, the
 * language switch and the navigation. Each view is a function drawing into <main>. Until the
 * browser is signed in, the login page is all there is; the navigation shows the views the
 * account's roles can use (the server enforces the same, src/auth/permissions.ts).
 */
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { h } from './dom.js';
import { lang, setLang, t, type MessageKey } from './i18n.js';
import type { View } from './types.js';
import { renderBoard } from './views/board.js';
import { renderBooking } from './views/booking.js';
import { renderDriver } from './views/driver.js';
import { renderAdmin } from './views/admin.js';
import { renderReports } from './views/reports.js';
import { renderLogin, type Me } from './views/login.js';
import { renderClients } from './views/clients.js';
import { renderNotifications } from './views/notifications.js';
import { renderProviders } from './views/providers.js';
import { renderProviderRides } from './views/provider-rides.js';
import { renderAccounts } from './views/accounts.js';
import { renderImports } from './views/imports.js';
import { ApiError, SIGNED_OUT_EVENT, api, setCsrfToken } from './api.js';
import { registerServiceWorker } from './service-worker.js';
import { cachedMe, forgetMe, keepMe } from './session.js';

const routes: Record<string, { view: View; title: MessageKey; roles: readonly string[] }> = {
  board: { view: renderBoard, title: 'navBoard', roles: ['ADMIN', 'DISPATCHER'] },
  booking: { view: renderBooking, title: 'navBooking', roles: ['ADMIN', 'DISPATCHER', 'CASEWORKER'] },
  clients: { view: renderClients, title: 'navClients', roles: ['ADMIN', 'DISPATCHER', 'CASEWORKER'] },
  notifications: { view: renderNotifications, title: 'navNotifications', roles: ['ADMIN', 'DISPATCHER'] },
  driver: { view: renderDriver, title: 'navDriver', roles: ['ADMIN', 'DISPATCHER', 'DRIVER', 'PROVIDER'] },
  reports: { view: renderReports, title: 'navReports', roles: ['ADMIN', 'DISPATCHER'] },
  admin: { view: renderAdmin, title: 'navAdmin', roles: ['ADMIN'] },
  // A dispatcher gets the places import only; the view and the server hold back the rest.
  imports: { view: renderImports, title: 'navImports', roles: ['ADMIN', 'DISPATCHER'] },
  providers: { view: renderProviders, title: 'navProviders', roles: ['ADMIN'] },
  provider: { view: renderProviderRides, title: 'navProviderRides', roles: ['ADMIN', 'DISPATCHER', 'PROVIDER'] },
  accounts: { view: renderAccounts, title: 'navAccounts', roles: ['ADMIN'] },
};

// The signed-in account, or null for the login page (kept for the tab: session.ts).
let me: Me | null = null;

async function loadSession(): Promise<Me | null> {
  try {
    const next = await api.get<Me>('/auth/me');
    setCsrfToken(next.csrfToken);
    keepMe(next);
    return next;
  } catch (err) {
    if (err instanceof ApiError) {
      forgetMe();
      return null;
    }
    return cachedMe();
  }
}

const allowedRoutes = (): string[] => Object.keys(routes).filter((name) => routes[name]!.roles.some((r) => me?.roles.includes(r)));

async function signOut(): Promise<void> {
  await api.post('/auth/logout', {}).catch(() => undefined);
  setCsrfToken(null);
  forgetMe();
  me = null;
  void render();
}

const main = document.getElementById('main')!;
let cleanup: (() => void) | void;
/** Counts renders, so a view that finishes loading after the user went elsewhere is dropped. */
let renderCount = 0;

function currentRoute(): { name: string; params: URLSearchParams } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const allowed = allowedRoutes();
  return { name: allowed.includes(path) ? path : (allowed[0] ?? 'board'), params: new URLSearchParams(query) };
}

function renderShell(active: string): void {
  const nav = document.getElementById('nav')!;
  nav.setAttribute('aria-label', t('navLabel'));
  nav.replaceChildren(
    ...(me
      ? [
          h('ul', {}, ...allowedRoutes().map((name) =>
            h('li', {}, h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null }, t(routes[name]!.title))),
          )),
          // The centre too: one installation serves several, and the same screens look alike.
          h('span', { class: 'signed-in', id: 'signed-in' }, t('signedInAs', { name: me.user ? `${me.user.displayName} — ${me.organisation.name}` : me.organisation.name })),
          h('button', { type: 'button', id: 'sign-out', onclick: (() => void signOut()) as EventListener }, t('signOut')),
        ]
      : []),
  );
  const switcher = document.getElementById('lang-switch')!;
  switcher.textContent = t('switchTo');
  switcher.setAttribute('lang', lang() === 'pl' ? 'en' : 'pl');
  switcher.setAttribute('aria-label', t('switchToLabel'));
  document.querySelector('.skip-link')!.textContent = t('skip');
}

async function render(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  if (!me) {
    renderShell('');
    document.title = `${t('signInTitle')} — Dowóz`;
    renderLogin(main, () => {
      void loadSession().then((next) => {
        me = next;
        void render();
      });
    });
    return;
  }
  const { name, params } = currentRoute();
  renderShell(name);
  document.title = `${t(routes[name]!.title)} — Dowóz`;
  // Each view draws into a container of its own. A view still loading when the user moves on (a
  // slow day board, then another date or page) keeps drawing into its container, which is no
  // longer on the page, so it can never cover the page asked for last: once, a board of one day
  // covered the board of another, and "Zaplanuj dzień" planned the day on screen, not the one asked.
  const mine = ++renderCount;
  const container = h('div', { class: 'view' }, h('p', { role: 'status' }, t('loading')));
  main.replaceChildren(container);
  try {
    const done = await routes[name]!.view(container, params);
    if (mine === renderCount) cleanup = done;
    else done?.(); // superseded: close its live updates at once
  } catch (err) {
    if (mine === renderCount) container.replaceChildren(h('p', { role: 'alert', class: 'error' }, `${t('error')}: ${(err as Error).message}`));
  }
}

document.getElementById('lang-switch')!.addEventListener('click', () => {
  setLang(lang() === 'pl' ? 'en' : 'pl');
  void render();
});
window.addEventListener('hashchange', () => void render());
window.addEventListener(SIGNED_OUT_EVENT, () => {
  if (!me) return;
  me = null;
  forgetMe();
  void render();
});
registerServiceWorker();
setLang(lang());
void loadSession().then((next) => {
  me = next;
  void render();
});
