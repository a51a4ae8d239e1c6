import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Model } from './model-graph';
import type { Warehouse } from './open-warehouse';
import type { ModelTiming } from './run-models';

const sourcePattern = /\b(raw|config|app)\.([a-z0-9_]+)\b/g;
const modelLayers = ['staging', 'core', 'marts'];

/**
 * One school's build: its source rows are copied into an in-memory scratch database where every
 * model is built from scratch (so no model scans other schools), then the school's rows of each
 * model are swapped into the warehouse in one transaction.
 */
export async function buildSchoolInScratch(
  warehouse: Warehouse, models: Model[], schoolId: string, onModel?: (t: ModelTiming) => void,
): Promise<ModelTiming[]> {
  return warehouse.withConnection(async (conn) => {
    const main = String((await conn.runAndReadAll('select current_database() as db')).getRowObjectsJson()[0]?.db);
    const scratch = `scratch_${randomBytes(6).toString('hex')}`;
    await conn.run(`attach ':memory:' as ${scratch}`);
    try {
      await copySources(conn, models, main, scratch, schoolId);
      await copyMacros(conn, main, scratch);
      await conn.run(`use ${scratch}`);
      await conn.run('create or replace temp table build_scope as select $school::varchar as school_id', { school: schoolId });
      for (const layer of modelLayers) await conn.run(`create schema if not exists ${layer}`);
      const timings: ModelTiming[] = [];
      for (const model of models) {
        const started = performance.now();
        await conn.run(`create table ${model.relation} as ${model.sql}`);
        const rows = Number((await conn.runAndReadAll(`select count(*)::integer as n from ${model.relation}`)).getRowObjectsJson()[0]?.n ?? 0);
        const timing = { relation: model.relation, seconds: (performance.now() - started) / 1000, rows };
        timings.push(timing);
        onModel?.(timing);
      }
      await conn.run(`use ${main}`);
      await conn.run('begin transaction');
      try {
        for (const model of models) {
          await conn.run(`delete from ${main}.${model.relation} where school_id = $school`, { school: schoolId });
          await conn.run(`insert into ${main}.${model.relation} by name select * from ${scratch}.${model.relation} where school_id = $school`, { school: schoolId });
        }
        await conn.run('commit');
      } catch (err) {
        await conn.run('rollback').catch(() => undefined);
        throw err;
      }
      return timings;
    } finally {
      await conn.run(`use ${main}`).catch(() => undefined);
      await conn.run(`detach ${scratch}`).catch(() => undefined);
    }
  });
}

/** Copies the source tables the models read, limited to the school (and `*` defaults) where they carry school_id. */
async function copySources(conn: DuckDBConnection, models: Model[], main: string, scratch: string, schoolId: string): Promise<void> {
  const sources = new Set<string>();
  for (const m of models) for (const hit of m.sql.replace(/--[^\n]*/g, '').matchAll(sourcePattern)) sources.add(`${hit[1]}.${hit[2]}`);
  sources.add('raw.schools');
  for (const source of [...sources].sort()) {
    const [schema, table] = source.split('.') as [string, string];
    const cols = (await conn.runAndReadAll(
      `select column_name from information_schema.columns where table_catalog = $db and table_schema = $s and table_name = $t`,
      { db: main, s: schema, t: table },
    )).getRowObjectsJson().map((r) => String(r.column_name));
    if (cols.length === 0) continue; // a view or table not created yet: the model will say what is missing
    await conn.run(`create schema if not exists ${scratch}.${schema}`);
    const where = cols.includes('school_id') ? `where school_id = $school or school_id = '*'` : '';
    await conn.run(`create table ${scratch}.${schema}.${table} as select * from ${main}.${schema}.${table} ${where}`, where ? { school: schoolId } : {});
  }
}

/** The models' helper macros (defined by migrations in the warehouse) are needed in the scratch too. */
async function copyMacros(conn: DuckDBConnection, main: string, scratch: string): Promise<void> {
  const macros = (await conn.runAndReadAll(
    `select function_name, function_type, parameters::varchar[] as params, macro_definition from duckdb_functions()
     where database_name = $db and function_type in ('macro', 'table_macro') and not internal`,
    { db: main },
  )).getRowObjectsJson();
  for (const m of macros) {
    const params = (m.params as string[]).join(', ');
    const table = m.function_type === 'table_macro' ? 'table ' : '';
    await conn.run(`create or replace macro ${scratch}.main.${m.function_name}(${params}) as ${table}${m.macro_definition}`);
  }
}
