/**
 * Administration: the organisation's booking rules and gmina boundary, vehicles with their
 * shifts, and places. Every list has an edit button per row that fills the form below it; the
 * queue dashboard (Bull Board) is linked. Updates carry the record's version (409 when stale).
 */
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { lang, t, tOr, type MessageKey } from '../i18n.js';
import type { Items, PlaceView, VehicleView, View } from '../types.js';
import { clearErrors, field, showErrors } from './form.js';

interface Rules {
  bookingHorizonDays: number;
  bookingCutoff: { time: string; workingDaysBefore: number } | null;
  outOfGminaNeedsApproval: boolean;
  arriveEarlyToleranceMin: number;
  pickupLateToleranceMin: number;
  maxRide: { factor: number; slackMin: number; capExtraMin: number };
  fees: { mode: 'FREE' | 'ZONE' | 'PER_KM'; zoneGrosze: { GMINA: number; COUNTY: number; BEYOND: number }; perKmGrosze: number };
}
interface Organisation { name: string; gminaName: string | null; hasBoundary: boolean; hasCountyBoundary: boolean; rules: Rules; version: number }

/** A plan from today on that a saved vehicle change breaks (PATCH /vehicles/:id). */
interface PlanWarning { message: string; messageEn: string }

const PLACE_KINDS = ['DEPOT', 'ADDRESS', 'CUS', 'HEALTH', 'HOSPITAL', 'REHAB', 'SCHOOL', 'OFFICE', 'NGO', 'OTHER'] as const;
const kindText = (k: string) => tOr(`kind_${k}`, k);

const numberInput = (id: string, value: number, step = '1', min = '0') => h('input', { id, type: 'number', value: String(value), step, min, inputmode: 'decimal' });
const zl = (grosze: number) => (grosze / 100).toFixed(2);
const grosze = (input: HTMLInputElement) => Math.round(Number(input.value.replace(',', '.')) * 100);

async function settingsSection(): Promise<HTMLElement> {
  const org = await api.get<Organisation>('/organisation');
  const r = org.rules;
  const horizon = numberInput('rule-horizon', r.bookingHorizonDays);
  const cutoffOn = h('input', { id: 'rule-cutoff-on', type: 'checkbox', checked: r.bookingCutoff !== null });
  const cutoffTime = h('input', { id: 'rule-cutoff-time', type: 'time', value: r.bookingCutoff?.time ?? '12:00' });
  const cutoffDays = numberInput('rule-cutoff-days', r.bookingCutoff?.workingDaysBefore ?? 1);
  const approval = h('input', { id: 'rule-approval', type: 'checkbox', checked: r.outOfGminaNeedsApproval });
  const early = numberInput('rule-early', r.arriveEarlyToleranceMin);
  const late = numberInput('rule-late', r.pickupLateToleranceMin);
  const factor = numberInput('rule-factor', r.maxRide.factor, '0.1', '1');
  const slack = numberInput('rule-slack', r.maxRide.slackMin);
  const cap = numberInput('rule-cap', r.maxRide.capExtraMin);
  const feeMode = h('select', { id: 'rule-fee-mode' }, ...(['FREE', 'ZONE', 'PER_KM'] as const).map((m) => h('option', { value: m, selected: m === r.fees.mode }, t(`fee_${m}` as MessageKey))));
  const feeGmina = numberInput('rule-fee-gmina', Number(zl(r.fees.zoneGrosze.GMINA)), '0.01');
  const feeCounty = numberInput('rule-fee-county', Number(zl(r.fees.zoneGrosze.COUNTY)), '0.01');
  const feeBeyond = numberInput('rule-fee-beyond', Number(zl(r.fees.zoneGrosze.BEYOND)), '0.01');
  const feeKm = numberInput('rule-fee-km', Number(zl(r.fees.perKmGrosze)), '0.01');
  const summary = h('p', { role: 'alert', class: 'error', id: 'rules-error' });
  const saved = h('p', { role: 'status', id: 'rules-saved' });
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'rules-form' },
    field(t('ruleHorizon'), horizon, 'bookingHorizonDays'),
    h('fieldset', {}, h('legend', {}, t('ruleCutoff')),
      field(t('ruleCutoffOn'), cutoffOn, 'bookingCutoff'),
      field(t('ruleCutoffTime'), cutoffTime, 'bookingCutoff.time'),
      field(t('ruleCutoffDays'), cutoffDays, 'bookingCutoff.workingDaysBefore'),
    ),
    field(t('ruleApproval'), approval, 'outOfGminaNeedsApproval'),
    field(t('ruleEarly'), early, 'arriveEarlyToleranceMin'),
    field(t('ruleLate'), late, 'pickupLateToleranceMin'),
    h('fieldset', {}, h('legend', {}, t('ruleMaxRide')),
      field(t('ruleFactor'), factor, 'maxRide.factor'),
      field(t('ruleSlack'), slack, 'maxRide.slackMin'),
      field(t('ruleCap'), cap, 'maxRide.capExtraMin'),
    ),
    h('fieldset', {}, h('legend', {}, t('ruleFees')),
      field(t('ruleFeeMode'), feeMode, 'fees.mode'),
      field(t('ruleFeeGmina'), feeGmina, 'fees.zoneGrosze.GMINA'),
      field(t('ruleFeeCounty'), feeCounty, 'fees.zoneGrosze.COUNTY'),
      field(t('ruleFeeBeyond'), feeBeyond, 'fees.zoneGrosze.BEYOND'),
      field(t('ruleFeeKm'), feeKm, 'fees.perKmGrosze'),
    ),
    h('button', { type: 'submit', class: 'primary' }, t('save')),
    summary,
    saved,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    summary.textContent = '';
    saved.textContent = '';
    const rules = {
      bookingHorizonDays: Number(horizon.value),
      bookingCutoff: cutoffOn.checked ? { time: cutoffTime.value, workingDaysBefore: Number(cutoffDays.value) } : null,
      outOfGminaNeedsApproval: approval.checked,
      arriveEarlyToleranceMin: Number(early.value),
      pickupLateToleranceMin: Number(late.value),
      maxRide: { factor: Number(factor.value.replace(',', '.')), slackMin: Number(slack.value), capExtraMin: Number(cap.value) },
      fees: { mode: feeMode.value, zoneGrosze: { GMINA: grosze(feeGmina), COUNTY: grosze(feeCounty), BEYOND: grosze(feeBeyond) }, perKmGrosze: grosze(feeKm) },
    };
    try {
      const next = await api.patch<Organisation>('/organisation/rules', { rules, version: org.version });
      org.version = next.version;
      clearErrors(form);
      saved.textContent = t('saved');
    } catch (err) {
      showErrors(form, summary, err);
    }
  });

  // The boundary: a GeoJSON file (Polygon/MultiPolygon, a Feature, or a collection of one).
  const which = h('select', { id: 'boundary-which' }, h('option', { value: 'boundary' }, t('boundaryGmina')), h('option', { value: 'county-boundary' }, t('boundaryCounty')));
  const file = h('input', { id: 'boundary-file', type: 'file', accept: '.geojson,.json,application/geo+json,application/json' });
  const state = h('p', { id: 'boundary-state' }, t('boundaryState', { gmina: t(org.hasBoundary ? 'yes' : 'no'), county: t(org.hasCountyBoundary ? 'yes' : 'no') }));
  const result = h('p', { role: 'status', id: 'boundary-result' });
  const upload = h('form', { class: 'admin-form', id: 'boundary-form' },
    state,
    field(t('boundaryWhich'), which, 'which'),
    field(t('boundaryFile'), file, 'file'),
    h('button', { type: 'submit' }, t('upload')),
    result,
  );
  upload.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.className = '';
    const chosen = file.files?.[0];
    if (!chosen) {
      result.textContent = t('boundaryChoose');
      return;
    }
    let geojson: unknown;
    try {
      geojson = JSON.parse(await chosen.text());
    } catch {
      result.className = 'error';
      result.textContent = t('boundaryNotJson');
      return;
    }
    try {
      // The answer counts the places reclassified; the organisation says which boundaries it has.
      const counted = await api.put<{ places: number; inside: number }>(`/organisation/${which.value}`, geojson);
      const next = await api.get<Organisation>('/organisation');
      state.textContent = t('boundaryState', { gmina: t(next.hasBoundary ? 'yes' : 'no'), county: t(next.hasCountyBoundary ? 'yes' : 'no') });
      result.textContent = t('boundarySaved', { inside: counted.inside, places: counted.places });
      // GeoJSON is longitude first: a file with latitude first puts every place "outside".
      if (counted.places > 0 && counted.inside === 0) {
        result.className = 'warning';
        result.textContent += ` ${t('boundaryNoneInside')}`;
      }
    } catch (err) {
      result.className = 'error';
      result.textContent = err instanceof ApiError ? [err.text(), ...err.fields.map((f) => `${f.path}: ${f.message}`)].join(' ') : String(err);
    }
  });

  return h('div', {},
    h('h2', { id: 'rules-heading' }, t('rulesTitle', { name: org.name })),
    form,
    h('h2', {}, t('boundaryTitle')),
    upload,
  );
}

async function vehiclesSection(): Promise<HTMLElement> {
  const [vehicles, depots] = await Promise.all([api.get<Items<VehicleView>>('/vehicles'), api.get<Items<PlaceView>>('/places?kind=DEPOT')]);
  const depotName = new Map(depots.items.map((d) => [d.id, d.name]));
  let editing: VehicleView | null = null;
  const name = h('input', { id: 'veh-name', type: 'text', required: true, maxlength: 100 });
  const registration = h('input', { id: 'veh-reg', type: 'text', maxlength: 20 });
  const seats = numberInput('veh-seats', 8);
  const wheelchairs = numberInput('veh-wheelchairs', 0);
  const depot = h('select', { id: 'veh-depot' }, h('option', { value: '' }, t('chooseDepot')), ...depots.items.map((d) => h('option', { value: d.id }, d.name)));
  const shiftStart = h('input', { id: 'veh-start', type: 'time', value: '07:00' });
  const shiftEnd = h('input', { id: 'veh-end', type: 'time', value: '15:00' });
  const active = h('input', { id: 'veh-active', type: 'checkbox', checked: true });
  const heading = h('h3', { id: 'veh-form-heading', tabindex: '-1' }, t('vehicleNew'));
  const summary = h('p', { role: 'alert', class: 'error' });
  const savedLine = h('p', { role: 'status', id: 'veh-saved' });
  // Plans from today on that the saved change breaks (a shorter shift, fewer seats): re-plan them.
  const planWarnings = h('ul', { id: 'veh-plan-warnings', class: 'warning' });
  const cancel = h('button', { type: 'button' }, t('newRecord'));
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'vehicle-form', 'aria-labelledby': 'veh-form-heading' },
    field(t('vehName'), name, 'name'), field(t('vehReg'), registration, 'registration'),
    field(t('vehSeats'), seats, 'seats'), field(t('vehWheelchairs'), wheelchairs, 'wheelchairPlaces'),
    field(t('vehDepot'), depot, 'depotPlaceId'),
    field(t('vehShiftStart'), shiftStart, 'shiftStart'), field(t('vehShiftEnd'), shiftEnd, 'shiftEnd'),
    field(t('vehActive'), active, 'active'),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('save')), ' ', cancel),
    summary,
    savedLine,
    planWarnings,
  );
  const fill = (v: VehicleView | null) => {
    editing = v;
    savedLine.textContent = '';
    planWarnings.replaceChildren();
    planWarnings.hidden = true;
    heading.textContent = v ? t('vehicleEdit', { name: v.name }) : t('vehicleNew');
    name.value = v?.name ?? '';
    registration.value = v?.registration ?? '';
    seats.value = String(v?.seats ?? 8);
    wheelchairs.value = String(v?.wheelchairPlaces ?? 0);
    depot.value = v?.depotPlaceId ?? '';
    shiftStart.value = v?.shiftStart ?? '07:00';
    shiftEnd.value = v?.shiftEnd ?? '15:00';
    active.checked = v?.active ?? true;
    clearErrors(form);
    summary.textContent = '';
  };
  cancel.addEventListener('click', () => fill(null));
  const list = h('tbody');
  const section = h('div', {},
    h('h2', {}, t('vehiclesTitle')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'vehicles-table' },
      h('thead', {}, h('tr', {}, ...['vehName', 'vehReg', 'vehSeats', 'vehWheelchairs', 'vehDepot', 'vehShift', 'vehActive', 'colActions'].map((k) => h('th', { scope: 'col' }, t(k as MessageKey))))),
      list)),
    heading,
    form,
  );
  const draw = (items: readonly VehicleView[]) => {
    list.replaceChildren(...items.map((v) => {
      const edit = h('button', { type: 'button' }, t('editRecord', { name: v.name }));
      edit.addEventListener('click', () => {
        fill(v);
        heading.focus();
      });
      return h('tr', { class: v.active ? null : 'cancelled' },
        h('th', { scope: 'row' }, v.name), h('td', {}, v.registration ?? ''), h('td', {}, v.seats), h('td', {}, v.wheelchairPlaces),
        h('td', {}, depotName.get(v.depotPlaceId) ?? ''), h('td', {}, `${v.shiftStart}–${v.shiftEnd}`), h('td', {}, t(v.active ? 'yes' : 'no')), h('td', {}, edit));
    }));
  };
  draw(vehicles.items);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      name: name.value, registration: registration.value || null, seats: Number(seats.value), wheelchairPlaces: Number(wheelchairs.value),
      depotPlaceId: depot.value, shiftStart: shiftStart.value, shiftEnd: shiftEnd.value, active: active.checked,
    };
    try {
      const saved: VehicleView & { planWarnings?: PlanWarning[] } = editing
        ? await api.patch<VehicleView & { planWarnings: PlanWarning[] }>(`/vehicles/${editing.id}`, { ...body, version: editing.version })
        : await api.post<VehicleView>('/vehicles', body);
      draw((await api.get<Items<VehicleView>>('/vehicles')).items);
      // The saved vehicle stays in the form (a second change needs its new version); the line says so.
      fill(saved);
      savedLine.textContent = t('savedRecord', { name: saved.name });
      const warnings = saved.planWarnings ?? [];
      if (warnings.length > 0) savedLine.textContent += ` ${t('vehPlanWarnings')}`;
      planWarnings.hidden = warnings.length === 0;
      planWarnings.replaceChildren(...warnings.map((w) => h('li', {}, lang() === 'en' ? w.messageEn : w.message)));
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  return section;
}

async function placesSection(): Promise<HTMLElement> {
  let places = (await api.get<Items<PlaceView>>('/places')).items;
  let editing: PlaceView | null = null;
  const kind = h('select', { id: 'place-kind' }, ...PLACE_KINDS.map((k) => h('option', { value: k }, kindText(k))));
  const name = h('input', { id: 'place-name', type: 'text', maxlength: 200 });
  const address = h('input', { id: 'place-address', type: 'text', maxlength: 300 });
  const lat = h('input', { id: 'place-lat', type: 'text', inputmode: 'decimal' });
  const lon = h('input', { id: 'place-lon', type: 'text', inputmode: 'decimal' });
  const heading = h('h3', { id: 'place-form-heading', tabindex: '-1' }, t('placeNew'));
  const summary = h('p', { role: 'alert', class: 'error' });
  const savedLine = h('p', { role: 'status', id: 'place-saved' });
  const cancel = h('button', { type: 'button' }, t('newRecord'));
  const form = h('form', { novalidate: true, class: 'admin-form', id: 'place-form', 'aria-labelledby': 'place-form-heading' },
    field(t('placeKind'), kind, 'kind'), field(t('placeName'), name, 'name'), field(t('placeAddress'), address, 'address'),
    field(t('placeLat'), lat, 'lat'), field(t('placeLon'), lon, 'lon'),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('save')), ' ', cancel),
    summary,
    savedLine,
  );
  const fill = (p: PlaceView | null) => {
    editing = p;
    savedLine.textContent = '';
    heading.textContent = p ? t('placeEdit', { name: p.name }) : t('placeNew');
    kind.value = p?.kind ?? 'HEALTH';
    name.value = p?.name ?? '';
    address.value = p?.address ?? '';
    lat.value = p ? String(p.lat) : '';
    lon.value = p ? String(p.lon) : '';
    clearErrors(form);
    summary.textContent = '';
  };
  cancel.addEventListener('click', () => fill(null));
  fill(null);
  const filter = h('input', { id: 'place-filter', type: 'search', autocomplete: 'off' });
  const list = h('tbody');
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const draw = () => {
    const q = filter.value.trim().toLocaleLowerCase();
    // Clients' homes are places too; the list shows service places unless searched for.
    const shown = places.filter((p) => (q ? `${p.name} ${p.address}`.toLocaleLowerCase().includes(q) : p.kind !== 'ADDRESS'));
    count.textContent = t('placesShown', { shown: shown.length, total: places.length });
    list.replaceChildren(...shown.map((p) => {
      const edit = h('button', { type: 'button' }, t('editRecord', { name: p.name }));
      edit.addEventListener('click', () => {
        fill(p);
        heading.focus();
      });
      return h('tr', {},
        h('th', { scope: 'row' }, p.name), h('td', {}, kindText(p.kind)), h('td', {}, p.address),
        h('td', {}, `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`),
        h('td', {}, p.insideGmina === null ? '—' : t(p.insideGmina ? 'yes' : 'no')), h('td', {}, edit));
    }));
  };
  filter.addEventListener('input', draw);
  draw();
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { kind: kind.value, name: name.value, address: address.value, lat: num(lat.value), lon: num(lon.value) };
    try {
      const saved = editing
        ? await api.patch<PlaceView>(`/places/${editing.id}`, { ...body, version: editing.version })
        : await api.post<PlaceView>('/places', body);
      places = (await api.get<Items<PlaceView>>('/places')).items;
      draw();
      fill(saved);
      savedLine.textContent = t('savedRecord', { name: saved.name });
    } catch (err) {
      showErrors(form, summary, err);
    }
  });
  return h('div', {},
    h('h2', {}, t('placesTitle')),
    h('div', { class: 'field' }, h('label', { for: 'place-filter' }, t('placeFilter')), filter),
    count,
    h('div', { class: 'table-wrap' }, h('table', { id: 'places-table' },
      h('thead', {}, h('tr', {}, ...['placeName', 'placeKind', 'placeAddress', 'placeCoords', 'placeInside', 'colActions'].map((k) => h('th', { scope: 'col' }, t(k as MessageKey))))),
      list)),
    heading,
    form,
  );
}

const TABS = { settings: settingsSection, vehicles: vehiclesSection, places: placesSection } as const;
type Tab = keyof typeof TABS;
const TAB_LABEL: Record<Tab, MessageKey> = { settings: 'tabSettings', vehicles: 'tabVehicles', places: 'tabPlaces' };

export const renderAdmin: View = async (root, params) => {
  const asked = params.get('tab') ?? 'settings';
  const tab: Tab = asked in TABS ? (asked as Tab) : 'settings';
  const content = await TABS[tab]();
  const queueLink = h('li', { hidden: true }, h('a', { href: '/admin/queues', target: '_blank', rel: 'noopener', id: 'queue-dashboard' }, t('queueDashboard')));
  root.replaceChildren(
    h('h1', {}, t('adminTitle')),
    h('nav', { 'aria-label': t('adminTabs'), class: 'tabs' },
      h('ul', {}, ...(Object.keys(TABS) as Tab[]).map((k) => h('li', {}, h('a', { href: `#/admin?tab=${k}`, 'aria-current': k === tab ? 'page' : null }, t(TAB_LABEL[k])))),
        queueLink)),
    content,
  );
  // The dashboard opens only for the installation's administrators (D26): the link is shown to
  // those it opens for, not to a centre's administrator who would get a bare "not found".
  void fetch('/admin/queues', { method: 'HEAD', credentials: 'same-origin', redirect: 'manual' })
    .then((res) => {
      if (res.ok) queueLink.hidden = false;
    })
    .catch(() => undefined);
};
