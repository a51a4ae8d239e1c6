import type { Command } from 'commander';
import { withWarehouse } from '../context';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('what the warehouse holds')
    .option('--schools', 'print only the number of schools')
    .action(async (opts: { schools?: boolean }) => {
      await withWarehouse(async (warehouse, config) => {
        const rows = await warehouse.withConnection(async (conn) =>
          (await conn.runAndReadAll('select school_id, school_name, academic_year from raw.schools order by school_id')).getRowObjectsJson());
        if (opts.schools) return console.log(String(rows.length));
        console.log(`warehouse: ${config.dbPath}`);
        console.log(rows.length ? rows.map((r) => `  ${r.school_id}  ${r.school_name}  ${r.academic_year}`).join('\n') : '  no schools yet (svodka import PATH)');
      });
    });
}
