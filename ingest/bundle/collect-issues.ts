// Turns bundle_rejects into report issues: physical line numbers (scanned only for files with
// rejects), Russian/English texts, the allowed values named.
import { readFileSync } from 'node:fs';
import { INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { manifestKeys, type ColumnSpec, type MarkScale } from '../../common/bundle-spec';
import type { ImportIssue } from '../../common/import-report';
import { sqlFile } from '../../warehouse/sql-file';
import { lineOfRow, recordStarts } from './csv-records';
import { issue } from './issue-text';
import type { StagedFile } from './stage-bundle';
import { finalMarkValues, markValues } from './validate-bundle';

interface RejectRow { file: string; rid: number | null; col: string | null; code: string; val: string | null; ref_rid: number | null; byte_pos: number | null; detail: string | null }

export interface Collected {
  issues: ImportIssue[];
  omitted: number;
  /** rejected records per file */
  rejected: Map<string, number>;
  /** records DuckDB's reader could not parse, per file */
  malformed: Map<string, number>;
}

export async function collectIssues(conn: DuckDBConnection, files: StagedFile[], scale: MarkScale, offset: string | undefined, max: number): Promise<Collected> {
  const counts = (await conn.runAndReadAll(sqlFile('ingest/reject-counts'))).getRowObjectsJson();
  const rejected = new Map(counts.map((r) => [String(r.file), Number(r.n)]));
  const malformed = new Map(counts.map((r) => [String(r.file), Number(r.malformed)]));
  const total = counts.reduce((s, r) => s + Number(r.issues), 0);
  const order = files.map((f) => f.spec.file);
  const rows = (await conn.runAndReadAll(sqlFile('ingest/reject-rows'),
  { order: listValue(order), max }, { order: LIST(VARCHAR), max: INTEGER })).getRowObjectsJson() as unknown as RejectRow[];

  const dropped = new Map<string, Set<number>>();
  for (const r of (await conn.runAndReadAll(sqlFile('ingest/dropped-records'))).getRowObjectsJson()) {
    const set = dropped.get(String(r.file)) ?? new Set<number>();
    set.add(Number(r.byte_pos));
    dropped.set(String(r.file), set);
  }
  const byName = new Map(files.map((f) => [f.spec.file as string, f]));
  const lines = new Map<string, ReturnType<typeof lineOfRow>>();
  const linesOf = (file: string) => {
    let l = lines.get(file);
    if (!l) {
      const f = byName.get(file)!;
      l = lineOfRow(recordStarts(readFileSync(f.path)), dropped.get(file) ?? new Set());
      lines.set(file, l);
    }
    return l;
  };
  const issues = rows.map((r) => {
    const f = byName.get(r.file)!;
    const l = linesOf(r.file);
    const line = r.rid != null ? l.rowLines[Number(r.rid)] ?? null : l.lineAtPosition(Number(r.byte_pos));
    const col = r.rid == null && r.col ? (f.header[Number(r.col.slice(1))] ?? null) : r.col;
    return issue({ file: f.name, line, column: col, code: r.code, value: r.val, offset, detail: detailOf(f, r, scale, linesOf) });
  });
  return { issues, omitted: total - issues.length, rejected, malformed };
}

function detailOf(f: StagedFile, r: RejectRow, scale: MarkScale, linesOf: (file: string) => { rowLines: number[] }): string | null {
  const col: ColumnSpec | undefined = f.spec.file === 'manifest'
    ? manifestKeys.find((k) => k.name === r.col)
    : f.spec.columns.find((c) => c.name === r.col);
  const t = col?.type;
  switch (r.code) {
    case 'bad_enum': return t?.kind === 'enum' ? t.values.join(', ') : null;
    case 'bad_mark': return (t?.kind === 'final_mark' ? finalMarkValues(scale) : markValues(scale)).join(', ');
    case 'out_of_range':
      return t?.kind === 'int' || t?.kind === 'number'
        ? [t.min !== undefined ? `≥ ${t.min}` : '', t.kind === 'int' && t.max !== undefined ? `≤ ${t.max}` : ''].filter(Boolean).join(', ') : null;
    case 'duplicate_id': return r.ref_rid != null ? String(linesOf(f.spec.file).rowLines[Number(r.ref_rid)] ?? '?') : null;
    case 'dangling_reference': return col?.ref ? `${col.ref.file}.csv (${col.ref.column})` : null;
    case 'rejected_reference':
      return col?.ref && r.ref_rid != null ? `${col.ref.file}.csv, строка ${linesOf(col.ref.file).rowLines[Number(r.ref_rid)] ?? '?'}` : null;
    default: return r.detail;
  }
}
