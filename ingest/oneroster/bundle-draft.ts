import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSpec, type BundleFileName } from '../../common/bundle-spec';
import { csvLine, parseCsv } from './parse-csv';

/** Where a bundle row came from: the source file, its line, and bundle column -> source column. */
export interface Provenance {
  file: string;
  line: number;
  columns: Record<string, string>;
}

export interface DraftFile {
  rows: Record<string, string>[];
  prov: Provenance[];
  /**
   * Rows too many to hold as objects, already written as the bundle file (header + rows in spec
   * column order) — then `rows` and `prov` are empty and provenance is computed per row.
   */
  spill?: SpilledRows;
}

export interface SpilledRows {
  path: string;
  count: number;
  provAt(index: number): Provenance | undefined;
}

/** A journal bundle being built from another format, with the provenance of every row. */
export interface BundleDraft {
  schoolId: string;
  manifest: Record<string, string>;
  files: Partial<Record<BundleFileName, DraftFile>>;
}

export function newDraft(schoolId: string): BundleDraft {
  return { schoolId, manifest: { format: 'journal-bundle', version: '1', school_id: schoolId }, files: {} };
}

export function addRow(draft: BundleDraft, file: BundleFileName, row: Record<string, string>, prov: Provenance): void {
  const f = (draft.files[file] ??= { rows: [], prov: [] });
  f.rows.push(row);
  f.prov.push(prov);
}

export const rowCount = (draft: BundleDraft, file: BundleFileName): number =>
  (draft.files[file]?.rows.length ?? 0) + (draft.files[file]?.spill?.count ?? 0);

/** The rows of a draft file as objects (read back from disk when spilled: dry runs and previews only). */
export function draftRows(draft: BundleDraft, file: BundleFileName, limit = Infinity): Record<string, string>[] {
  const f = draft.files[file];
  if (!f?.spill) return (f?.rows ?? []).slice(0, limit);
  let t;
  try {
    t = parseCsv(limit === Infinity ? readFileSync(f.spill.path, 'utf8') : head(f.spill.path));
  } catch {
    t = parseCsv(readFileSync(f.spill.path, 'utf8')); // the first megabyte ended inside a quoted line break
  }
  return t.rows.slice(0, limit).map((cells) => Object.fromEntries(t.header.map((h, i) => [h, cells[i] ?? ''])));
}

/** The first megabyte of a file cut after its last whole line (a preview needs a few rows, not a million). */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n < buf.length) return buf.toString('utf8', 0, n);
    return buf.toString('utf8', 0, buf.lastIndexOf(0x0a, n - 1) + 1);
  } finally {
    closeSync(fd);
  }
}

/** Files the bundle requires that the source had nothing for: written with headers only. */
export const emptyRequiredFiles = (draft: BundleDraft): BundleFileName[] =>
  bundleSpec.filter((s) => s.required && s.file !== 'manifest' && rowCount(draft, s.file) === 0).map((s) => s.file);

/** Writes the draft as a bundle folder: required files always (header only when empty), others when they have rows. */
export function writeBundleDraft(draft: BundleDraft, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const spec of bundleSpec) {
    if (spec.file === 'manifest') {
      let out = csvLine(['key', 'value']);
      for (const [k, v] of Object.entries(draft.manifest)) if (v !== '') out += csvLine([k, v]);
      writeFileSync(join(dir, 'manifest.csv'), out);
      continue;
    }
    const f = draft.files[spec.file];
    if (f?.spill) {
      if (spec.required || f.spill.count) copyFileSync(f.spill.path, join(dir, `${spec.file}.csv`));
      continue;
    }
    if (!spec.required && !f?.rows.length) continue;
    const cols = spec.columns.map((c) => c.name);
    const parts: string[] = [csvLine(cols)];
    for (const row of f?.rows ?? []) parts.push(csvLine(cols.map((c) => row[c] ?? '')));
    writeFileSync(join(dir, `${spec.file}.csv`), parts.join(''));
  }
}

/** Maps a bundle file's data line (header = line 1) back to the source row. */
export function sourceOf(draft: BundleDraft, file: string, line: number): Provenance | undefined {
  const name = file.replace(/\.csv$/, '') as BundleFileName;
  const f = draft.files[name];
  return f?.spill ? f.spill.provAt(line - 2) : f?.prov[line - 2];
}
