/**
 * The web app's shell: hash routes (#/board, #/booking, #/driver) with query parameters, the
 * language switch and the navigation. Each view is a function drawing into <main>.
 */
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { h } from './dom.js';
import { lang, setLang, t, type MessageKey } from './i18n.js';
import type { View } from './types.js';
import { renderBoard } from './views/board.js';
import { renderBooking } from './views/booking.js';
import { renderDriver } from './views/driver.js';

const routes: Record<string, { view: View; title: MessageKey }> = {
  board: { view: renderBoard, title: 'navBoard' },
  booking: { view: renderBooking, title: 'navBooking' },
  driver: { view: renderDriver, title: 'navDriver' },
};

const main = document.getElementById('main')!;
let cleanup: (() => void) | void;

function currentRoute(): { name: string; params: URLSearchParams } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { name: path in routes ? path : 'board', params: new URLSearchParams(query) };
}

function renderShell(active: string): void {
  const nav = document.getElementById('nav')!;
  nav.setAttribute('aria-label', t('navLabel'));
  nav.replaceChildren(
    h('ul', {}, ...Object.entries(routes).map(([name, r]) =>
      h('li', {}, h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null }, t(r.title))),
    )),
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
  const { name, params } = currentRoute();
  renderShell(name);
  document.title = `${t(routes[name]!.title)} — Dowóz`;
  main.replaceChildren(h('p', { role: 'status' }, t('loading')));
  try {
    cleanup = await routes[name]!.view(main, params);
  } catch (err) {
    main.replaceChildren(h('p', { role: 'alert', class: 'error' }, `${t('error')}: ${(err as Error).message}`));
  }
}

document.getElementById('lang-switch')!.addEventListener('click', () => {
  setLang(lang() === 'pl' ? 'en' : 'pl');
  void render();
});
window.addEventListener('hashchange', () => void render());
setLang(lang());
void render();
