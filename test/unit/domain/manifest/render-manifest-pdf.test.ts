import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { COLS, FONT } from '../../../../src/domain/manifest/render-manifest-pdf.js';

describe('the PDF manifest’s columns', () => {
  it('fill the A4 page between its margins and keep a reported stop’s mark and time on one line', () => {
    const last = COLS[COLS.length - 1]!;
    expect(last.x + last.w).toBe(595 - 40);
    for (let i = 1; i < COLS.length; i++) expect(COLS[i]!.x).toBe(COLS[i - 1]!.x + COLS[i - 1]!.w);
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('regular', FONT);
    doc.font('regular').fontSize(8.5);
    const oneLine = doc.heightOfString('☐', { width: last.w - 4 });
    // The rows' font and size; a 20 pt column broke "☑ 07:46" into three lines.
    expect(doc.heightOfString('☑ 07:46', { width: last.w - 4 })).toBe(oneLine);
    expect(doc.heightOfString('☑ 07:46', { width: 20 - 4 })).toBeGreaterThan(oneLine);
  });
});
