// Writes bundle CSV files (UTF-8 without BOM, RFC 4180 quoting, header row) by fast string building.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSpec, type BundleFileName } from '../../common/bundle-spec';
import type { BundleRows } from './bundle-rows';

const needsQuotes = /[",\r\n]/;
const cell = (v: string | number | boolean | null): string => {
  if (v === null) return '';
  const s = String(v);
  return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function csvText(header: readonly string[], rows: readonly (string | number | boolean | null)[][]): string {
  const parts: string[] = [header.join(',')];
  for (const r of rows) parts.push(r.map(cell).join(','));
  return `${parts.join('\n')}\n`;
}

/** Writes every file present in `rows`; returns the row count per file. */
export function writeBundle(dir: string, rows: BundleRows): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [file, list] of Object.entries(rows) as [BundleFileName, NonNullable<BundleRows[BundleFileName]>][]) {
    const header = fileSpec(file).columns.map((c) => c.name);
    writeFileSync(join(dir, `${file}.csv`), csvText(header, list));
    counts[file] = list.length;
  }
  return counts;
}
