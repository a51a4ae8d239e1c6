import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import type { ImportOptions } from '../bundle/import-bundle';
import { issue } from './convert-issue';
import { convertOneRoster, type OneRosterConversion } from './convert-oneroster';
import { importDrafts, type OtherImportReport } from './import-drafts';
import type { OneRosterOptions } from './map-context';

const schoolExists = readFileSync(join(import.meta.dirname, 'sql', 'school-exists.sql'), 'utf8');

/**
 * Imports a OneRoster 1.1/1.2 CSV export (folder or zip): one batch per school. A delta export
 * only lists changes, so it is refused for a school the warehouse already holds (applying it as a
 * whole school would delete what the delta does not mention).
 */
export async function importOneRoster(warehouse: Warehouse, path: string, opts: ImportOptions & OneRosterOptions = {}): Promise<OtherImportReport> {
  let conv;
  try {
    conv = await convertOneRoster(path, opts);
  } catch (e) {
    throw new ImportError('oneroster_unreadable', `Не удалось прочитать выгрузку OneRoster ${path}: ${(e as Error).message}`,
      `cannot read OneRoster export ${path}: ${(e as Error).message}`);
  }
  try {
    return await importConverted(warehouse, conv, path, opts);
  } finally {
    conv.dispose?.();
  }
}

async function importConverted(warehouse: Warehouse, conv: OneRosterConversion, path: string, opts: ImportOptions & OneRosterOptions): Promise<OtherImportReport> {
  if (conv.delta) {
    for (const d of conv.drafts) {
      const found = await warehouse.withConnection(async (c) => (await c.runAndReadAll(schoolExists, { school_id: d.schoolId })).getRows().length > 0);
      if (found) {
        conv.issues.push(issue('error', 'oneroster_delta', { file: 'manifest.csv' },
          `выгрузка содержит только изменения (delta), а школа ${d.schoolId} уже загружена — загрузка как целой школы удалила бы остальные данные; выгрузите полный набор (bulk)`,
          `delta export for school ${d.schoolId} that is already loaded; a bulk export is required`));
      }
    }
  }
  return importDrafts(warehouse, conv.drafts, conv.issues, opts.source ?? path, { ...opts, format: 'oneroster' });
}
