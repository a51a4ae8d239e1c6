import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import { formIds } from '../../reports/forms/form-registry';
import { produceForm } from '../../reports/produce-form';
import { reportsContext } from '../../reports/reports-context';
import { withWarehouse } from '../context';

interface ReportOpts { school?: string; class?: string; period?: string; student?: string; year?: string; district?: string; asOf?: string; out: string; sign?: boolean }

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(`render an official form as PDF (${formIds.join(', ')})`)
    .argument('<form>', 'form id, e.g. F-SUMMARY')
    .option('--school <id>', 'school')
    .option('--class <id>', 'class (F-SUMMARY, F-JOURNAL, F-MISSED, F-UNSAT)')
    .option('--period <id>', 'one period instead of the whole year')
    .option('--student <id>', 'student (F-EXTRACT)')
    .option('--year <year>', 'academic year, e.g. 2025/2026')
    .option('--district <id>', 'district (F-DISTRICT)')
    .option('--as-of <date>', 'YYYY-MM-DD for metric-based forms')
    .requiredOption('--out <file>', 'output PDF file')
    .option('--sign', 'sign (PAdES) and register in the archive')
    .action(async (form: string, opts: ReportOpts) => {
      try {
        await withWarehouse(async (warehouse, config) => {
          const r = await produceForm(reportsContext(warehouse, config), form, {
            school: opts.school, class: opts.class, period: opts.period, student: opts.student, year: opts.year, district: opts.district, asOf: opts.asOf,
          }, { sign: opts.sign });
          writeFileSync(opts.out, r.pdf);
          console.log(`${opts.out}: ${r.doc.title}, ${r.pdf.length} байт, SHA-256 ${r.sha256}${r.entry ? `; подписан, в архиве до ${r.entry.retain_until}` : ''}`);
        });
      } finally {
        await closeSharedBrowser();
      }
    });
}
