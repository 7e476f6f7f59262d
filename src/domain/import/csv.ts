/**
 * A small RFC 4180 CSV reader for what centres and GUGiK export: UTF-8 with or without a BOM,
 * separated by semicolons (Polish Excel's default, since the comma is the decimal sign) or
 * commas, fields optionally in double quotes with "" for a quote, CRLF or LF line ends.
 */

export interface CsvTable {
  /** Header names as written (trimmed). */
  readonly header: readonly string[];
  /** Data rows with their spreadsheet row number (the header is row 1, so the first data row is 2). */
  readonly rows: readonly { readonly rowNumber: number; readonly cells: readonly string[] }[];
  readonly delimiter: ';' | ',' | '\t';
}

/** The delimiter is the one of ; , and tab that occurs most in the header line (outside quotes). */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = ([';', ',', '\t'] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

/** Parses the whole text; blank lines are skipped but still counted, so row numbers match the spreadsheet. */
export function parseCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = body.search(/\r?\n/);
  const delimiter = detectDelimiter(firstLineEnd < 0 ? body : body.slice(0, firstLineEnd));
  const records = splitRecords(body, delimiter);
  const [headerRecord, ...dataRecords] = records;
  const header = (headerRecord?.cells ?? []).map((h) => h.trim());
  const rows = dataRecords
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ rowNumber: r.line, cells: r.cells }));
  return { header, rows, delimiter };
}

/** Records with the line each starts on (1-based); a quoted field may span lines. */
function splitRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      inQuotes = true;
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }
  return records;
}

/** Header names compared without case, diacritics, spaces, "_" or "-": "Kod pocztowy" = "KOD_POCZTOWY". */
export function headerKey(name: string): string {
  return name
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Finds each wanted column by any of its accepted names; answers column index per field,
 * undefined when the file has none of the names.
 */
export function mapColumns<F extends string>(header: readonly string[], names: Record<F, readonly string[]>): Record<F, number | undefined> {
  const keys = header.map(headerKey);
  const out = {} as Record<F, number | undefined>;
  for (const field of Object.keys(names) as F[]) {
    const idx = names[field].map(headerKey).map((k) => keys.indexOf(k)).find((i) => i >= 0);
    out[field] = idx;
  }
  return out;
}

/** A cell as trimmed text; empty or missing → undefined. */
export function cellOf(cells: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const v = cells[index]?.trim();
  return v ? v : undefined;
}

/** A number written either way: "54.213" or, as Polish spreadsheets do, "54,213". */
export function parseDecimal(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.replace(/\s/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}
