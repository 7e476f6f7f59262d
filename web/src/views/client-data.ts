/**
 * A client's data rights (RODO art. 15 and 17, issue #7) for the administrator: find the client,
 * download everything held about them (GET /clients/:id/export), or erase it after an explicit
 * confirmation — the server refuses (409) while rides are kept as settlement records, and its
 * reason is shown. Below, how long inactive clients' data is kept (PUT /organisation/client-retention).
 */
import { api, ApiError, downloadFile } from '../api.js';
import { h, warsawDate } from '../dom.js';
import type { ClientView } from '../types.js';
import { clearErrors, field, showErrors } from './form.js';
import { clientCombobox } from './client-combobox.js';
import { ta } from './accounts-i18n.js';
import { fieldError } from './users.js';

async function retentionForm(): Promise<HTMLElement> {
  const { clientRetentionMonths } = await api.get<{ clientRetentionMonths: number }>('/organisation');
  const months = h('input', { id: 'retention-months', type: 'number', min: 1, max: 240, step: 1, inputmode: 'numeric', required: true, value: clientRetentionMonths });
  const summary = h('p', { role: 'alert', class: 'error', id: 'retention-error' });
  const saved = h('p', { role: 'status', id: 'retention-saved' });
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'retention-form', 'aria-labelledby': 'retention-heading', 'aria-describedby': 'retention-hint' },
    h('p', { id: 'retention-hint', class: 'muted' }, ta('retHint')),
    field(ta('retMonths'), months, 'months'),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, ta('save'))),
    summary,
    saved,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.textContent = '';
    saved.textContent = '';
    const n = Number(months.value);
    if (!Number.isInteger(n) || n < 1 || n > 240) {
      fieldError(months, ta('retRange')).focus();
      summary.textContent = ta('fixFields');
      return;
    }
    try {
      const res = await api.put<{ months: number }>('/organisation/client-retention', { months: n });
      months.value = String(res.months);
      saved.textContent = ta('retSaved', { months: res.months });
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  return h('section', { 'aria-labelledby': 'retention-heading' }, h('h2', { id: 'retention-heading' }, ta('retTitle')), form);
}

export async function clientDataSection(): Promise<{ element: HTMLElement; dispose(): void }> {
  const chosen = h('div', { id: 'client-data-chosen' });
  const status = h('p', { role: 'status', id: 'client-data-status' });
  const refused = h('p', { role: 'alert', class: 'error', id: 'client-data-error' });

  const show = (c: ClientView | null) => {
    status.textContent = '';
    refused.textContent = '';
    if (!c) {
      chosen.replaceChildren();
      return;
    }
    const fullName = `${c.firstName} ${c.lastName}`;
    const exportButton = h('button', { type: 'button', id: 'client-export' }, ta('cdExport'));
    exportButton.addEventListener('click', () => {
      refused.textContent = '';
      downloadFile(`/clients/${c.id}/export`, `dane-klienta-${c.lastName}-${warsawDate()}.json`)
        .then(() => { status.textContent = ta('cdExported'); })
        .catch((err: unknown) => { refused.textContent = err instanceof ApiError ? err.text() : String(err); });
    });
    const erase = h('button', { type: 'button', id: 'client-erase', class: 'danger' }, ta('cdErase'));
    const confirmArea = h('div', { id: 'client-erase-confirm' });
    erase.addEventListener('click', () => {
      // Erasure cannot be undone: a second, named step.
      const confirm = h('button', { type: 'button', class: 'danger', id: 'client-erase-yes' }, ta('cdEraseConfirm', { name: fullName }));
      const cancel = h('button', { type: 'button' }, ta('cdEraseCancel'));
      cancel.addEventListener('click', () => {
        confirmArea.replaceChildren();
        erase.focus();
      });
      confirm.addEventListener('click', async () => {
        refused.textContent = '';
        try {
          const res = await api.post<{ erased: 'DELETED' | 'ANONYMISED' }>(`/clients/${c.id}/erase`, {});
          confirmArea.replaceChildren();
          chosen.replaceChildren();
          status.textContent = ta(res.erased === 'DELETED' ? 'cdErasedDELETED' : 'cdErasedANONYMISED');
        } catch (err) {
          refused.textContent = `${ta('cdRefused')} ${err instanceof ApiError ? err.text() : String(err)}`;
          confirmArea.replaceChildren();
          erase.focus();
        }
      });
      confirmArea.replaceChildren(h('p', {}, ta('cdEraseWarn')), h('p', {}, confirm, ' ', cancel));
      confirm.focus();
    });
    chosen.replaceChildren(
      h('p', {}, ta('cdChosen', { name: fullName, address: c.homeAddress })),
      h('p', {}, exportButton, ' ', erase),
      confirmArea,
    );
  };

  const combo = clientCombobox('client-data-find', show, { activeOnly: false });
  const element = h('div', {},
    h('section', { 'aria-labelledby': 'client-data-heading' },
      h('h2', { id: 'client-data-heading' }, ta('cdTitle')),
      h('div', { class: 'field' }, h('label', { for: 'client-data-find' }, ta('cdFind')), combo.element,
        h('small', { id: 'client-data-find-hint', class: 'muted' }, ta('cdHint'))),
      chosen,
      status,
      refused,
    ),
    await retentionForm(),
  );
  return { element, dispose: combo.dispose };
}
