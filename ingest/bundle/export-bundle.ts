// exportBundle: one school's raw rows written back as a journal bundle folder, exactly as the spec
// says, so that export -> import -> export gives byte-identical files.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSpec } from '../../common/bundle-spec';
import { NotFound } from '../../common/errors';
import { sqlFile } from '../../warehouse/sql-file';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { exportSelect, manifestSelect } from './export-sql';

export interface ExportedFile { file: string; rows: number }

const copyOptions = `(header true, delimiter ',', quote '"', escape '"')`;

/**
 * Writes the school's bundle into `dir` itself (created if needed; files of the bundle overwritten):
 * every required file (header only when empty), optional files that have rows.
 */
export async function exportBundle(warehouse: Warehouse, schoolId: string, dir: string): Promise<ExportedFile[]> {
  return warehouse.withConnection(async (conn) => {
    const tz = (await conn.runAndReadAll(sqlFile('ingest/school-timezone'), { school_id: schoolId })).getRowObjectsJson()[0]?.timezone;
    if (tz == null) throw new NotFound('school_not_found', `Школа ${schoolId} не найдена в хранилище`, `school ${schoolId} not found`);
    await conn.run(sqlFile('ingest/export-macros'));
    mkdirSync(dir, { recursive: true });
    const written: ExportedFile[] = [];
    for (const spec of bundleSpec) {
      const path = join(dir, `${spec.file}.csv`);
      const select = spec.file === 'manifest' ? manifestSelect() : exportSelect(spec);
      const params: Record<string, string> = select.includes('$tz') ? { path, school: schoolId, tz: String(tz) } : { path, school: schoolId };
      const rows = (await conn.run(`copy (${select}) to $path ${copyOptions}`, params)).rowsChanged;
      if (rows === 0 && !spec.required) rmSync(path, { force: true });
      else written.push({ file: `${spec.file}.csv`, rows });
    }
    return written;
  });
}

/** Ids of every school in the warehouse. */
export async function schoolIds(warehouse: Warehouse): Promise<string[]> {
  return warehouse.withConnection(async (conn) =>
    (await conn.runAndReadAll(sqlFile('ingest/schools'))).getRowObjectsJson().map((r) => String(r.school_id)));
}
