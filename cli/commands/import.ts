import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { formatImportReport } from '../../common/import-report';
import { importAny, importers } from '../../ingest/import-any';
import { withWarehouse } from '../context';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a bundle folder or .zip (or another journal\'s export) into the warehouse; prints the import report')
    .argument('<path>', 'bundle folder or .zip')
    .option('--format <format>', `input format (${Object.keys(importers).join(', ')}, …)`, 'bundle')
    .option('--partial', 'load the valid rows and record the rejected ones (default: any rejected row rejects the bundle)')
    .option('--ignore-unknown-columns', 'drop unknown columns and files instead of rejecting the bundle')
    .option('--dry-run', 'validate and report without changing the warehouse')
    .option('--lang <lang>', 'report language: ru or en', 'ru')
    .option('--json', 'print the report as JSON')
    .action(async (path: string, opts: { format: string; partial?: boolean; ignoreUnknownColumns?: boolean; dryRun?: boolean; lang: string; json?: boolean }) => {
      await withWarehouse(async (warehouse) => {
        const report = await importAny(warehouse, path, opts.format, {
          partial: opts.partial, ignoreUnknownColumns: opts.ignoreUnknownColumns, dryRun: opts.dryRun,
          actor: `cli:${userInfo().username}`,
        });
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatImportReport(report, opts.lang === 'en' ? 'en' : 'ru'));
        if (report.status === 'rejected') process.exitCode = 1;
      });
    });
}
