import type { Command } from 'commander';
import { makeBackup } from '../../reports/backup/make-backup';
import { readReportsConfig } from '../../reports/reports-config';
import { withWarehouse } from '../context';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('a consistent backup of the warehouse into a folder (SVODKA_BACKUP_DIR), rotated (SVODKA_BACKUP_KEEP)')
    .option('--out <dir>', 'backup folder (default SVODKA_BACKUP_DIR, data/backups)')
    .option('--keep <n>', 'how many backups to keep')
    .action(async (opts: { out?: string; keep?: string }) => {
      await withWarehouse(async (warehouse, config) => {
        const rc = readReportsConfig(config);
        const result = await makeBackup(warehouse, { dir: opts.out ?? rc.backupDir, keep: opts.keep ? Number(opts.keep) : rc.backupKeep, trigger: 'cli' });
        console.log(`Резервная копия: ${result.path}`);
        console.log(`  таблиц: ${Object.keys(result.manifest.tables).length}, размер: ${result.manifest.size_bytes} байт, SHA-256: ${result.manifest.sha256}`);
        for (const r of result.removed) console.log(`  удалена старая копия: ${r}`);
      });
    });
}
