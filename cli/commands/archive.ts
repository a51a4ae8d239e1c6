import type { Command } from 'commander';
import { archiveYear } from '../../reports/archive/archive-year';
import { deleteArchiveEntry } from '../../reports/archive/delete-archive-entry';
import { verifyArchive } from '../../reports/archive/verify-archive';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import { queryRows } from '../../reports/query-rows';
import { reportsContext } from '../../reports/reports-context';
import { withWarehouse } from '../context';

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description('the archive of signed forms and year snapshots');
  archive
    .command('year')
    .description("sign and archive the year's F-JOURNAL and F-SUMMARY of every class and a bundle snapshot")
    .option('--school <id>', 'one school (default every school)')
    .option('--year <year>', 'academic year, e.g. 2025/2026 (checked against the school)')
    .action(async (opts: { school?: string; year?: string }) => {
      try {
        await withWarehouse(async (warehouse, config) => {
          const ctx = reportsContext(warehouse, config);
          const schools = opts.school ? [opts.school] : (await queryRows<{ school_id: string }>(warehouse, 'archive-schools')).map((s) => s.school_id);
          for (const school of schools) {
            await archiveYear(ctx, { school, year: opts.year, onEntry: (e) => console.log(`${e.school_id} ${e.academic_year} ${e.form_id} ${e.class_id ?? ''} -> ${e.file_path} (хранить до ${e.retain_until})`) });
          }
        });
      } finally {
        await closeSharedBrowser();
      }
    });
  archive
    .command('verify')
    .description('re-hash every archived file and report changes')
    .option('--school <id>')
    .option('--year <year>')
    .action(async (opts: { school?: string; year?: string }) => {
      await withWarehouse(async (warehouse) => {
        const r = await verifyArchive(warehouse, opts);
        for (const p of r.problems) console.log(`${p.status === 'missing' ? 'НЕТ ФАЙЛА' : 'ИЗМЕНЁН'}: ${p.entry.form_id} ${p.entry.class_id ?? ''} ${p.entry.file_path}`);
        console.log(`Проверено файлов архива: ${r.checked}; нарушений: ${r.problems.length}`);
        if (!r.ok) process.exitCode = 3;
      });
    });
  archive
    .command('list')
    .option('--school <id>')
    .option('--year <year>')
    .action(async (opts: { school?: string; year?: string }) => {
      await withWarehouse(async (warehouse) => {
        const rows = await queryRows<Record<string, unknown>>(warehouse, 'archive-list', { school: opts.school ?? null, year: opts.year ?? null });
        for (const e of rows) console.log([e.entry_id, e.school_id, e.academic_year, e.form_id, e.class_id ?? '-', e.retain_until, e.deleted_at ? 'удалён' : '', e.file_path].join('  '));
      });
    });
  archive
    .command('delete')
    .description('delete an archived file whose retention period is over')
    .argument('<entry_id>')
    .action(async (entryId: string) => {
      await withWarehouse(async (warehouse) => {
        await deleteArchiveEntry(warehouse, entryId);
        console.log(`Удалено: ${entryId}`);
      });
    });
}
