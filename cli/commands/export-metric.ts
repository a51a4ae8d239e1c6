import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../common/errors';
import { exportMetric } from '../../reports/export/metric-export';
import { withWarehouse } from '../context';

export function registerExportMetric(program: Command): void {
  program
    .command('export-metric')
    .description('write the rows of a metric or breach list (M-*, R-*) as CSV (UTF-8 BOM) or XLSX with Russian headers')
    .argument('<id>', 'metric or rule id, e.g. M-PASS, R-MARK-DAY')
    .requiredOption('--out <file>', 'FILE.csv or FILE.xlsx')
    .option('--school <id>').option('--class <id>').option('--group <id>').option('--teacher <id>').option('--subject <id>')
    .option('--period <id>').option('--student <id>').option('--as-of <date>').option('--by <grain>')
    .action(async (id: string, opts: { out: string; school?: string; class?: string; group?: string; teacher?: string; subject?: string; period?: string; student?: string; asOf?: string; by?: string }) => {
      const format = opts.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : opts.out.toLowerCase().endsWith('.csv') ? 'csv' : null;
      if (!format) throw new ValidationError('bad_out', `Файл «${opts.out}» должен оканчиваться на .csv или .xlsx`, `export-metric --out must be .csv or .xlsx`);
      await withWarehouse(async (warehouse) => {
        const f = await exportMetric(warehouse, id, format, {
          school: opts.school, class: opts.class, group: opts.group, teacher: opts.teacher, subject: opts.subject,
          period: opts.period, student: opts.student, asOf: opts.asOf, by: opts.by,
        });
        writeFileSync(opts.out, f.bytes);
        console.log(`${opts.out}: ${f.rows} строк`);
      });
    });
}
