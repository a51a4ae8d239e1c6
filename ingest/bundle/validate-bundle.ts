// Every row-level rule of the bundle spec, run in SQL over the staged temp tables; failures land in
// bundle_rejects (file, rowid, column, code, value). Few statements: the checks of all files are one
// INSERT, the references another (statements, not rows, dominate small imports).
import type { DuckDBConnection } from '@duckdb/node-api';
import { markScales, specialFinalValues, type MarkScale } from '../../common/bundle-spec';
import { ListParams, cascadeSelect, checksSelect, danglingSelect, duplicateSelect, fileChecks, rejectsInsert } from './bundle-sql';
import { manifestChecksSelect } from './manifest-sql';
import type { StagedFile } from './stage-bundle';

export const markValues = (scale: MarkScale): string[] =>
  scale === 'pass_fail' ? ['зач', 'незач'] : Array.from({ length: scale === 'ten_point' ? 10 : 5 }, (_, i) => String(i + 1));
export const finalMarkValues = (scale: MarkScale): string[] => [...markValues(scale), ...specialFinalValues];

export const asScale = (v: string | undefined): MarkScale =>
  (markScales as readonly string[]).includes(v ?? '') ? (v as MarkScale) : 'five_point';

async function insertRejects(conn: DuckDBConnection, selects: (string | null)[], lists = new ListParams()): Promise<number> {
  const qs = selects.filter((q): q is string => q !== null);
  if (!qs.length) return 0;
  return (await conn.run(rejectsInsert(qs), lists.params, lists.types)).rowsChanged;
}

export async function validateManifest(conn: DuckDBConnection, m: StagedFile): Promise<void> {
  const lists = new ListParams();
  await insertRejects(conn, [
    checksSelect('manifest', fileChecks(m.spec, m.map, (v) => lists.add(v))), duplicateSelect(m.spec, m.map), manifestChecksSelect(m.map, lists),
  ], lists);
}

/** Required values, types, enums, marks and duplicate keys of every staged file but the manifest. */
export async function validateCells(conn: DuckDBConnection, files: StagedFile[], scale: MarkScale): Promise<void> {
  const lists = new ListParams();
  const selects = files.filter((f) => f.staged && f.spec.file !== 'manifest')
    .flatMap((f) => [checksSelect(f.spec.file, fileChecks(f.spec, f.map, (v) => lists.add(v))), duplicateSelect(f.spec, f.map)]);
  const sql = selects.join('\n');
  if (sql.includes('$marks')) lists.add(markValues(scale), 'marks');
  if (sql.includes('$final_marks')) lists.add(finalMarkValues(scale), 'final_marks');
  await insertRejects(conn, selects, lists);
}

/** Dangling references; for a partial import then (until nothing changes) rows whose only targets were rejected. */
export async function validateReferences(conn: DuckDBConnection, files: StagedFile[], cascade: boolean): Promise<void> {
  const byName = new Map(files.map((f) => [f.spec.file as string, f]));
  const refs = files.filter((f) => f.staged).flatMap((f) =>
    f.spec.columns.filter((c) => c.ref && f.map.has(c.name) && byName.get(c.ref.file)?.staged).map((c) => ({ f, c, t: byName.get(c.ref!.file)! })));
  await insertRejects(conn, refs.map(({ f, c, t }) => danglingSelect(f.spec.file, c, f.map, t.map)));
  const cascades = refs.map(({ f, c, t }) => cascadeSelect(f.spec.file, c, f.map, t.map));
  for (let changed = cascade ? 1 : 0; changed > 0;) changed = await insertRejects(conn, cascades);
}

