import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { setupDemoAccounts } from '../../api/auth/demo-accounts';
import { withWarehouse } from '../context';

export function registerSetupDemoAccounts(program: Command): void {
  program
    .command('setup-demo-accounts')
    .description('create one account per role for the first school, with random passwords (written to DATA_DIR/demo-accounts.txt, mode 600)')
    .action(async () => {
      await withWarehouse(async (warehouse, config) => {
        const accounts = await setupDemoAccounts(warehouse);
        if (accounts.length === 0) return console.log('Нет школ: сначала загрузите данные (svodka import PATH).');
        const lines = accounts.map((a) => `${a.login.padEnd(14)} ${(a.password ?? '(уже есть, пароль не меняется)').padEnd(32)} ${a.role.padEnd(14)} ${a.note}`);
        const created = accounts.filter((a) => a.password);
        console.log('Демо-учётные записи (логин, пароль, роль):');
        console.log(lines.map((l) => `  ${l}`).join('\n'));
        if (created.length) {
          mkdirSync(config.dataDir, { recursive: true });
          const file = join(config.dataDir, 'demo-accounts.txt');
          writeFileSync(file, `# Svodka demo accounts (login, password, role)\n${created.map((a) => `${a.login} ${a.password} ${a.role}`).join('\n')}\n`, { mode: 0o600, flag: 'a' });
          chmodSync(file, 0o600);
          console.log(`Пароли записаны в ${file} (доступ только владельцу). Вход: http://${config.host}:${config.port}/`);
        }
      });
    });
}
