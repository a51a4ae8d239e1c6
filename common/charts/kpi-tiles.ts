// The director's KPI tiles rolled up from the api's counts (summary per rule, metric rows per class or
// group): each tile is a ratio of sums of counts, never a mean of rates. Pure.
import { weekTrend, type Trend } from './week-trend';

export interface RuleFigures { judged: number; breaches: number; timely_rate: number | null; complete_rate: number | null }
export interface SchoolSummary { breaches: number; rules: Record<string, RuleFigures> }
type Row = Record<string, unknown>;

export interface Kpis {
  timely: number | null;
  complete: number | null;
  fill: number | null;
  pass: number | null;
  quality: number | null;
  breaches: number | null;
}
export type KpiKey = keyof Kpis;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const ratio = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);

/** Rules whose records are judged on time / entered (R-FINALS-LOCK counts edits, not due records). */
const rated = (rules: Record<string, RuleFigures>) => Object.values(rules).filter((r) => r.timely_rate !== null && r.judged > 0);

export function kpisOf(school: SchoolSummary | null, passRows: readonly Row[], fillRows: readonly Row[]): Kpis {
  const rules = school ? rated(school.rules) : [];
  const judged = rules.reduce((s, r) => s + r.judged, 0);
  const onTime = rules.reduce((s, r) => s + (r.judged * (r.timely_rate ?? 0)) / 100, 0);
  const entered = rules.reduce((s, r) => s + (r.judged * (r.complete_rate ?? 0)) / 100, 0);
  const students = passRows.reduce((s, r) => s + n(r.students), 0);
  const passed = passRows.reduce((s, r) => s + n(r.passed), 0);
  const good = passRows.reduce((s, r) => s + (n(r.students) * n(r.quality_rate)) / 100, 0);
  const qualityKnown = passRows.some((r) => r.quality_rate !== null && r.quality_rate !== undefined);
  const cells = fillRows.reduce((s, r) => s + n(r.students), 0);
  const reached = fillRows.reduce((s, r) => s + n(r.reached), 0);
  return {
    timely: ratio(onTime, judged),
    complete: ratio(entered, judged),
    fill: ratio(reached, cells),
    pass: ratio(passed, students),
    quality: qualityKnown ? ratio(good, students) : null,
    breaches: school ? school.breaches : null,
  };
}

/** Each tile with its change against the same tile a week earlier; fewer breaches is better. */
export function kpiTrends(now: Kpis, weekAgo: Kpis): Record<KpiKey, Trend> {
  const keys = Object.keys(now) as KpiKey[];
  return Object.fromEntries(keys.map((k) => [k, weekTrend(now[k], weekAgo[k], k !== 'breaches')])) as Record<KpiKey, Trend>;
}
