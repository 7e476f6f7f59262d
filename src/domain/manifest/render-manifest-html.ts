/** The printable manifest (A4; also readable on a phone). Polish first, English in small print. */
import type { Manifest } from './manifest.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Stop = Manifest['stops'][number];
/** A stop still to be served: only those have an estimate worth reading. */
const isOpen = (s: Stop) => s.state === 'PLANNED' || s.state === 'ARRIVED';
/** The box to tick on paper; a stop already reported shows what happened and when. */
export function checkMark(s: Stop): string {
  if (s.state === 'DONE') return `☑ ${s.actual.done ?? ''}`.trim();
  if (s.state === 'NO_SHOW') return `✗ ${s.actual.done ?? ''}`.trim();
  if (s.state === 'SKIPPED' || s.state === 'CANCELLED') return '—';
  return '☐';
}

/** A distance in km written the Polish way ("265,6"), on paper and in the PDF. */
export function kmText(km: number): string {
  return String(km).replace('.', ',');
}

export function renderManifestHtml(m: Manifest): string {
  const rows = m.stops
    .map(
      (s) => `<tr class="${s.kind.toLowerCase()}">
  <td class="seq">${s.sequence}</td>
  <td class="time"><strong>${esc(s.time)}</strong>${isOpen(s) && s.eta !== s.time ? `<br><small>teraz ok. / now about ${esc(s.eta)}</small>` : ''}${s.appointment ? `<br><small>wizyta / appointment ${esc(s.appointment)}</small>` : ''}</td>
  <td>${esc(s.action.pl)}<br><small lang="en">${esc(s.action.en)}</small></td>
  <td><strong>${esc(s.passenger.name)}</strong>${s.passenger.phone ? `<br><a href="tel:${esc(s.passenger.phone.replace(/\s+/g, ''))}">${esc(s.passenger.phone)}</a>` : ''}</td>
  <td>${esc(s.place.name)}<br><small>${esc(s.place.address)}</small><br><a class="nav" href="${esc(s.navigationUrl)}">nawiguj / navigate</a></td>
  <td>${s.needs.map((n) => `${esc(n.pl)}<br><small lang="en">${esc(n.en)}</small>`).join('<br>')}${s.notes.map((n) => `<br><em>${esc(n)}</em>`).join('')}</td>
  <td class="check">${checkMark(s)}</td>
</tr>`,
    )
    .join('\n');
  const estimate = m.travelTimes?.note
    ? `<p class="warning" role="note">⚠ ${esc(m.travelTimes.note.pl)}<br><small lang="en">${esc(m.travelTimes.note.en)}</small></p>`
    : '';
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Karta drogowa ${esc(m.vehicle.name)} ${esc(m.date)}</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #111; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .meta { margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #555; padding: .35rem .45rem; vertical-align: top; text-align: left; }
  th { background: #e8e8e8; }
  tr.pickup td.seq { border-left: 6px solid #0a5; }
  tr.dropoff td.seq { border-left: 6px solid #b40; }
  .time { white-space: nowrap; }
  .check { text-align: center; font-size: 1.2rem; }
  small { color: #333; }
  .warning { border: 2px solid #b40; padding: .5rem; }
  a { color: #0645ad; }
  /* A phone: each stop a card of its own, no table wider than the screen. */
  @media screen and (max-width: 640px) {
    body { margin: .75rem; }
    table, tbody, tr, td { display: block; width: auto; }
    thead { display: none; }
    tr { border: 1px solid #555; margin: 0 0 .6rem; }
    td { border: none; padding: .2rem .5rem; }
    td.check { text-align: left; }
  }
  @page { size: A4; margin: 12mm; }
  @media print { body { margin: 0; font-size: 11pt; } a.nav { display: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Karta drogowa — ${esc(m.vehicle.name)}${m.vehicle.registration ? ` (${esc(m.vehicle.registration)})` : ''}</h1>
<p class="meta">Dzień / day: <strong>${esc(m.date)}</strong> · zmiana / shift ${esc(m.shift.start)}–${esc(m.shift.end)} ·
baza / depot: ${esc(m.depot.name)}, ${esc(m.depot.address)}<br>
${m.departDepot ? `Wyjazd z bazy / leave depot <strong>${esc(m.departDepot)}</strong> · powrót / back <strong>${esc(m.returnDepot ?? '')}</strong> · ${kmText(m.distanceKm)} km · ` : ''}
plan nr ${m.plan.revision}, wersja / version ${m.version}</p>
${estimate}
${m.outOfServiceAt ? `<p class="warning" role="note">Pojazd wyłączony z ruchu od ${esc(m.outOfServiceAt)} <small lang="en">Vehicle out of service from ${esc(m.outOfServiceAt)}</small></p>` : ''}
${
  m.changes.length
    ? `<section class="changes"><h2>Zmiany w planie <small lang="en">Changes to the plan</small></h2><ul>${m.changes
        .map((c) => `<li>${esc(c.pl)}<br><small lang="en">${esc(c.en)}</small></li>`)
        .join('')}</ul></section>`
    : ''
}
${
  m.stops.length
    ? `<table>
<thead><tr><th>#</th><th>Godz.<br><small>Time</small></th><th>Czynność<br><small>Action</small></th><th>Pasażer<br><small>Passenger</small></th><th>Adres<br><small>Address</small></th><th>Potrzeby, uwagi<br><small>Needs, notes</small></th><th>✓</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>Brak przejazdów dla tego pojazdu w tym dniu. <small lang="en">No rides for this vehicle on this day.</small></p>'
}
</body>
</html>`;
}
