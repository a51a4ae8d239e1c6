import { join } from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../common/errors';
import { exportBundle, schoolIds, type ExportedFile } from '../../ingest/bundle/export-bundle';
import { exportOneRoster } from '../../ingest/oneroster/export-oneroster';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { withWarehouse } from '../context';

/** --format X: writes one school into a folder. Other formats add one line here. */
export const exporters: Record<string, (warehouse: Warehouse, schoolId: string, dir: string) => Promise<ExportedFile[]>> = {
  bundle: exportBundle,
  oneroster: exportOneRoster,
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the warehouse back as journal bundles: DIR/<school_id>/*.csv')
    .argument('<dir>', 'output folder')
    .option('--school <id>', 'only this school')
    .option('--format <format>', `output format (${Object.keys(exporters).join(', ')})`, 'bundle')
    .action(async (dir: string, opts: { school?: string; format: string }) => {
      const exporter = exporters[opts.format];
      if (!exporter) throw new ValidationError('unknown_format', `Неизвестный формат выгрузки «${opts.format}»`, `unknown export format ${opts.format}`);
      await withWarehouse(async (warehouse) => {
        const ids = opts.school ? [opts.school] : await schoolIds(warehouse);
        if (!ids.length) console.log('Хранилище пусто: выгружать нечего');
        for (const id of ids) {
          const files = await exporter(warehouse, id, join(dir, id));
          console.log(`${join(dir, id)}: ${files.length} файлов, ${files.reduce((s, f) => s + f.rows, 0)} строк`);
        }
      });
    });
}
