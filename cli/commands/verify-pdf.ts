import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verdictRu, verifyDocument } from '../../reports/archive/verify-document';
import { withWarehouse } from '../context';

const exitCodes = { valid: 0, altered: 3, unknown: 4 } as const;

export function registerVerifyPdf(program: Command): void {
  program
    .command('verify-pdf')
    .description('is this PDF a document Svodka issued, unchanged? prints valid / altered / unknown')
    .argument('<file>')
    .action(async (file: string) => {
      await withWarehouse(async (warehouse) => {
        const v = await verifyDocument(warehouse, readFileSync(file));
        console.log(v.status);
        console.log(verdictRu[v.status]);
        if (v.signature.signerName) console.log(`Подписант: ${v.signature.signerName}`);
        if (v.entry) console.log(`В архиве: ${v.entry.form_id} ${v.entry.school_id} ${v.entry.academic_year} ${v.entry.class_id ?? ''}, подписан ${v.entry.archived_at}`);
        console.log(`SHA-256: ${v.sha256}`);
        process.exitCode = exitCodes[v.status];
      });
    });
}
