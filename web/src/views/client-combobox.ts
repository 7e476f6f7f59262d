/**
 * Type-ahead client search over GET /clients?q= (WAI-ARIA combobox with a listbox popup):
 * arrow keys move through the suggestions, Enter picks, Escape closes.
 */
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { ClientView, Items } from '../types.js';

const SEARCH_DELAY_MS = 200;
const mobilityMark = (c: ClientView) => (c.mobility === 'WHEELCHAIR' ? ` (${t('wheelchair')})` : '');

/** `activeOnly`: booking offers active clients; the client card finds inactive ones too (to reactivate). */
export function clientCombobox(id: string, onPick: (client: ClientView | null) => void, settings: { activeOnly?: boolean } = {}): { element: HTMLElement; dispose(): void } {
  const activeOnly = settings.activeOnly ?? true;
  const listId = `${id}-list`;
  const input = h('input', {
    id, type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': listId, 'aria-describedby': `${id}-hint`,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': t('client') });
  let options: readonly ClientView[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
  };
  const pick = (c: ClientView) => {
    input.value = `${c.firstName} ${c.lastName}`;
    close();
    onPick(c);
  };
  const show = (found: readonly ClientView[]) => {
    options = found;
    list.replaceChildren(
      ...(found.length
        ? found.map((c, i) =>
            h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', onmousedown: ((e: Event) => { e.preventDefault(); pick(c); }) as EventListener },
              `${c.lastName} ${c.firstName}${mobilityMark(c)} — ${c.homeAddress}`),
          )
        : [h('li', { class: 'muted', 'aria-disabled': 'true' }, t('noClients'))]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  input.addEventListener('input', () => {
    onPick(null);
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = setTimeout(async () => {
      const ticket = ++asked;
      const found = (await api.get<Items<ClientView>>(`/clients?q=${encodeURIComponent(q)}${activeOnly ? '&active=true' : ''}`)).items;
      if (ticket === asked) show(found.slice(0, 10)); // a slower older answer must not replace a newer one
    }, SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !options.length) return;
    if (e.key === 'ArrowDown') highlight((active + 1) % options.length);
    else if (e.key === 'ArrowUp') highlight((active - 1 + options.length) % options.length);
    else if (e.key === 'Enter' && active >= 0) pick(options[active]!);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return { element: h('div', { class: 'combobox' }, input, list), dispose: () => clearTimeout(timer) };
}
