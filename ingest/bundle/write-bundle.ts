// The one transaction of an import: the school's raw rows replaced by the bundle's accepted rows (when
// applied), the batch row, and its audit link. Any failure rolls all of it back.
import type { DuckDBConnection } from '@duckdb/node-api';
import { bundleSpec } from '../../common/bundle-spec';
import type { ImportReport } from '../../common/import-report';
import { sqlFile } from '../../warehouse/sql-file';
import { importWriteEnded, importWriteStarting } from '../../warehouse/import-generation';
import { appendAudit } from '../audit/append-audit';
import { deleteSchoolStmt, insertStmt } from './bundle-sql';
import { schoolInsertStmt } from './manifest-sql';
import type { StagedFile } from './stage-bundle';

const rawTables = ['schools', ...bundleSpec.filter((f) => f.file !== 'manifest').map((f) => f.file)];

async function replaceSchool(conn: DuckDBConnection, files: StagedFile[], schoolId: string, rejected: Set<string>): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const t of rawTables) await conn.run(deleteSchoolStmt(t), { school: schoolId });
  for (const f of files) {
    if (!f.staged) continue;
    const s = f.spec.file === 'manifest' ? schoolInsertStmt(f.map) : insertStmt(f.spec, f.map, schoolId, rejected.has(f.name));
    written[f.spec.file === 'manifest' ? 'schools' : f.spec.file] = (await conn.run(s.sql, s.params)).rowsChanged;
  }
  return written;
}

/** Writes the batch (and, for `applied`, the school's rows) in one transaction; fills report.written. */
export async function writeBatch(conn: DuckDBConnection, report: ImportReport, files: StagedFile[]): Promise<void> {
  // reads kept by native entry are dropped from here until after the commit or rollback
  importWriteStarting();
  try {
    await writeBatchTransaction(conn, report, files);
  } finally {
    importWriteEnded();
  }
}

async function writeBatchTransaction(conn: DuckDBConnection, report: ImportReport, files: StagedFile[]): Promise<void> {
  await conn.run('begin transaction');
  try {
    if (report.status === 'applied') {
      const rejected = new Set(report.files.filter((f) => f.rejected > 0).map((f) => f.file));
      report.written = await replaceSchool(conn, files, report.schoolId!, rejected);
    }
    report.finishedAt = new Date().toISOString();
    const fileHashes = Object.fromEntries(report.files.filter((f) => f.sha256).map((f) => [f.file, f.sha256]));
    const counts = Object.fromEntries(report.files.filter((f) => f.present).map((f) => [f.file, { read: f.read, accepted: f.accepted, rejected: f.rejected }]));
    await conn.run(sqlFile('ingest/insert-import-batch'), {
      batch_id: report.batchId, school_id: report.schoolId, source: report.source, format: report.format,
      content_hash: report.contentHash, file_hashes: JSON.stringify(fileHashes), counts: JSON.stringify(counts),
      rejected: report.rejectedRows, report: JSON.stringify(report), actor: report.actor, status: report.status,
      started_at: report.startedAt, finished_at: report.finishedAt,
    });
    await appendAudit(conn, {
      actor: report.actor, action: `import.${report.status}`, entity: 'import_batch', entityId: report.batchId,
      schoolId: report.schoolId, after: { format: report.format, source: report.source, contentHash: report.contentHash, rejected: report.rejectedRows, written: report.written },
    });
    await conn.run('commit');
  } catch (err) {
    await conn.run('rollback').catch(() => undefined);
    throw err;
  }
}
