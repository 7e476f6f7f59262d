/**
 * Data import: the gmina's PRG address points, the centre's places and its clients from files,
 * through the same endpoints as curl (README, "Importing addresses, places and clients"). Each
 * form sends the file as the raw body and shows the server's report: counts, whether the file was
 * refused, and every rejected row. The file stays chosen after a refusal, so importing the valid
 * rows is one tick and one click away. A dispatcher sees only the places form: the server lets
 * only an administrator import address points and clients (src/auth/permissions.ts).
 */
import { ApiError, uploadImport, type ImportReport, type RowRejection } from '../api.js';
import { h } from '../dom.js';
import { lang, t, type MessageKey } from '../i18n.js';
import { cachedMe } from '../session.js';
import type { View } from '../types.js';
import { field } from './form.js';

type Kind = 'prg' | 'places' | 'clients';

const IMPORTS: Record<Kind, { path: string; title: MessageKey; hint: MessageKey; accept: string }> = {
  prg: { path: '/address-points/import', title: 'impPrgTitle', hint: 'impPrgHint', accept: '.csv,.gml,.xml,text/csv,application/gml+xml' },
  places: { path: '/imports/places', title: 'impPlacesTitle', hint: 'impPlacesHint', accept: '.csv,text/csv' },
  clients: { path: '/imports/clients', title: 'impClientsTitle', hint: 'impClientsHint', accept: '.csv,text/csv' },
};

// The server names a bad field by its English column; the Polish column (README) goes first on a
// Polish page, since that is what most centres' spreadsheets have. PRG fields are Polish already.
const POLISH_COLUMN: Record<string, string> = {
  kind: 'rodzaj', name: 'nazwa', address: 'adres', lat: 'szerokosc', lon: 'dlugosc',
  firstName: 'imie', lastName: 'nazwisko', phone: 'telefon', mobility: 'mobilnosc', needsAssistant: 'asystent',
  driverNotes: 'uwagi', eligibilityGroup: 'grupa', helpLevel: 'pomoc', assistanceDog: 'pies_asystujacy',
  caseworker: 'pracownik_socjalny', caseworkerPhone: 'telefon_pracownika', externalId: 'nr_klienta',
};
const fieldText = (f: string) => (lang() === 'pl' && POLISH_COLUMN[f] ? `${POLISH_COLUMN[f]} (${f})` : f);
const reasonText = (r: RowRejection) => (lang() === 'en' ? r.messageEn : r.message);

/** The server tells CSV from GML by the Content-Type; a PRG GML file ends in .gml or .xml. */
const contentTypeOf = (file: File) => (/\.(gml|xml)$/i.test(file.name) ? 'application/gml+xml' : 'text/csv');

/** Rejected rows drawn at most: a PRG file read with its axes swapped rejects every one of thousands. */
const MAX_SHOWN = 200;

function showReport(kind: Kind, report: ImportReport, status: HTMLElement, details: HTMLElement): void {
  const badRows = new Set(report.rejected.map((r) => r.row)).size;
  const lines = [t('impCounts', { read: report.read, imported: report.imported })];
  if (report.refused) lines.push(t('impRefused'));
  else if (badRows) lines.push(t('impSkipped', { rows: badRows }));
  else if (report.read === 0) lines.push(t('impEmpty'));
  status.className = report.refused ? 'error' : badRows || report.read === 0 ? 'warning' : 'success';
  status.textContent = lines.join(' ');

  // Clients: a re-import updates or leaves the people it recognises; the counts say it did not duplicate them.
  const count = (action: string) => report.rows?.filter((r) => r.action === action).length ?? 0;
  const actions = kind === 'clients' && !report.refused && report.rows
    ? h('p', { id: 'clients-actions' }, t('impActions', { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped') }))
    : null;
  const shown = report.rejected.slice(0, MAX_SHOWN);
  details.replaceChildren(
    ...(actions ? [actions] : []),
    ...(shown.length
      ? [h('div', { class: 'table-wrap' }, h('table', { id: `${kind}-rejected`, class: 'rejected-rows' },
          h('caption', {}, t(kind === 'prg' ? 'impRejectedCaptionPrg' : 'impRejectedCaption')),
          h('thead', {}, h('tr', {}, ...(['impRow', 'impField', 'impReason'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, ...shown.map((r) => h('tr', {}, h('td', {}, r.row), h('td', {}, fieldText(r.field)), h('td', {}, reasonText(r))))))),
        ]
      : []),
    ...(report.rejected.length > shown.length ? [h('p', { class: 'muted' }, t('impMoreRows', { shown: shown.length, total: report.rejected.length }))] : []),
  );
}

/** One import's form; `extra` adds the import's own choices and the query parameters they set. */
function importSection(kind: Kind, extra: { fields: HTMLElement[]; query: (q: URLSearchParams) => void } = { fields: [], query: () => undefined }): HTMLElement {
  const spec = IMPORTS[kind];
  const file = h('input', { id: `${kind}-file`, type: 'file', accept: spec.accept, 'aria-describedby': `${kind}-hint` });
  const acceptValid = h('input', { id: `${kind}-accept-valid`, type: 'checkbox' });
  const send = h('button', { type: 'submit', class: 'primary' }, t('impSend'));
  const status = h('p', { role: 'status', id: `${kind}-status` });
  const details = h('div', { id: `${kind}-report` });
  const form = h('form', { class: 'admin-form', id: `${kind}-import-form`, 'aria-labelledby': `${kind}-heading` },
    h('p', { class: 'muted', id: `${kind}-hint` }, t(spec.hint)),
    field(t('impFile'), file, 'file'),
    ...extra.fields,
    field(t('impAcceptValid'), acceptValid, 'acceptValid'),
    h('p', {}, send),
    status,
    details,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    details.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) {
      status.className = 'error';
      status.textContent = t('impChoose');
      file.focus();
      return;
    }
    const query = new URLSearchParams();
    if (acceptValid.checked) query.set('acceptValid', 'true');
    extra.query(query);
    const qs = query.toString();
    send.disabled = true;
    status.className = '';
    status.textContent = t('impSending', { name: chosen.name });
    try {
      showReport(kind, await uploadImport(`${spec.path}${qs ? `?${qs}` : ''}`, chosen, contentTypeOf(chosen)), status, details);
    } catch (err) {
      status.className = 'error';
      // Not an ApiError: the browser could not read the file, as when it was saved again after being chosen.
      status.textContent = err instanceof ApiError ? err.text() : t('impNotSent', { error: (err as Error).message });
    } finally {
      send.disabled = false;
    }
  });
  return h('section', { id: `${kind}-import` }, h('h2', { id: `${kind}-heading` }, t(spec.title)), form);
}

/** PRG: which number of a pair is the northing; "default" lets CSV and each GML model say. */
function prgSection(): HTMLElement {
  const axis = h('select', { id: 'prg-axis', 'aria-describedby': 'prg-axis-hint' },
    h('option', { value: '' }, t('impAxisDefault')),
    h('option', { value: 'northingEasting' }, t('impAxisNorthing')),
    h('option', { value: 'eastingNorthing' }, t('impAxisEasting')));
  return importSection('prg', {
    fields: [field(t('impAxis'), axis, 'axisOrder'), h('p', { class: 'muted', id: 'prg-axis-hint' }, t('impAxisHint'))],
    query: (q) => {
      if (axis.value) q.set('axisOrder', axis.value);
    },
  });
}

function clientsSection(): HTMLElement {
  const existing = h('select', { id: 'clients-existing' },
    h('option', { value: 'update' }, t('impExistingUpdate')),
    h('option', { value: 'skip' }, t('impExistingSkip')));
  return importSection('clients', {
    fields: [field(t('impExisting'), existing, 'existing')],
    query: (q) => {
      if (existing.value === 'skip') q.set('existing', 'skip');
    },
  });
}

export const renderImports: View = async (root) => {
  const admin = cachedMe()?.roles.includes('ADMIN') ?? false;
  root.replaceChildren(
    h('h1', {}, t('impTitle')),
    h('p', {}, t('impIntro')),
    // Addresses first: places and clients without coordinates are found among the PRG points.
    ...(admin ? [prgSection(), importSection('places'), clientsSection()] : [importSection('places')]),
  );
};
