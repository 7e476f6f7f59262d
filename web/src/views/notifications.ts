/**
 * The dispatcher's list of what clients were told about a day (issue #8): who, which pickup
 * window, and whether it reached them. A notification with no recipient or one that failed means
 * the office has to phone the client; the list says so and can show only those. Above it, the
 * clients whose ride the day's plan leaves without a vehicle: no message tells them, so they are
 * the first to phone (D58).
 */
import { api } from '../api.js';
import { h, telHref, warsawDate } from '../dom.js';
import { pick, t, tOr, type MessageKey } from '../i18n.js';
import type { NotificationView, UnplacedToCall, View } from '../types.js';

const STATUSES = ['SENT', 'PENDING', 'FAILED', 'NO_RECIPIENT'] as const;
const mustCall = (n: NotificationView) => n.status === 'NO_RECIPIENT' || n.status === 'FAILED';

export const renderNotifications: View = async (root, params) => {
  const date = h('input', { id: 'nt-date', type: 'date', value: params.get('date') ?? warsawDate() });
  const status = h('select', { id: 'nt-status' },
    h('option', { value: '' }, t('ntAll')),
    ...STATUSES.map((s) => h('option', { value: s, selected: params.get('status') === s }, tOr(`nt_${s}`, s))),
  );
  const count = h('p', { role: 'status', id: 'nt-count' });
  const list = h('div', { id: 'nt-list' });
  const load = async () => {
    const query = new URLSearchParams({ date: date.value, ...(status.value ? { status: status.value } : {}) });
    count.textContent = t('loading');
    const { items, unplaced } = await api.get<{ items: NotificationView[]; unplaced: UnplacedToCall[] }>(`/notifications?${query}`);
    count.textContent = t('ntCount', { count: items.length, call: items.filter(mustCall).length + unplaced.length });
    list.replaceChildren(
      unplaced.length ? unplacedSection(unplaced) : '',
      items.length
        ? h('div', { class: 'table-wrap' }, h('table', { id: 'nt-table' },
            h('thead', {}, h('tr', {}, ...(['colClient', 'ntWindow', 'ntKind', 'ntRecipient', 'colStatus'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...items.map((n) => h('tr', { class: mustCall(n) ? 'awaiting' : null },
              h('th', { scope: 'row' }, n.clientName),
              h('td', {}, `${n.window.from}–${n.window.to}`),
              h('td', {}, tOr(`ntKind_${n.kind}`, n.kind)),
              h('td', {}, n.recipient ? `${n.recipient}${n.channel ? ` (${n.channel})` : ''}` : '—', h('br'), h('small', { class: 'muted' }, n.text)),
              h('td', {},
                h('span', { class: `badge nt-${n.status.toLowerCase()}` }, tOr(`nt_${n.status}`, n.status)),
                mustCall(n) ? h('strong', { class: 'call-client' }, ` ${t('ntCall')}`) : null,
                n.lastError ? h('small', { class: 'muted' }, ` ${n.lastError}`) : null,
              ),
            ))),
          ))
        : h('p', { class: 'muted' }, t('ntNone')),
    );
  };
  const reload = () => void load().catch((err: unknown) => (count.textContent = `${t('error')}: ${(err as Error).message}`));
  date.addEventListener('change', reload);
  status.addEventListener('change', reload);
  root.replaceChildren(
    h('h1', {}, t('ntTitle')),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'nt-date' }, t('day')), date),
      h('div', { class: 'field' }, h('label', { for: 'nt-status' }, t('ntFilter')), status),
    ),
    count,
    list,
  );
  await load();
};

/** Clients whose ride the plan leaves without a vehicle: who, their phone, which ride, what they were told and why. */
function unplacedSection(unplaced: readonly UnplacedToCall[]): HTMLElement {
  return h('section', { id: 'nt-unplaced', class: 'card' },
    h('h2', {}, t('ntUnplacedTitle', { count: unplaced.length })),
    h('p', { class: 'muted' }, t('ntUnplacedHint')),
    h('ul', {}, ...unplaced.map((u) => h('li', { class: 'awaiting', 'data-ride-id': u.rideId },
      h('strong', {}, u.clientName), ' ',
      u.phone ? h('a', { href: telHref(u.phone) }, u.phone) : h('span', { class: 'muted' }, t('ntNoPhone')),
      h('br'),
      `${u.fromName} → ${u.toName}`,
      h('br'),
      u.told ? h('strong', { class: 'call-client' }, t('ntUnplacedTold', { from: u.told.from, to: u.told.to })) : h('span', {}, t('ntUnplacedNotTold')),
      h('br'),
      h('small', { class: 'muted' }, pick({ pl: u.reason, en: u.reasonEn })),
    ))),
  );
}
