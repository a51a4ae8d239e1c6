import { Command, CommanderError } from 'commander';
import { SvodkaError } from '../common/errors';
import { registerBuild } from './commands/build';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerImportOther } from './commands/import-other';
import { registerQuery } from './commands/query';
import { registerRules } from './commands/rules';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerSetupDemoAccounts } from './commands/setup-demo-accounts';
import { registerUsers } from './commands/users';
import { registerVerify } from './commands/verify';
import { registerReport } from './commands/report';
import { registerArchive } from './commands/archive';
import { registerBackup } from './commands/backup';
import { registerRestore } from './commands/restore';
import { registerVerifyPdf } from './commands/verify-pdf';
import { registerExportMetric } from './commands/export-metric';

// Each command lives in cli/commands/<name>.ts and exports register<Name>(program).
const program = new Command('svodka')
  .description('Svodka: compliance monitoring and reports for school electronic journals')
  .showHelpAfterError()
  .exitOverride();
registerBuild(program);
registerDemo(program);
registerExport(program);
registerImport(program);
registerImportOther(program);
registerQuery(program);
registerRules(program);
registerServe(program);
registerStatus(program);
registerSetupDemoAccounts(program);
registerUsers(program);
registerVerify(program);
registerReport(program);
registerArchive(program);
registerBackup(program);
registerRestore(program);
registerVerifyPdf(program);
registerExportMetric(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof SvodkaError) {
    console.error(`Ошибка: ${err.message}`);
    process.exit(2);
  }
  console.error(`error: ${(err as Error).stack ?? err}`);
  process.exit(1);
}
