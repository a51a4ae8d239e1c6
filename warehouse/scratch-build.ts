import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Model } from './model-graph';
import type { Warehouse } from './open-warehouse';
import type { ModelTiming } from './run-models';
import { createCounting } from './shadow-build';

const refPattern = /\b(staging|core|marts)\.([a-z0-9_]+)\b/g;
const modelLayers = ['staging', 'core', 'marts'];

/**
 * One school's build: every model is built for that school alone (build_scope holds only it, and the
 * staging models read raw rows through it) into an in-memory scratch database, then each model's rows
 * of the school are brought into the warehouse in one transaction, writing only the rows that changed.
 */
export async function buildSchoolInScratch(
  warehouse: Warehouse, models: Model[], schoolId: string, onModel?: (t: ModelTiming) => void,
): Promise<ModelTiming[]> {
  return warehouse.withConnection(async (conn) => {
    const scratch = `scratch_${randomBytes(6).toString('hex')}`;
    const building = new Set(models.map((m) => m.relation));
    const inScratch = (sql: string) => sql.replace(refPattern, (ref) => (building.has(ref) ? `${scratch}.${ref}` : ref));
    await conn.run(`attach ':memory:' as ${scratch}`);
    try {
      await conn.run('create or replace temp table build_scope as select $school::varchar as school_id', { school: schoolId });
      for (const layer of modelLayers) await conn.run(`create schema ${scratch}.${layer}`);
      const timings: ModelTiming[] = [];
      for (const model of models) {
        const started = performance.now();
        const rows = await createCounting(conn, `create table ${scratch}.${model.relation} as ${inScratch(model.sql)}`);
        const timing = { relation: model.relation, seconds: (performance.now() - started) / 1000, rows };
        timings.push(timing);
        onModel?.(timing);
      }
      await conn.run('begin transaction');
      try {
        for (const model of models) await swapChangedRows(conn, model.relation, `${scratch}.${model.relation}`, schoolId);
        await conn.run('commit');
      } catch (err) {
        await conn.run('rollback').catch(() => undefined);
        throw err;
      }
      return timings;
    } finally {
      await conn.run('drop table if exists temp.changed_rows').catch(() => undefined);
      await conn.run(`detach ${scratch}`).catch(() => undefined);
    }
  });
}

/**
 * Makes the school's rows of `live` equal (as a multiset) to the rows of `fresh`, touching only the
 * rows whose value changed: a row value whose count differs between the two is deleted from the school
 * and inserted again as many times as `fresh` holds it. A whole row is compared as one struct (NULLs
 * inside compare equal). Writing is what costs (compression, WAL, checkpoint); after a day of entries
 * most rows are unchanged, so this writes a small part of what delete-all + insert-all would.
 */
export async function swapChangedRows(conn: DuckDBConnection, live: string, fresh: string, schoolId: string): Promise<void> {
  const params = { school: schoolId };
  await conn.run(`create or replace temp table changed_rows as
    select r from (
      select old_row as r, 1 as side from ${live} old_row where school_id = $school
      union all
      select new_row, -1 from ${fresh} new_row where school_id = $school
    ) group by r having sum(side) <> 0`, params);
  const changed = Number((await conn.runAndReadAll('select count(*) from temp.changed_rows')).getRows()[0]?.[0] ?? 0);
  if (changed === 0) return;
  await conn.run(`delete from ${live} old_row where school_id = $school and old_row in (select r from temp.changed_rows)`, params);
  await conn.run(`insert into ${live} by name
    select unnest(r) from (select new_row as r from ${fresh} new_row where school_id = $school and new_row in (select r from temp.changed_rows))`, params);
}
