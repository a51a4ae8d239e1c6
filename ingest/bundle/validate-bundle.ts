// Every row-level rule of the bundle spec, run in SQL over the staged temp tables; failures land in
// bundle_rejects (file, rowid, column, code, value).
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { markScales, specialFinalValues, type MarkScale } from '../../common/bundle-spec';
import { ListParams, cascadeStmt, checksStmt, danglingStmt, duplicateStmt, fileChecks, type Stmt } from './bundle-sql';
import { manifestChecksStmt } from './manifest-sql';
import type { StagedFile } from './stage-bundle';

export const markValues = (scale: MarkScale): string[] =>
  scale === 'pass_fail' ? ['зач', 'незач'] : Array.from({ length: scale === 'ten_point' ? 10 : 5 }, (_, i) => String(i + 1));
export const finalMarkValues = (scale: MarkScale): string[] => [...markValues(scale), ...specialFinalValues];

export const asScale = (v: string | undefined): MarkScale =>
  (markScales as readonly string[]).includes(v ?? '') ? (v as MarkScale) : 'five_point';

const exec = async (conn: DuckDBConnection, s: Stmt | null): Promise<number> => {
  if (!s) return 0;
  const r = await conn.run(s.sql, s.params, s.types);
  return r.rowsChanged;
};

export async function validateManifest(conn: DuckDBConnection, manifest: StagedFile): Promise<void> {
  await validateCells(conn, manifest, 'five_point');
  await exec(conn, manifestChecksStmt(manifest.map));
}

/** Required values, types, enums and marks of one file, then its duplicate keys. */
export async function validateCells(conn: DuckDBConnection, f: StagedFile, scale: MarkScale): Promise<void> {
  const lists = new ListParams();
  const checks = fileChecks(f.spec, f.map, (v) => lists.add(v));
  if (checks.some((c) => c.code === 'bad_mark')) {
    lists.params.marks = listValue(markValues(scale));
    lists.params.final_marks = listValue(finalMarkValues(scale));
    lists.types.marks = LIST(VARCHAR);
    lists.types.final_marks = LIST(VARCHAR);
    // only the list the statement uses may be bound
    const kind = f.spec.columns.some((c) => c.type.kind === 'mark') ? 'final_marks' : 'marks';
    delete lists.params[kind];
    delete lists.types[kind];
  }
  await exec(conn, checksStmt(f.spec.file, checks, lists));
  await exec(conn, duplicateStmt(f.spec, f.map));
}

/** Dangling references; for a partial import then (until nothing changes) rows whose only targets were rejected. */
export async function validateReferences(conn: DuckDBConnection, files: StagedFile[], cascade: boolean): Promise<void> {
  const byName = new Map(files.map((f) => [f.spec.file as string, f]));
  const refs = files.filter((f) => f.staged).flatMap((f) =>
    f.spec.columns.filter((c) => c.ref && f.map.has(c.name) && byName.get(c.ref.file)?.staged).map((c) => ({ f, c, t: byName.get(c.ref!.file)! })));
  for (const { f, c, t } of refs) await exec(conn, danglingStmt(f.spec.file, c, f.map, t.map));
  for (let changed = cascade ? 1 : 0; changed > 0;) {
    changed = 0;
    for (const { f, c, t } of refs) changed += await exec(conn, cascadeStmt(f.spec.file, c, f.map, t.map));
  }
}
