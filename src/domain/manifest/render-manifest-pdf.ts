/**
 * Drivers' manifests as one PDF, A4, one vehicle per page (more pages when its day is long).
 * The font is DejaVu Sans vendored in assets/fonts (free licence beside it): PDF's built-in
 * fonts have no Polish letters, and the production image has no system fonts.
 */
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Manifest } from './manifest.js';
import { checkMark, kmText } from './render-manifest-html.js';

export const FONT = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url));

const MARGIN = 40;
/** Column x positions and widths on an A4 page (595 pt wide). */
// The last column is wide enough for a reported stop's mark and time on one line ("☑ 07:46").
export const COLS = [
  { key: 'seq', x: MARGIN, w: 22 },
  { key: 'time', x: MARGIN + 22, w: 44 },
  { key: 'action', x: MARGIN + 66, w: 76 },
  { key: 'passenger', x: MARGIN + 142, w: 116 },
  { key: 'place', x: MARGIN + 258, w: 136 },
  { key: 'needs', x: MARGIN + 394, w: 77 },
  { key: 'check', x: MARGIN + 471, w: 44 },
] as const;
type Col = (typeof COLS)[number]['key'];

function header(doc: PDFKit.PDFDocument, m: Manifest): void {
  doc.font('bold').fontSize(16).text(`Karta drogowa — ${m.vehicle.name}${m.vehicle.registration ? ` (${m.vehicle.registration})` : ''}`, MARGIN, MARGIN);
  doc.font('regular').fontSize(10)
    .text(`Dzień / day: ${m.date} · plan ${m.plan.revision} · miejsca / seats ${m.vehicle.seats}, wózki / wheelchairs ${m.vehicle.wheelchairPlaces}`)
    .text(`Baza / depot: ${m.depot.name}, ${m.depot.address} · zmiana / shift ${m.shift.start}–${m.shift.end}` +
      (m.departDepot ? ` · wyjazd / leave ${m.departDepot}, powrót / back ${m.returnDepot ?? ''}` : '') + ` · ${kmText(m.distanceKm)} km`);
  if (m.travelTimes?.note) doc.fillColor('#a86400').text(`⚠ ${m.travelTimes.note.pl} / ${m.travelTimes.note.en}`).fillColor('black');
  doc.moveDown(0.5);
}

function row(doc: PDFKit.PDFDocument, cells: Record<Col, string>, bold: boolean): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
  const heights = COLS.map((c) => doc.heightOfString(cells[c.key], { width: c.w - 4 }));
  const height = Math.max(...heights) + 6;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  const y = doc.y;
  for (const c of COLS) {
    doc.rect(c.x, y, c.w, height).stroke('#555555');
    doc.text(cells[c.key], c.x + 2, y + 3, { width: c.w - 4 });
  }
  doc.x = MARGIN;
  doc.y = y + height;
}

function vehiclePage(doc: PDFKit.PDFDocument, m: Manifest): void {
  header(doc, m);
  row(doc, { seq: '#', time: 'Godz.\nTime', action: 'Co\nWhat', passenger: 'Pasażer\nPassenger', place: 'Miejsce\nPlace', needs: 'Potrzeby\nNeeds', check: '✓' }, true);
  for (const s of m.stops) {
    row(doc, {
      seq: String(s.sequence),
      time: s.time + (s.appointment ? `\nwizyta ${s.appointment}` : ''),
      action: `${s.action.pl}\n${s.action.en}`,
      passenger: s.passenger.name + (s.passenger.phone ? `\n${s.passenger.phone}` : ''),
      place: `${s.place.name}\n${s.place.address}`,
      needs: [...s.needs.map((n) => n.pl), ...s.notes].join('\n'),
      check: checkMark(s),
    }, false);
  }
  if (!m.stops.length) doc.font('regular').fontSize(11).text('Brak przejazdów tego dnia. / No rides on this day.');
}

/** One PDF with a page (or more) per manifest, in the order given. */
export function renderManifestsPdf(manifests: readonly Manifest[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: 'Karty drogowe / drivers’ manifests', Creator: 'Dowóz' } });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const m of manifests) {
    doc.addPage();
    vehiclePage(doc, m);
  }
  if (!manifests.length) {
    doc.addPage();
    doc.font('regular').fontSize(12).text('Brak kart drogowych. / No manifests.');
  }
  doc.end();
  return done;
}
