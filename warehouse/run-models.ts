import type { DuckDBConnection } from '@duckdb/node-api';
import { loadModels, type Model } from './model-graph';
import type { Warehouse } from './open-warehouse';

export interface ModelTiming {
  relation: string;
  seconds: number;
  rows: number;
}

export interface BuildOptions {
  /** rebuild only this school's rows; otherwise every school, from scratch */
  schoolId?: string;
  /** only these models and what depends on them (relations like `marts.r_mark_day`) */
  select?: string[];
  onModel?: (t: ModelTiming) => void;
}

/**
 * Builds the models in dependency order in one transaction. Models read `build_scope` (a temp table
 * of this connection holding the schools being built), so a one-school build computes exactly the
 * rows a full build gives for that school and replaces only those.
 */
export async function runModels(warehouse: Warehouse, opts: BuildOptions = {}): Promise<ModelTiming[]> {
  const models = selectModels(loadModels(), opts.select);
  return warehouse.transaction(async (conn) => {
    await conn.run('create or replace temp table build_scope as select school_id from raw.schools where $school::varchar is null or school_id = $school', {
      school: opts.schoolId ?? null,
    });
    for (const layer of ['staging', 'core', 'marts']) await conn.run(`create schema if not exists ${layer}`);
    const timings: ModelTiming[] = [];
    for (const model of models) {
      const started = performance.now();
      const rows = opts.schoolId ? await rebuildForScope(conn, model, opts.schoolId) : await rebuildFull(conn, model);
      const timing = { relation: model.relation, seconds: (performance.now() - started) / 1000, rows };
      timings.push(timing);
      opts.onModel?.(timing);
    }
    return timings;
  });
}

async function rebuildFull(conn: DuckDBConnection, model: Model): Promise<number> {
  await conn.run(`create or replace table ${model.relation} as ${model.sql}`);
  return countRows(conn, model.relation);
}

async function rebuildForScope(conn: DuckDBConnection, model: Model, schoolId: string): Promise<number> {
  const exists = await conn.runAndReadAll(
    'select 1 from information_schema.tables where table_schema = $s and table_name = $t',
    { s: model.layer, t: model.name },
  );
  if (exists.currentRowCount === 0) return rebuildFull(conn, model);
  await conn.run(`delete from ${model.relation} where school_id = $school`, { school: schoolId });
  const res = await conn.run(`insert into ${model.relation} by name select * from (${model.sql}) where school_id = $school`, { school: schoolId });
  return Number(res.rowsChanged);
}

async function countRows(conn: DuckDBConnection, relation: string): Promise<number> {
  const r = await conn.runAndReadAll(`select count(*)::integer as n from ${relation}`);
  return Number(r.getRowObjectsJson()[0]?.n ?? 0);
}

function selectModels(all: Model[], select?: string[]): Model[] {
  if (!select?.length) return all;
  const wanted = new Set(select);
  for (const model of all) if (model.dependsOn.some((d) => wanted.has(d))) wanted.add(model.relation);
  const missing = select.filter((s) => !all.some((m) => m.relation === s));
  if (missing.length) throw new Error(`unknown model(s): ${missing.join(', ')}`);
  return all.filter((m) => wanted.has(m.relation));
}
