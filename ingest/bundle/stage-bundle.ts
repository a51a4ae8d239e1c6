// Reads each file of a bundle folder into a temp table of all-VARCHAR positional columns (DuckDB's CSV
// reader, file order kept in rowid), records malformed rows in bundle_rejects, and returns what the
// header says. Problems of a whole file (missing, empty, bad header) come back as fatal issues.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bundleSpec, type FileSpec } from '../../common/bundle-spec';
import type { ImportIssue } from '../../common/import-report';
import { sqlFile } from '../../warehouse/sql-file';
import { malformedInsert, readCsvStmt, stagedCountsSelect, type ColumnMap } from './bundle-sql';
import { parseHeader } from './csv-records';
import { issue } from './issue-text';

export interface StagedFile {
  spec: FileSpec;
  name: string;
  path: string;
  present: boolean;
  /** read into its temp table (present and the header usable) */
  staged: boolean;
  sha256: string | null;
  header: string[];
  map: ColumnMap;
  ignoredColumns: string[];
  /** rows in the temp table (malformed records not included) */
  rows: number;
}

export async function createRejectsTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(sqlFile('ingest/create-rejects'));
}

export function listFiles(dir: string): StagedFile[] {
  return bundleSpec.map((spec) => {
    const name = `${spec.file}.csv`;
    const path = join(dir, name);
    return { spec, name, path, present: existsSync(path), staged: false, sha256: null, header: [], map: new Map(), ignoredColumns: [], rows: 0 };
  });
}

/** Hashes a file and checks its header; returns the fatal issues of the file. */
export function inspectFile(f: StagedFile, ignoreUnknownColumns: boolean): ImportIssue[] {
  if (!f.present) return f.spec.required ? [issue({ file: f.name, line: null, column: null, code: 'missing_file' })] : [];
  const buf = readFileSync(f.path);
  f.sha256 = createHash('sha256').update(buf).digest('hex');
  const header = parseHeader(buf);
  if (!header) return [issue({ file: f.name, line: 1, column: null, code: 'empty_file' })];
  f.header = header;
  const issues: ImportIssue[] = [];
  const known = new Set(f.spec.columns.map((c) => c.name));
  const map = new Map<string, number>();
  header.forEach((name, i) => {
    if (!known.has(name)) {
      if (ignoreUnknownColumns) f.ignoredColumns.push(name);
      else issues.push(issue({ file: f.name, line: 1, column: name, code: 'unknown_column' }));
    } else if (map.has(name)) issues.push(issue({ file: f.name, line: 1, column: name, code: 'duplicate_column' }));
    else map.set(name, i);
  });
  for (const c of f.spec.columns) {
    if (c.required && !map.has(c.name)) issues.push(issue({ file: f.name, line: 1, column: c.name, code: 'missing_column' }));
  }
  f.map = map;
  return issues;
}

/** Loads the file into its temp table (malformed records go to its DuckDB rejects table). */
export async function stageFile(conn: DuckDBConnection, f: StagedFile): Promise<ImportIssue[]> {
  const read = readCsvStmt(f.spec.file, f.header.length, f.path);
  try {
    await conn.run(read.sql, read.params);
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0]!.slice(0, 200);
    return [issue({ file: f.name, line: null, column: null, code: 'unreadable_file', detail })];
  }
  f.staged = true;
  return [];
}

/** Row counts of the staged files, and their malformed records into bundle_rejects (two statements). */
export async function finishStaging(conn: DuckDBConnection, files: StagedFile[]): Promise<void> {
  const staged = files.filter((f) => f.staged).map((f) => f.spec.file);
  if (!staged.length) return;
  const m = malformedInsert(staged);
  await conn.run(m.sql, m.params, m.types);
  const n = new Map((await conn.runAndReadAll(stagedCountsSelect(staged))).getRowObjectsJson().map((r) => [String(r.file), Number(r.n)]));
  for (const f of files) if (f.staged) f.rows = n.get(f.spec.file) ?? 0;
}
