// Rows of a spreadsheet export as text cells, streamed: XLSX through exceljs' streaming reader (memory
// stays flat for big files), CSV as text (UTF-8 or Windows-1251, `,` `;` or tab).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { decodeText, type TextEncodingName } from '../oneroster/decode-text';
import './exceljs-utf8';
import { parseCsvRecords, sniffDelimiter } from '../oneroster/parse-csv';

export interface SheetRow {
  /** row number as the user sees it in Excel / the text editor (1-based) */
  line: number;
  cells: string[];
}

export interface Sheet {
  index: number;
  name: string;
  rows: AsyncIterable<SheetRow>;
}

export class CellFormulaError extends Error {
  constructor(readonly line: number, readonly col: number, readonly formula: string) {
    super(`formula without a cached result at row ${line}, column ${col}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text. Dates as YYYY-MM-DD; formulas give their cached result and are never evaluated. */
export function cellText(v: unknown, line: number, col: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) throw new CellFormulaError(line, col, String(o.formula ?? o.sharedFormula));
      return cellText(o.result, line, col);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('').trim();
    if ('text' in o) return cellText(o.text, line, col);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

export const isXlsx = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Sheets of an XLSX file in order, each a stream of rows (empty rows are skipped by Excel itself).
 * exceljs' streaming reader can fail with "reading 'sheets'" when a worksheet is reached before the
 * workbook part is parsed (a race inside the library, seen on files exceljs itself wrote); the sheets
 * not yet given are then read with the whole-file reader.
 */
export async function* xlsxSheets(path: string): AsyncGenerator<Sheet> {
  let given = 0;
  try {
    for await (const sheet of streamedSheets(path)) {
      given++;
      yield sheet;
    }
  } catch (err) {
    if (!(err instanceof TypeError && /reading 'sheets'/.test(err.message))) throw err;
    yield* wholeFileSheets(path, given);
  }
}

async function* streamedSheets(path: string): AsyncGenerator<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' } as never);
  let index = 0;
  for await (const ws of reader) {
    const name = String((ws as unknown as { name?: string }).name ?? `Лист${index + 1}`);
    async function* rows(): AsyncGenerator<SheetRow> {
      for await (const row of ws) yield sheetRow(row.values as unknown[], row.number);
    }
    yield { index: index++, name, rows: rows() };
  }
}

export async function* wholeFileSheets(path: string, skip: number): AsyncGenerator<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let index = 0;
  for (const ws of wb.worksheets) {
    if (index < skip) { index++; continue; }
    async function* rows(): AsyncGenerator<SheetRow> {
      const all: SheetRow[] = [];
      ws.eachRow((row, number) => { all.push(sheetRow(row.values as unknown[], number)); });
      yield* all;
    }
    yield { index: index++, name: ws.name, rows: rows() };
  }
}

function sheetRow(values: unknown[] | undefined, line: number): SheetRow {
  const v = values ?? [];
  const cells: string[] = [];
  for (let c = 1; c < v.length; c++) cells.push(cellText(v[c], line, c));
  return { line, cells };
}

/** A CSV export as one sheet. */
export function csvSheet(bytes: Uint8Array, name: string): { sheet: Sheet; encoding: TextEncodingName; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const { records, lines } = parseCsvRecords(text, delimiter);
  async function* rows(): AsyncGenerator<SheetRow> {
    for (let i = 0; i < records.length; i++) yield { line: lines[i]!, cells: records[i]!.map((c) => c.trim()) };
  }
  return { sheet: { index: 0, name, rows: rows() }, encoding, delimiter };
}

export const readBytes = (path: string): Uint8Array => readFileSync(path);
