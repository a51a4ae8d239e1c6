import ExcelJS from 'exceljs';
import { specColumns, type QueryFilters } from '../../common/metric-ids';
import { queryMetric, type AllowedScope, type MetricRow } from '../../warehouse/query-metric';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { columnLabel } from '../columns/column-labels';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  rows: number;
}

/** Rows of any metric or breach list as a spreadsheet with Russian headers and typed columns. */
export async function exportMetric(warehouse: Warehouse, id: string, format: ExportFormat, filters: QueryFilters = {}, allowed: AllowedScope = {}, childColumns: string[] = []): Promise<ExportFile> {
  const upper = id.toUpperCase();
  // aggregates-only callers: columns naming a child are emptied (a final's record_id names the child too)
  const rows = (await queryMetric(warehouse, upper, filters, allowed)).map((r) => childColumns.length
    ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, childColumns.includes(k) && (k !== 'record_id' || r.student_id != null) ? null : v]))
    : r);
  const columns = rows.length ? Object.keys(rows[0]!) : [...(specColumns[upper as keyof typeof specColumns] ?? [])];
  const stamp = [filters.school, filters.class, filters.period, filters.asOf].filter(Boolean).join('_');
  const fileName = `${upper}${stamp ? `_${stamp}` : ''}.${format}`;
  return format === 'csv'
    ? { bytes: toCsv(rows, columns), contentType: 'text/csv; charset=utf-8', fileName, rows: rows.length }
    : { bytes: await toXlsx(upper, rows, columns), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName, rows: rows.length };
}

const quote = (s: string): string => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV for Excel in a Russian locale: UTF-8 with BOM, `;` between cells, decimal comma, CRLF. */
export function toCsv(rows: MetricRow[], columns: string[]): Buffer {
  const lines = [columns.map((c) => quote(columnLabel(c).label)).join(';')];
  for (const r of rows) lines.push(columns.map((c) => quote(csvCell(c, r[c]))).join(';'));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvCell(column: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  const { kind } = columnLabel(column);
  if ((kind === 'number' || kind === 'percent') && typeof v === 'number') return String(v).replace('.', ',');
  if (kind === 'bool') return v === true ? 'да' : 'нет';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** "2025-09-11T00:05:00+05:00" -> a Date whose UTC fields are the school's wall clock (Excel has no zones). */
const wallClock = (iso: string): Date => new Date(`${iso.slice(0, 19)}Z`);

export async function toXlsx(sheetName: string, rows: MetricRow[], columns: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Svodka';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => {
    const { label, kind } = columnLabel(c);
    const numFmt = kind === 'int' ? '0' : kind === 'number' ? '0.00' : kind === 'percent' ? '0.0' : kind === 'date' ? 'dd.mm.yyyy' : kind === 'instant' ? 'dd.mm.yyyy hh:mm' : undefined;
    return { header: label, key: c, width: Math.max(12, label.length + 2), style: numFmt ? { numFmt } : {} };
  });
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(Object.fromEntries(columns.map((c) => [c, xlsxCell(c, r[c])])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function xlsxCell(column: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (columnLabel(column).kind) {
    case 'int': case 'number': case 'percent': return Number(v);
    case 'date': return new Date(`${String(v).slice(0, 10)}T00:00:00Z`);
    case 'instant': return wallClock(String(v));
    case 'bool': return v === true || v === 'true';
    case 'list': return Array.isArray(v) ? v.join(', ') : String(v);
    default: return String(v);
  }
}
