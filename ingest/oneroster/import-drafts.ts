// Imports converted bundle drafts (one per school) with the bundle importer, then maps every issue of
// the bundle back to the SOURCE file, line and column through the drafts' provenance.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportIssue, ImportReport, ImportStatus } from '../../common/import-report';
import { importBundle, type ImportOptions } from '../bundle/import-bundle';
import { writeBatch } from '../bundle/write-bundle';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { sourceOf, writeBundleDraft, type BundleDraft } from './bundle-draft';
import { where, type ConvertIssue } from './convert-issue';
import { diffDraft, type TableChange } from './diff-draft';

export interface OtherImportReport extends ImportReport {
  /** what the converter noticed without rejecting anything (skipped records, assumed values, absent data) */
  warnings: ImportIssue[];
  /** one report per school when the source held several */
  schools: ImportReport[];
  /** dry run: per school and table, what the import would add, change and remove */
  changes?: Record<string, Record<string, TableChange>>;
}

export const toImportIssue = (i: ConvertIssue): ImportIssue =>
  ({ file: i.file, line: i.line ?? null, column: i.column ?? null, code: i.code, message: i.message, logMessage: i.logMessage });

/** A bundle issue re-addressed to the source row it came from. */
export function mapBack(draft: BundleDraft, i: ImportIssue): ImportIssue {
  const prov = i.line !== null ? sourceOf(draft, i.file, i.line) : undefined;
  if (!prov) return i;
  const column = i.column ? prov.columns[i.column] ?? null : null;
  return { ...i, file: prov.file, line: prov.line, column,
    message: `${where(prov.file, prov.line, column ?? undefined)} (после преобразования — ${i.message})`,
    logMessage: `${prov.file} line ${prov.line}${column ? ` field ${column}` : ''} (converted: ${i.logMessage})` };
}

/** errors about a whole file or the whole export: not even `partial` can load around them */
const fileLevel = new Set(['csv_syntax', 'duplicate_header', 'empty_file', 'missing_file', 'oneroster_delta', 'no_school_year', 'no_school', 'several_schools']);

const worst: ImportStatus[] = ['rejected', 'dry_run', 'applied', 'unchanged'];

export async function importDrafts(warehouse: Warehouse, drafts: BundleDraft[], issues: ConvertIssue[], source: string,
  opts: ImportOptions & { format: string; schoolId?: string }): Promise<OtherImportReport> {
  // a broken million-row file must not become a million-issue report: keep the first ones, count the rest
  const cap = opts.maxIssues ?? 10_000;
  const allErrors = issues.filter((i) => i.severity === 'error');
  const errors = allErrors.slice(0, cap).map(toImportIssue);
  const omitted = allErrors.length - errors.length;
  const warnings = issues.filter((i) => i.severity === 'warning').slice(0, cap).map(toImportIssue);
  const started = new Date().toISOString();
  const fatal = errors.some((e) => e.line === null || fileLevel.has(e.code));
  if ((errors.length && !opts.partial) || fatal || !drafts.length) {
    const report: ImportReport = { batchId: randomUUID(), status: 'rejected', schoolId: drafts.map((d) => d.schoolId).join(', ') || opts.schoolId || null,
      source, format: opts.format, actor: opts.actor ?? 'system', partial: !!opts.partial, contentHash: null, files: [],
      rejectedRows: allErrors.filter((e) => e.line !== undefined).length, issues: errors, issuesOmitted: omitted, fatal: true, written: {},
      startedAt: started, finishedAt: '' };
    await warehouse.withConnection((conn) => writeBatch(conn, report, []));
    return { ...report, warnings, schools: [] };
  }
  const reports: ImportReport[] = [];
  const changes: Record<string, Record<string, TableChange>> = {};
  for (const draft of drafts) {
    if (opts.dryRun) changes[draft.schoolId] = await diffDraft(warehouse, draft);
    const dir = mkdtempSync(join(tmpdir(), 'svodka-convert-'));
    try {
      writeBundleDraft(draft, dir);
      const r = await importBundle(warehouse, dir, { ...opts, source });
      reports.push({ ...r, issues: r.issues.map((i) => mapBack(draft, i)) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const first = reports[0]!;
  const status = worst.find((s) => reports.some((r) => r.status === s)) ?? first.status;
  return {
    ...first,
    batchId: reports.map((r) => r.batchId).join(','),
    schoolId: reports.map((r) => r.schoolId).join(', '),
    status,
    files: reports.length === 1 ? first.files : reports.flatMap((r) => r.files.map((f) => ({ ...f, file: `${r.schoolId}/${f.file}` }))),
    rejectedRows: reports.reduce((a, r) => a + r.rejectedRows, 0) + allErrors.filter((e) => e.line !== undefined).length,
    issues: [...errors, ...reports.flatMap((r) => r.issues)],
    issuesOmitted: reports.reduce((a, r) => a + r.issuesOmitted, 0) + omitted,
    fatal: reports.some((r) => r.fatal),
    written: reports.length === 1 ? first.written : Object.fromEntries(reports.flatMap((r) => Object.entries(r.written).map(([k, v]) => [`${r.schoolId}/${k}`, v]))),
    startedAt: started,
    warnings,
    schools: reports,
    ...(opts.dryRun ? { changes } : {}),
  };
}
