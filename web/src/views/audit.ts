/**
 * The access log for the data protection officer (issue #7, GET /audit): a period and optionally
 * one client, shown as a table (JSON) and downloadable as the CSV the server makes.
 */
import { api, ApiError, downloadFile } from '../api.js';
import { h, warsawDate } from '../dom.js';
import type { ClientView, Items } from '../types.js';
import { clearErrors, showErrors } from './form.js';
import { clientCombobox } from './client-combobox.js';
import { localTime, ta, taOr } from './accounts-i18n.js';
import type { AuditRow } from '../../../src/domain/audit/export-audit.js';

// The table is for reading on screen; the CSV carries every row of the period.
const SHOWN_ROWS = 500;

export function auditSection(): { element: HTMLElement; dispose(): void } {
  const from = h('input', { id: 'audit-from', type: 'date', value: warsawDate(-7), required: true });
  const to = h('input', { id: 'audit-to', type: 'date', value: warsawDate(), required: true });
  let client: ClientView | null = null;
  const combo = clientCombobox('audit-client', (c) => { client = c; }, { activeOnly: false });
  const summary = h('p', { role: 'alert', class: 'error', id: 'audit-error' });
  const count = h('p', { role: 'status', id: 'audit-count' });
  const body = h('tbody');
  const csv = h('button', { type: 'button', id: 'audit-csv' }, ta('auditCsv'));
  const form = h('form', { novalidate: true, class: 'toolbar', id: 'audit-form' },
    h('div', { class: 'field' }, h('label', { for: 'audit-from' }, ta('auditFrom')), from, h('small', { class: 'field-error', id: 'audit-from-error' })),
    h('div', { class: 'field' }, h('label', { for: 'audit-to' }, ta('auditTo')), to, h('small', { class: 'field-error', id: 'audit-to-error' })),
    h('div', { class: 'field' }, h('label', { for: 'audit-client' }, ta('auditClient')), combo.element,
      h('small', { id: 'audit-client-hint', class: 'muted' }, ta('auditClientHint'))),
    h('button', { type: 'submit', class: 'primary' }, ta('auditShow')),
    csv,
  );
  from.dataset.path = 'from';
  to.dataset.path = 'to';
  const query = () => `from=${from.value}&to=${to.value}${client ? `&clientId=${client.id}` : ''}`;

  const load = async () => {
    summary.textContent = '';
    clearErrors(form);
    try {
      const rows = (await api.get<Items<AuditRow>>(`/audit?${query()}&format=json`)).items;
      count.textContent = rows.length === 0 ? ta('auditNone')
        : rows.length > SHOWN_ROWS ? ta('auditShownFirst', { shown: SHOWN_ROWS, n: rows.length }) : ta('auditCount', { n: rows.length });
      body.replaceChildren(...rows.slice(0, SHOWN_ROWS).map((r) => h('tr', {},
        h('td', {}, localTime(r.at)),
        h('td', {}, r.actorName ?? r.actor),
        h('td', {}, taOr(`act_${r.action}`, r.action)),
        h('td', {}, r.entity),
        h('td', { title: r.clientId ?? '' }, r.clientName || r.clientId || ''),
        h('td', {}, r.ip ?? ''),
        h('td', {}, r.detail ?? ''),
      )));
    } catch (err) {
      body.replaceChildren();
      count.textContent = '';
      showErrors(form, summary, err);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  csv.addEventListener('click', () => {
    summary.textContent = '';
    downloadFile(`/audit?${query()}`, `rejestr-dostepu-${from.value}-${to.value}.csv`).catch((err: unknown) => {
      summary.textContent = err instanceof ApiError ? err.text() : String(err);
    });
  });

  const element = h('div', {},
    h('h2', {}, ta('auditTitle')),
    form,
    summary,
    count,
    h('div', { class: 'table-wrap' }, h('table', { id: 'audit-table' },
      h('thead', {}, h('tr', {}, ...[ta('auditAt'), ta('auditWho'), ta('auditAction'), ta('auditEntity'), ta('auditClientCol'), ta('auditIp'), ta('auditDetail')].map((c) => h('th', { scope: 'col' }, c)))),
      body)),
  );
  // Today's week at once: the officer usually starts from the latest entries.
  void load();
  return { element, dispose: combo.dispose };
}
