import type { Command } from 'commander';
import { specColumns, type QueryId } from '../../common/metric-ids';
import { queryMetric } from '../../warehouse/query-metric';
import { querySummary } from '../../warehouse/query-summary';
import { withWarehouse } from '../context';
import { printRows } from './print-rows';

interface QueryOptions {
  school?: string; class?: string; group?: string; teacher?: string; subject?: string; period?: string;
  student?: string; asOf?: string; by?: string; format: string;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .argument('<id>', 'rule or metric id (R-MARK-DAY, M-PASS, …), or "summary"')
    .description('print the rows of a rule (breaches) or a metric as of a date; "summary" = per school and teacher')
    .option('--school <id>').option('--class <id>').option('--group <id>').option('--teacher <id>')
    .option('--subject <id>').option('--period <id>').option('--student <id>')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, or the year\'s end for a finished year)')
    .option('--by <grain>', 'grain of a metric: subject (default), student, class, group')
    .option('--format <format>', 'json, csv or table', 'json')
    .action(async (id: string, opts: QueryOptions) => {
      await withWarehouse(async (w) => {
        if (id.toLowerCase() === 'summary') {
          const s = await querySummary(w, { school: opts.school, teacher: opts.teacher, asOf: opts.asOf });
          if (opts.format === 'json') return void console.log(JSON.stringify(s, null, 1));
          const flat = [...s.schools, ...s.teachers].flatMap((u) => Object.entries(u.rules).map(([rule, f]) =>
            ({ school_id: u.school_id, teacher_id: u.teacher_id, rule_id: rule, ...f })));
          return printRows(flat, opts.format);
        }
        const rows = await queryMetric(w, id, {
          school: opts.school, class: opts.class, group: opts.group, teacher: opts.teacher, subject: opts.subject,
          period: opts.period, student: opts.student, asOf: opts.asOf, by: opts.by,
        });
        const cols = rows.length === 0 ? [...(specColumns[id.toUpperCase() as QueryId] ?? [])] : undefined;
        printRows(rows, opts.format, cols);
      });
    });
}
