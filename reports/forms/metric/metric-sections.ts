import type { QueryFilters } from '../../../common/metric-ids';
import { metricQueryName, queryMetric, type MetricRow } from '../../../warehouse/query-metric';
import { querySummary } from '../../../warehouse/query-summary';
import type { MetricSectionSpec, SectionContext } from './metric-form-spec';

/** A section answered by queryMetric for every school of the form, with the request's filters. */
export function metricSection(heading: string, id: string, columns: string[], opts: { by?: string; chart?: MetricSectionSpec['chart']; labels?: Record<string, string> } = {}): MetricSectionSpec {
  return {
    heading,
    columns,
    labels: opts.labels,
    chart: opts.chart,
    async load(ctx: SectionContext) {
      if (!metricQueryName(id, opts.by)) return null;
      const rows: MetricRow[] = [];
      for (const school of ctx.schools) {
        const filters: QueryFilters = { school, class: ctx.req.class, period: ctx.req.period, student: ctx.req.student, asOf: ctx.req.asOf, by: opts.by };
        rows.push(...await queryMetric(ctx.warehouse, id, filters, ctx.allowed));
      }
      return rows;
    },
  };
}

/** Records judged and breaches per rule, per teacher or per school (the rules engineer's summary query). */
export function ruleSummarySection(heading: string, level: 'teachers' | 'schools'): MetricSectionSpec {
  return {
    heading,
    columns: level === 'teachers'
      ? ['teacher_id', 'rule_id', 'judged', 'breaches', 'timely_rate', 'complete_rate']
      : ['school_id', 'rule_id', 'judged', 'breaches', 'timely_rate', 'complete_rate'],
    async load(ctx: SectionContext) {
      const rows: MetricRow[] = [];
      for (const school of ctx.schools) {
        const summary = await querySummary(ctx.warehouse, { school, asOf: ctx.req.asOf }, ctx.allowed);
        for (const unit of summary[level]) {
          for (const [rule_id, f] of Object.entries(unit.rules)) {
            if (f.judged > 0 || f.breaches > 0) rows.push({ school_id: unit.school_id, teacher_id: unit.teacher_id, rule_id, ...f });
          }
        }
      }
      return rows;
    },
  };
}
