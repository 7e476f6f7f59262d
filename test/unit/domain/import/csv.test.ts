import { describe, expect, it } from 'vitest';
import { detectDelimiter, headerKey, mapColumns, parseCsv, parseDecimal } from '../../../../src/domain/import/csv.js';

describe('parseCsv', () => {
  it('reads a semicolon file with a BOM and CRLF, numbering rows as a spreadsheet does', () => {
    const table = parseCsv('\uFEFFimie;nazwisko\r\nJan;Kowalski\r\n\r\nAnna;Nowak\r\n');

    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['imie', 'nazwisko']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Jan', 'Kowalski'] },
      { rowNumber: 4, cells: ['Anna', 'Nowak'] },
    ]);
  });

  it('reads commas with quoted fields holding the delimiter, quotes and a line break', () => {
    const table = parseCsv('name,notes\n"Dom, ""Pod Lipą""","line one\nline two"\nnext,x\n');

    expect(table.delimiter).toBe(',');
    expect(table.rows[0]!.cells).toEqual(['Dom, "Pod Lipą"', 'line one\nline two']);
    expect(table.rows[1]).toEqual({ rowNumber: 4, cells: ['next', 'x'] });
  });

  it('reads a last line without a line end', () => {
    expect(parseCsv('a;b\n1;2').rows).toEqual([{ rowNumber: 2, cells: ['1', '2'] }]);
  });
});

describe('CSV helpers', () => {
  it('picks the delimiter the header uses most, ignoring quoted text', () => {
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
  });

  it('matches header names without case, Polish letters or separators', () => {
    expect(headerKey('Kod pocztowy')).toBe(headerKey('KOD_POCZTOWY'));
    expect(headerKey('Miejscowość')).toBe('miejscowosc');
    expect(mapColumns(['X_KOORD', 'Numer'], { x: ['x', 'x_koord'], nr: ['numer_porzadkowy', 'numer'], y: ['y'] })).toEqual({ x: 0, nr: 1, y: undefined });
  });

  it('reads decimal points and decimal commas, and flags text that is not a number', () => {
    expect(parseDecimal('54,213')).toBe(54.213);
    expect(parseDecimal('-21.5')).toBe(-21.5);
    expect(parseDecimal(undefined)).toBeUndefined();
    expect(parseDecimal('54.2.1')).toBeNaN();
  });
});
