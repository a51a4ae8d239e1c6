import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Model } from './model-graph';
import type { Warehouse } from './open-warehouse';
import type { ModelTiming } from './run-models';
import { createCounting } from './shadow-build';

const refPattern = /\b(staging|core|marts)\.([a-z0-9_]+)\b/g;
const modelLayers = ['staging', 'core', 'marts'];

// a model reading sources directly, or the clock or chance, is rebuilt even when no model it reads changed
const sourcePattern = /\b(raw|config|app)\.[a-z0-9_]+\b/;
const volatilePattern = /\b(now|current_date|current_timestamp|get_current_timestamp|today|random|uuid|gen_random_uuid)\b/i;

/**
 * One school's build: the models are built for that school alone (build_scope holds only it, and the
 * staging models read raw rows through it) into an in-memory scratch database and compared with the
 * school's rows in the warehouse. A model none of whose inputs changed gives the rows it already has
 * (models are deterministic; lists are sorted) and is skipped. Then the changed rows of every model
 * are written into the warehouse in one transaction.
 */
export async function buildSchoolInScratch(
  warehouse: Warehouse, models: Model[], schoolId: string, onModel?: (t: ModelTiming) => void,
): Promise<ModelTiming[]> {
  return warehouse.withConnection(async (conn) => {
    const scratch = `scratch_${randomBytes(6).toString('hex')}`;
    const building = new Set(models.map((m) => m.relation));
    const inScratch = (sql: string) => sql.replace(refPattern, (ref) => (building.has(ref) ? `${scratch}.${ref}` : ref));
    const params = { school: schoolId };
    await conn.run(`attach ':memory:' as ${scratch}`);
    try {
      await conn.run('create or replace temp table build_scope as select $school::varchar as school_id', params);
      for (const layer of modelLayers) await conn.run(`create schema ${scratch}.${layer}`);
      const changed = new Map<string, string>(); // relation -> scratch table of its changed row values
      const inScratchAlready = new Set<string>();
      const timings: ModelTiming[] = [];
      for (const model of models) {
        const started = performance.now();
        const mustBuild = sourcePattern.test(stripComments(model.sql)) || volatilePattern.test(stripComments(model.sql))
          || model.dependsOn.some((d) => changed.has(d));
        if (!mustBuild) {
          const timing = { relation: model.relation, seconds: 0, rows: 0, skipped: true };
          timings.push(timing);
          onModel?.(timing);
          continue;
        }
        for (const dep of model.dependsOn) {
          if (!building.has(dep) || inScratchAlready.has(dep)) continue;
          await conn.run(`create table ${scratch}.${dep} as select * from ${dep} where school_id = $school`, params);
          inScratchAlready.add(dep);
        }
        const rows = await createCounting(conn, `create table ${scratch}.${model.relation} as ${inScratch(model.sql)}`);
        inScratchAlready.add(model.relation);
        const timing = { relation: model.relation, seconds: (performance.now() - started) / 1000, rows };
        timings.push(timing);
        onModel?.(timing);
        const target = `${scratch}.main.changed_${timings.length}`;
        if ((await diffRows(conn, model.relation, `${scratch}.${model.relation}`, target, schoolId)) > 0) changed.set(model.relation, target);
      }
      await conn.run('begin transaction');
      try {
        for (const [relation, target] of changed) await applyChangedRows(conn, relation, `${scratch}.${relation}`, target, schoolId);
        await conn.run('commit');
      } catch (err) {
        await conn.run('rollback').catch(() => undefined);
        throw err;
      }
      return timings;
    } finally {
      await conn.run(`detach ${scratch}`).catch(() => undefined);
    }
  });
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*/g, '');

/**
 * Makes the school's rows of `live` equal (as a multiset) to the rows of `fresh`, touching only the
 * rows whose value changed: a row value whose count differs between the two is deleted from the school
 * and inserted again as many times as `fresh` holds it. A whole row is compared as one struct (NULLs
 * inside compare equal). Writing is what costs (compression, WAL, checkpoint); after a day of entries
 * most rows are unchanged, so this writes a small part of what delete-all + insert-all would.
 */
export async function swapChangedRows(conn: DuckDBConnection, live: string, fresh: string, changed: string, schoolId: string): Promise<void> {
  if ((await diffRows(conn, live, fresh, changed, schoolId)) > 0) await applyChangedRows(conn, live, fresh, changed, schoolId);
}

/**
 * Writes into table `changed` the row values whose count differs between `live` (the school's rows)
 * and `fresh`. Grouping by the plain columns costs about half of grouping by the row as one struct.
 */
async function diffRows(conn: DuckDBConnection, live: string, fresh: string, changed: string, schoolId: string): Promise<number> {
  return createCounting(conn, `create or replace table ${changed} as
    select * exclude (diff_side) from (
      select *, 1 as diff_side from ${live} where school_id = $school
      union all by name
      select *, -1 as diff_side from ${fresh} where school_id = $school
    ) group by all having sum(diff_side) <> 0`, { school: schoolId });
}

/** Deletes the school's rows equal to a changed value and inserts the fresh rows equal to one (whole rows compared as structs: NULLs inside compare equal). */
async function applyChangedRows(conn: DuckDBConnection, live: string, fresh: string, changed: string, schoolId: string): Promise<void> {
  const params = { school: schoolId };
  const changedRows = `(select changed_row from ${changed} changed_row)`;
  await conn.run(`delete from ${live} old_row where school_id = $school and old_row in ${changedRows}`, params);
  await conn.run(`insert into ${live} by name select * from ${fresh} new_row where school_id = $school and new_row in ${changedRows}`, params);
}
