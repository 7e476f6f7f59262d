import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrgCsv } from '../../../../src/domain/address/prg-csv.js';
import { parsePrgGml } from '../../../../src/domain/address/prg-gml.js';
import { checkAddressPoint } from '../../../../src/domain/address/address-point.js';
import { readPrgFile, prgFormatOf } from '../../../../src/domain/address/import-address-points.js';
import { puwg1992ToWgs84, wgs84ToPuwg1992 } from '../../../../src/domain/address/puwg1992.js';
import { SROKOWO_POINTS } from '../../../fixtures/prg/make-prg-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/prg/${name}`, import.meta.url), 'utf8');

describe('PRG CSV', () => {
  it('reads the register export (BOM, semicolons, X = northing) back onto the original WGS84 points', () => {
    const { valid, rejected, read } = readPrgFile(fixture('srokowo-prg.csv'), 'csv');

    expect(rejected).toEqual([]);
    expect(read).toBe(SROKOWO_POINTS.length);
    valid.forEach((p, i) => {
      const want = SROKOWO_POINTS[i]!;
      expect(p).toMatchObject({ locality: want.locality, street: want.street, houseNumber: want.houseNumber, postcode: want.postcode, simc: want.simc });
      expect(p.lat).toBeCloseTo(want.lat, 6);
      expect(p.lon).toBeCloseTo(want.lon, 6);
    });
  });

  it('accepts other header spellings, commas and decimal commas, with the GIS axis order', () => {
    const m = wgs84ToPuwg1992({ lat: 54.2148, lon: 21.5235 });
    const text = `miejscowość,ulica,numer,kod pocztowy,x_epsg_2180,y_epsg_2180\nSrokowo,Leśny Rów,3,11-420,"${m.easting.toFixed(2).replace('.', ',')}","${m.northing.toFixed(2).replace('.', ',')}"\n`;

    const { points } = parsePrgCsv(text, 'eastingNorthing');

    expect(puwg1992ToWgs84(points[0]!.position!).lat).toBeCloseTo(54.2148, 6);
  });

  it('rejects the file when a required column is missing, naming it', () => {
    expect(parsePrgCsv('miejscowosc;ulica;x;y\nSrokowo;Szkolna;1;2\n').fileErrors.map((e) => e.field)).toEqual(['numer_porzadkowy']);
  });

  it('reports each bad row with its spreadsheet number: a missing number, coordinates outside Poland', () => {
    const text = 'MIEJSCOWOSC;ULICA;NUMER_PORZADKOWY;X;Y\nSrokowo;Szkolna;;708356.86;664182.77\nSrokowo;Szkolna;5;12;34\nSrokowo;Szkolna;4;708356.86;664182.77\n';

    const { valid, rejected } = readPrgFile(text, 'csv');

    expect(valid.map((p) => p.houseNumber)).toEqual(['4']);
    expect(rejected.map((r) => [r.row, r.field])).toEqual([
      [2, 'numer'],
      [3, 'x/y'],
    ]);
    expect(rejected[1]!.messageEn).toContain('outside Poland');
  });
});

describe('PRG GML', () => {
  it('reads the 2012 model (prg-ad, northing first) with its SIMC and a nil street', () => {
    const { points } = parsePrgGml(fixture('srokowo-prg.gml'));
    const checked = points.map(checkAddressPoint);

    expect(points).toHaveLength(SROKOWO_POINTS.length);
    expect(points[3]).toMatchObject({ row: 4, locality: 'Leśniewo', street: undefined, houseNumber: '12', simc: '0483306' });
    const first = checked[0]!;
    expect('point' in first && first.point.lat).toBeCloseTo(54.2148, 6);
    expect('point' in first && first.point.lon).toBeCloseTo(21.5235, 6);
  });

  it('reads the 2021 model (prgad, easting first) by following its locality and street links', () => {
    const m = wgs84ToPuwg1992({ lat: 54.2131, lon: 21.5186 });
    const xml = `<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:prgad="https://geoportal.gov.pl/schemas/prgad/1.0">
  <gml:featureMember><prgad:AD_Miejscowosc gml:id="M1"><prgad:nazwa>Srokowo</prgad:nazwa><prgad:identyfikatorSIMC>0483260</prgad:identyfikatorSIMC></prgad:AD_Miejscowosc></gml:featureMember>
  <gml:featureMember><prgad:AD_PunktAdresowy gml:id="P1"><prgad:numerPorzadkowy>4</prgad:numerPorzadkowy>
    <prgad:georeferencja><gml:Point srsName="EPSG:2180"><gml:pos>${m.easting} ${m.northing}</gml:pos></gml:Point></prgad:georeferencja>
    <prgad:kodPocztowy>11-420</prgad:kodPocztowy><prgad:miejscowosc xlink:href="#M1" /><prgad:ulica2 xlink:href="#U1" /></prgad:AD_PunktAdresowy></gml:featureMember>
  <gml:featureMember><prgad:AD_UlicaPlac gml:id="U1"><prgad:nazwaPelna>Szkolna &amp; Boczna</prgad:nazwaPelna></prgad:AD_UlicaPlac></gml:featureMember>
</gml:FeatureCollection>`;

    const { valid, rejected } = readPrgFile(xml, prgFormatOf('application/gml+xml', xml));

    expect(rejected).toEqual([]);
    expect(valid).toHaveLength(1);
    expect(valid[0]).toMatchObject({ locality: 'Srokowo', simc: '0483260', street: 'Szkolna & Boczna', houseNumber: '4', postcode: '11-420' });
    expect(valid[0]!.lat).toBeCloseTo(54.2131, 6);
  });

  it('tells the format from the content type, else from the first character', () => {
    expect(prgFormatOf('text/csv; charset=utf-8', '<x')).toBe('csv');
    expect(prgFormatOf(undefined, '\uFEFF  <?xml')).toBe('gml');
    expect(prgFormatOf('application/octet-stream', 'a;b')).toBe('csv');
  });
});
