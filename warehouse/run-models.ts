import { createHash } from 'node:crypto';
import { loadModels, type Model } from './model-graph';
import type { Warehouse } from './open-warehouse';
import { buildSchoolInScratch } from './scratch-build';
import { bumpDataVersion } from './data-version';
import { buildInShadows } from './shadow-build';

export interface ModelTiming {
  relation: string;
  seconds: number;
  rows: number;
  /** one-school build: nothing this model reads changed, so its rows stand */
  skipped?: boolean;
}

export interface BuildOptions {
  /** rebuild only this school's rows; otherwise every school, from scratch */
  schoolId?: string;
  /** only these models and what depends on them (relations like `marts.r_mark_day`) */
  select?: string[];
  onModel?: (t: ModelTiming) => void;
}

const sqlHash = (m: Model) => createHash('sha256').update(m.sql).digest('hex');

/**
 * Builds the models in dependency order. Models read `build_scope` (a temp table of the building
 * connection holding the schools being built). A full build builds every model into a shadow table
 * and swaps them all in at once (shadow-build.ts). A one-school build computes that school alone in a
 * scratch in-memory database and then swaps its rows into the warehouse in one transaction, so it costs one school's work and gives
 * exactly the rows a full build gives. When a model's SQL changed since the last full build, its
 * table may have other columns: the one-school build falls back to a full build.
 */
export async function runModels(warehouse: Warehouse, opts: BuildOptions = {}): Promise<ModelTiming[]> {
  const models = selectModels(loadModels(), opts.select);
  if (opts.schoolId && (await builtWithSameSql(warehouse, models))) {
    return buildSchoolInScratch(warehouse, models, opts.schoolId, opts.onModel).finally(() => bumpDataVersion(warehouse));
  }
  return buildInShadows(warehouse, models, sqlHash, opts.onModel).finally(() => bumpDataVersion(warehouse));
}

async function builtWithSameSql(warehouse: Warehouse, models: Model[]): Promise<boolean> {
  return warehouse.withConnection(async (conn) => {
    const exists = await conn.runAndReadAll("select 1 from information_schema.tables where table_schema = 'meta' and table_name = 'model_builds'");
    if (exists.currentRowCount === 0) return false;
    const built = new Map((await conn.runAndReadAll('select relation, sql_hash from meta.model_builds')).getRowObjectsJson()
      .map((r) => [String(r.relation), String(r.sql_hash)]));
    return models.every((m) => built.get(m.relation) === sqlHash(m));
  });
}

function selectModels(all: Model[], select?: string[]): Model[] {
  if (!select?.length) return all;
  const wanted = new Set(select);
  for (const model of all) if (model.dependsOn.some((d) => wanted.has(d))) wanted.add(model.relation);
  const missing = select.filter((s) => !all.some((m) => m.relation === s));
  if (missing.length) throw new Error(`unknown model(s): ${missing.join(', ')}`);
  return all.filter((m) => wanted.has(m.relation));
}
