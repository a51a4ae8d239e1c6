import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { ruleIds } from '../common/metric-ids';
import type { Warehouse } from './open-warehouse';
import { metricQueryName, queryMetric, usedParams, type AllowedScope, type MetricRow } from './query-metric';
import { sqlFile } from './sql-file';

export interface SummaryFilters {
  school?: string;
  teacher?: string;
  asOf?: string;
  /** false: skip the metric rows */
  metrics?: boolean;
}

export interface RuleFigures {
  judged: number;
  breaches: number;
  timely_rate: number | null;
  complete_rate: number | null;
}

export interface SummaryUnit {
  school_id: string;
  teacher_id: string | null;
  /** the school's name, or the teacher's full name for a teacher's unit */
  name: string | null;
  as_of: string;
  breaches: number;
  rules: Record<string, RuleFigures>;
}

export interface Summary {
  schools: SummaryUnit[];
  teachers: SummaryUnit[];
  /** rows of the metric queries (M-*) a first screen shows, at their named grain, when the query exists */
  metrics: Record<string, { by: string; rows: MetricRow[] }>;
}

/** Metric queries shown on the summary and the grain asked of each. */
const summaryMetrics: [string, string | undefined][] = [
  ['M-PASS', 'class'], ['M-FILL', 'group'], ['M-TIMELY', undefined], ['M-COMPLETE', undefined], ['M-COVERAGE', undefined],
];

/** Per school and per teacher: every rule's judged records and breaches, timeliness, completeness; plus metric rows. */
export async function querySummary(warehouse: Warehouse, filters: SummaryFilters, allowed: AllowedScope = {}): Promise<Summary> {
  const sql = sqlFile('summary/rules');
  const values: Record<string, DuckDBValue> = {
    school: filters.school ?? null, teacher: filters.teacher ?? null, as_of: filters.asOf ?? null,
    allowed_schools: allowed.schools ? listValue(allowed.schools) : null,
    allowed_classes: allowed.classes ? listValue(allowed.classes) : null,
    allowed_groups: allowed.groups ? listValue(allowed.groups) : null,
  };
  const used = usedParams(sql);
  const types: Record<string, DuckDBType> = {};
  for (const p of used) if (p.startsWith('allowed_')) types[p] = LIST(VARCHAR);
  const rows = await warehouse.withConnection(async (conn) =>
    (await conn.runAndReadAll(sql, Object.fromEntries(used.map((p) => [p, values[p] ?? null])), types)).getRowObjectsJson());
  const units = new Map<string, SummaryUnit>();
  for (const r of rows) {
    const teacher = (r.teacher_id as string | null) ?? null;
    const key = `${r.school_id}\u0000${teacher ?? ''}`;
    let unit = units.get(key);
    if (!unit) {
      const name = (teacher ? r.teacher_name : r.school_name) as string | null;
      unit = { school_id: String(r.school_id), teacher_id: teacher, name, as_of: String(r.as_of), breaches: 0, rules: emptyRules() };
      units.set(key, unit);
    }
    const figures = { judged: Number(r.judged), breaches: Number(r.breaches),
      timely_rate: r.timely_rate as number | null, complete_rate: r.complete_rate as number | null };
    unit.rules[String(r.rule_id)] = figures;
    unit.breaches += figures.breaches;
  }
  const all = [...units.values()];
  const metrics: Summary['metrics'] = {};
  for (const [id, by] of filters.metrics === false ? [] : summaryMetrics) {
    if (!metricQueryName(id, by)) continue;
    metrics[id] = { by: by ?? 'default', rows: await queryMetric(warehouse, id, {
      school: filters.school, teacher: filters.teacher, asOf: filters.asOf, by }, allowed) };
  }
  return { schools: all.filter((u) => u.teacher_id === null), teachers: all.filter((u) => u.teacher_id !== null), metrics };
}

function emptyRules(): Record<string, RuleFigures> {
  return Object.fromEntries(ruleIds.map((id) => [id, { judged: 0, breaches: 0, timely_rate: null, complete_rate: null }]));
}
