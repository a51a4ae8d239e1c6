import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportIssue, ImportReport } from '../../common/import-report';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { csvLine } from './parse-csv';

const sql = (name: string) => readFileSync(join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');
const historySql = sql('import-history');
const reportSql = sql('import-batch-report');

export interface BatchRow { batch_id: string; school_id: string | null; source: string; format: string; status: string; rejected: number; actor: string | null; started_at: string; finished_at: string | null }

/** `schools` null = every school (an installation admin). */
export async function listImportBatches(warehouse: Warehouse, schools: string[] | null, limit = 100): Promise<BatchRow[]> {
  return warehouse.withConnection(async (c) => (await c.runAndReadAll(historySql, {
    all_schools: schools === null, schools: JSON.stringify(schools ?? []), limit,
  })).getRowObjectsJson() as unknown as BatchRow[]);
}

export async function batchReport(warehouse: Warehouse, batchId: string, schools: string[] | null): Promise<(ImportReport & { warnings?: ImportIssue[] }) | null> {
  const row = await warehouse.withConnection(async (c) => (await c.runAndReadAll(reportSql, {
    batch_id: batchId, all_schools: schools === null, schools: JSON.stringify(schools ?? []),
  })).getRowObjectsJson()[0]);
  return row ? JSON.parse(String(row.report)) as ImportReport : null;
}

/** The error report as CSV (UTF-8 with BOM so that Excel opens the Cyrillic right). */
export function issuesCsv(issues: ImportIssue[]): string {
  return '\uFEFF' + csvLine(['файл', 'строка', 'поле', 'код', 'сообщение'])
    + issues.map((i) => csvLine([i.file, i.line === null ? '' : String(i.line), i.column ?? '', i.code, i.message])).join('');
}
