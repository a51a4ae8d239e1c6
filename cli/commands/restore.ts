import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { readConfig } from '../../common/config';
import { ValidationError } from '../../common/errors';
import { checkBackup, restoreBackup } from '../../reports/backup/restore-backup';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('replace the warehouse with a backup after checking its integrity (stop the server first)')
    .argument('<backup>', 'backup folder (or its manifest.json)')
    .option('--yes', 'do not ask for confirmation')
    .option('--check', 'only check the backup, change nothing')
    .action(async (path: string, opts: { yes?: boolean; check?: boolean }) => {
      const config = readConfig(process.env);
      const manifest = await checkBackup(path);
      console.log(`Копия от ${manifest.created_at} цела: ${Object.keys(manifest.tables).length} таблиц, SHA-256 совпадает`);
      if (opts.check) return;
      if (!opts.yes) {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question(`Заменить ${config.dbPath} этой копией? [да/нет] `);
        rl.close();
        if (!/^(да|y|yes)$/i.test(answer.trim())) throw new ValidationError('restore_cancelled', 'Восстановление отменено', 'restore cancelled by user');
      }
      const { previous } = await restoreBackup(path, config.dbPath);
      console.log(`Восстановлено в ${config.dbPath}${previous ? `; прежний файл сохранён как ${previous}` : ''}`);
    });
}
