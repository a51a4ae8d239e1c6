import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { isQueryId, type QueryFilters } from '../common/metric-ids';
import { NotFound, ValidationError } from '../common/errors';
import type { Warehouse } from './open-warehouse';
import { sqlFile } from './sql-file';

/** What the caller may see; null (or absent) = not restricted at that level. */
export interface AllowedScope {
  schools?: string[] | null;
  classes?: string[] | null;
  groups?: string[] | null;
  students?: string[] | null;
}

export type MetricRow = Record<string, unknown>;

const queriesDir = join(import.meta.dirname, 'queries', 'metrics');
const byValues = ['subject', 'student', 'class', 'teacher', 'group'] as const;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** M-PASS, M-QUALITY, M-SOU and M-AVG are one mart with one set of columns (spec "Query output"). */
const sharedQueries: Record<string, string> = { 'M-QUALITY': 'm-pass', 'M-SOU': 'm-pass', 'M-AVG': 'm-pass' };

/** The query file answering `id` at grain `by` (`m-pass.by-student`), or null when there is none. */
export function metricQueryName(id: string, by?: string): string | null {
  const base = sharedQueries[id.toUpperCase()] ?? id.toLowerCase();
  const name = by && by !== 'subject' ? `${base}.by-${by}` : base;
  return existsSync(join(queriesDir, `${name}.sql`)) ? `metrics/${name}` : null;
}

/**
 * Rows of a rule (R-*) or metric (M-*) from warehouse/queries/metrics/<id>.sql, filtered in SQL by the
 * filters and the caller's scope. Each file gets only the $params its text uses.
 */
export async function queryMetric(
  warehouse: Warehouse,
  id: string,
  filters: QueryFilters = {},
  allowed: AllowedScope = {},
): Promise<MetricRow[]> {
  const upper = id.toUpperCase();
  if (!isQueryId(upper)) {
    throw new NotFound('unknown_metric', `Неизвестный показатель или правило «${id}»`, `unknown metric id ${id}`);
  }
  if (filters.by && !(byValues as readonly string[]).includes(filters.by)) {
    throw new ValidationError('bad_by', `Недопустимое значение by «${filters.by}»: ожидается ${byValues.join(', ')}`,
      `bad by value ${filters.by}`);
  }
  if (filters.asOf !== undefined && !isDate(filters.asOf)) {
    throw new ValidationError('bad_as_of', `Дата «${filters.asOf}» (as_of) должна быть в формате ГГГГ-ММ-ДД`,
      `bad as_of ${filters.asOf}`);
  }
  const name = metricQueryName(upper, filters.by);
  if (!name) {
    throw new NotFound('no_query', `Для «${upper}» нет разреза «${filters.by ?? 'subject'}»`,
      `no query file for ${upper} by ${filters.by ?? 'subject'}`);
  }
  const sql = sqlFile(name);
  const values: Record<string, DuckDBValue> = {
    school: filters.school ?? null,
    class: filters.class ?? null,
    group: filters.group ?? null,
    teacher: filters.teacher ?? null,
    subject: filters.subject ?? null,
    period: filters.period ?? null,
    student: filters.student ?? null,
    as_of: filters.asOf ?? null,
    allowed_schools: list(allowed.schools),
    allowed_classes: list(allowed.classes),
    allowed_groups: list(allowed.groups),
    allowed_students: list(allowed.students),
  };
  const used = usedParams(sql);
  const bound = Object.fromEntries(used.map((p) => [p, values[p] ?? null]));
  const types: Record<string, DuckDBType> = {};
  for (const p of used) if (p.startsWith('allowed_')) types[p] = LIST(VARCHAR);
  return warehouse.withConnection(async (conn) =>
    (await conn.runAndReadAll(sql, bound, types)).getRowObjectsJson() as MetricRow[]);
}

/** Named $params a query text uses (comments stripped). */
export function usedParams(sql: string): string[] {
  return [...new Set([...sql.replace(/--[^\n]*/g, '').matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1]!))];
}

function list(v: string[] | null | undefined): DuckDBValue {
  return v ? listValue(v) : null;
}

function isDate(s: string): boolean {
  if (!datePattern.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
