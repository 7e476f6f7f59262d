/**
 * PRG address points from the register's GML, read with regular expressions over the text: the
 * files are flat lists of features, so a full XML parser (a new dependency) buys nothing here.
 * Element prefixes are not fixed by XML, so only local names are matched.
 *
 * Two models are published:
 * - 2012 (`prg-ad`, urn:gugik:specyfikacje:gmlas:panstwowyRejestrGranicAdresy:1.0):
 *   PRG_PunktAdresowy carries miejscowosc, ulica, numerPorzadkowy, kodPocztowy and
 *   pozycja/gml:Point/gml:pos as "x y" in the Polish convention: northing first. The SIMC id is
 *   the 7-digit tail of the komponent link to the locality (…EMUiA_0910140).
 * - 2021 (`prgad`, https://geoportal.gov.pl/schemas/prgad/1.0): AD_PunktAdresowy carries
 *   numerPorzadkowy, kodPocztowy, georeferencja/gml:pos with the easting first, and links
 *   (xlink:href="#id") to AD_Miejscowosc (nazwa, identyfikatorSIMC) and AD_UlicaPlac (nazwaPelna).
 * The axis order follows the model unless the caller names one.
 */
import { puwg1992FromPair, type AxisOrder } from './puwg1992.js';
import type { RawAddressPoint } from './address-point.js';
import type { ParsedPoints } from './prg-csv.js';

/** Every element `<prefix:name …>…</prefix:name>` (not self-closed), with its attributes and body. */
function* elements(xml: string, localName: string): Generator<{ attrs: string; body: string }> {
  const re = new RegExp(`<([\\w.-]+:)?${localName}\\b([^>]*?)>([\\s\\S]*?)</\\1?${localName}>`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[2] ?? '', body: m[3] ?? '' };
}

/** The text of the first child element with this local name; undefined when absent, nil or empty. */
function childText(body: string, localName: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b[^>]*?(/?)>(?:([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>)?`).exec(body);
  if (!m || m[1] === '/') return undefined;
  const text = decodeXml((m[2] ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim());
  return text || undefined;
}

/** The xlink:href of the first child with this local name. */
function childHref(body: string, localName: string): string | undefined {
  return new RegExp(`<(?:[\\w.-]+:)?${localName}\\b[^>]*?xlink:href="([^"]*)"`).exec(body)?.[1];
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function positionOf(body: string, order: AxisOrder) {
  const pos = childText(body, 'pos')?.split(/\s+/).map(Number);
  if (!pos || pos.length !== 2) return undefined;
  return puwg1992FromPair(pos[0]!, pos[1]!, order);
}

/** Parses either GML model; axisOrder overrides the model's usual order. */
export function parsePrgGml(xml: string, axisOrder?: AxisOrder): ParsedPoints {
  const points: RawAddressPoint[] = [];
  let ordinal = 0;
  for (const { body } of elements(xml, 'PRG_PunktAdresowy')) {
    ordinal++;
    const simc = [...body.matchAll(/xlink:href="[^"]*EMUiA_(\d{7})"/g)][0]?.[1];
    points.push({
      row: ordinal,
      simc,
      locality: childText(body, 'miejscowosc'),
      street: childText(body, 'ulica'),
      houseNumber: childText(body, 'numerPorzadkowy'),
      postcode: childText(body, 'kodPocztowy'),
      position: positionOf(body, axisOrder ?? 'northingEasting'),
    });
  }
  if (points.length) return { points, fileErrors: [] };

  const localities = new Map<string, { name?: string | undefined; simc?: string | undefined }>();
  for (const { attrs, body } of elements(xml, 'AD_Miejscowosc')) {
    const id = attr(attrs, 'gml:id');
    if (id) localities.set(id, { name: childText(body, 'nazwa'), simc: childText(body, 'identyfikatorSIMC') });
  }
  const streets = new Map<string, string | undefined>();
  for (const { attrs, body } of elements(xml, 'AD_UlicaPlac')) {
    const id = attr(attrs, 'gml:id');
    if (id) streets.set(id, childText(body, 'nazwaPelna'));
  }
  for (const { body } of elements(xml, 'AD_PunktAdresowy')) {
    ordinal++;
    const locality = localities.get(childHref(body, 'miejscowosc')?.replace(/^#/, '') ?? '');
    const streetRef = (childHref(body, 'ulica2') ?? childHref(body, 'ulica'))?.replace(/^#/, '');
    points.push({
      row: ordinal,
      simc: locality?.simc,
      locality: locality?.name,
      street: streetRef ? streets.get(streetRef) : undefined,
      houseNumber: childText(body, 'numerPorzadkowy'),
      postcode: childText(body, 'kodPocztowy'),
      position: positionOf(body, axisOrder ?? 'eastingNorthing'),
    });
  }
  return { points, fileErrors: [] };
}
