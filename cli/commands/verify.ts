import type { Command } from 'commander';
import { runIntegrityChecks, type IntegrityCheck } from '../../ingest/audit/integrity-check';
import { auditChecks } from '../../ingest/audit/verify-chain';
import { archiveCheck } from '../../reports/archive/verify-archive';
import { withWarehouse } from '../context';

/** Every integrity check, in order; other rooms add theirs here (the PDF archive check). */
const checks: IntegrityCheck[] = [...auditChecks, archiveCheck];

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('integrity check: the audit chain, the audited journal rows (names the first broken link)')
    .action(async () => {
      await withWarehouse(async (warehouse) => {
        const results = await runIntegrityChecks(warehouse, checks);
        for (const r of results) {
          console.log(`${r.ok ? 'OK  ' : 'FAIL'} ${r.title} (${r.name}): проверено ${r.checked}`);
          for (const p of r.problems) console.log(`     ${p.message}`);
        }
        if (results.some((r) => !r.ok)) process.exitCode = 1;
      });
    });
}
