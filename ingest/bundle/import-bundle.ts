// importBundle: a journal bundle (folder or .zip) into the raw layer of one school, whole or not at
// all. Other importers (OneRoster, XLSX) convert their input into a bundle folder and call this.
import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportFileCounts, ImportIssue, ImportReport } from '../../common/import-report';
import { sqlFile } from '../../warehouse/sql-file';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { openBundleSource } from './bundle-source';
import { collectIssues } from './collect-issues';
import { issue, utcOffsetOf } from './issue-text';
import { manifestValuesStmt } from './manifest-sql';
import { createRejectsTable, finishStaging, inspectFile, listFiles, stageFile, type StagedFile } from './stage-bundle';
import { asScale, validateCells, validateManifest, validateReferences } from './validate-bundle';
import { writeBatch } from './write-bundle';
import { bumpDataVersion } from '../../warehouse/data-version';

export interface ImportOptions {
  /** load the valid rows and record the rejects (default: any reject rejects the whole bundle) */
  partial?: boolean;
  /** drop unknown columns (and unknown .csv files) instead of rejecting the bundle */
  ignoreUnknownColumns?: boolean;
  /** validate and report, write only the batch row (status `dry_run`) */
  dryRun?: boolean;
  /** who imports, for the batch and the audit log (default `system`) */
  actor?: string;
  /** recorded as the batch's format (default `bundle`; converters pass `oneroster`, `xlsx`) */
  format?: string;
  /** recorded as the batch's source (default: the path) */
  source?: string;
  /** cap on issues listed in the report (default 10,000; the count of the rest is given) */
  maxIssues?: number;
}

/**
 * Imports one school's bundle. Never throws for bad content: the report says what was rejected and
 * why (status `rejected`, nothing changed). Throws ValidationError only when PATH is not a bundle.
 */
export async function importBundle(warehouse: Warehouse, path: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const source = openBundleSource(path);
  try {
    return await warehouse.withConnection((conn) => run(conn, source.dir, source.csvFiles, path, opts));
  } finally {
    source.cleanup();
    bumpDataVersion(warehouse);
  }
}

async function run(conn: DuckDBConnection, dir: string, csvFiles: string[], path: string, opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    batchId: randomUUID(), status: 'rejected', schoolId: null, source: opts.source ?? path, format: opts.format ?? 'bundle',
    actor: opts.actor ?? 'system', partial: !!opts.partial, contentHash: null, files: [], rejectedRows: 0, issues: [],
    issuesOmitted: 0, fatal: false, written: {}, startedAt: new Date().toISOString(), finishedAt: '',
  };
  const files = listFiles(dir);
  const fatal: ImportIssue[] = [];
  const known = new Set(files.map((f) => f.name));
  for (const name of csvFiles.filter((n) => !known.has(n))) {
    if (!opts.ignoreUnknownColumns) fatal.push(issue({ file: name, line: null, column: null, code: 'unknown_file' }));
  }
  for (const f of files) fatal.push(...inspectFile(f, !!opts.ignoreUnknownColumns));
  report.contentHash = contentHash(files);

  await createRejectsTable(conn);
  for (const f of files) if (f.present && !fatal.some((i) => i.file === f.name)) fatal.push(...(await stageFile(conn, f)));
  await finishStaging(conn, files);
  const manifest = files.find((f) => f.spec.file === 'manifest')!;
  const values = new Map<string, string>();
  if (manifest.staged) {
    await validateManifest(conn, manifest);
    const q = manifestValuesStmt(manifest.map);
    for (const r of (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJson()) values.set(String(r.key), String(r.value));
    report.schoolId = values.get('school_id') ?? null;
    for (const k of ['format', 'version', 'school_id', 'school_name', 'timezone', 'academic_year', 'year_starts_on', 'year_ends_on']) {
      if (!values.has(k)) fatal.push(issue({ file: 'manifest.csv', line: null, column: k, code: 'missing_key' }));
    }
  }
  const scale = asScale(values.get('mark_scale'));
  await validateCells(conn, files, scale);
  await validateReferences(conn, files, !!opts.partial);

  const collected = await collectIssues(conn, files, scale, utcOffsetOf(values.get('timezone') ?? 'Europe/Moscow'), Math.max(0, (opts.maxIssues ?? 10_000) - fatal.length));
  report.issues = [...fatal, ...collected.issues];
  report.issuesOmitted = collected.omitted;
  report.fatal = fatal.length > 0 || (collected.rejected.get('manifest') ?? 0) > 0;
  report.files = files.map((f) => fileCounts(f, collected.rejected.get(f.spec.file) ?? 0, collected.malformed.get(f.spec.file) ?? 0));
  report.rejectedRows = [...collected.rejected.values()].reduce((a, b) => a + b, 0);

  if (report.fatal || (report.rejectedRows > 0 && !opts.partial)) report.status = 'rejected';
  else if (opts.dryRun) report.status = 'dry_run';
  else report.status = (await isUnchanged(conn, report, opts)) ? 'unchanged' : 'applied';
  await writeBatch(conn, report, files);
  return report;
}

function fileCounts(f: StagedFile, rejected: number, malformed: number): ImportFileCounts {
  const read = f.staged ? f.rows + malformed : 0;
  return { file: f.name, present: f.present, read, accepted: read - rejected, rejected, sha256: f.sha256, ignoredColumns: f.ignoredColumns };
}

function contentHash(files: StagedFile[]): string {
  const h = createHash('sha256');
  for (const f of files) if (f.sha256) h.update(`${f.name}:${f.sha256}\n`);
  return h.digest('hex');
}

/** Same content as the school's last applied batch, imported under options that accept the same rows. */
async function isUnchanged(conn: DuckDBConnection, report: ImportReport, opts: ImportOptions): Promise<boolean> {
  const last = (await conn.runAndReadAll(sqlFile('ingest/last-applied-batch'), { school_id: report.schoolId })).getRowObjectsJson()[0];
  if (!last || last.content_hash !== report.contentHash) return false;
  const prevIgnored = (JSON.parse(String(last.report)) as ImportReport).files.some((f) => f.ignoredColumns.length);
  const nowIgnored = report.files.some((f) => f.ignoredColumns.length);
  return Number(last.rejected) === report.rejectedRows && prevIgnored === nowIgnored;
}
