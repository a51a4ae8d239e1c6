import { ImportError } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import type { ImportOptions } from '../bundle/import-bundle';
import { importDrafts, type OtherImportReport } from '../oneroster/import-drafts';
import { convertXlsx } from './convert-xlsx';
import type { XlsxOptions } from './xlsx-context';

/**
 * Imports spreadsheet exports of another journal (an .xlsx/.csv file or a folder of them) as one
 * school's bundle. Like every bundle import it replaces the school's data: import all of the school's
 * files together.
 */
export async function importXlsx(warehouse: Warehouse, path: string, opts: ImportOptions & XlsxOptions = {}): Promise<OtherImportReport> {
  let conv;
  try {
    conv = await convertXlsx(path, opts);
  } catch (e) {
    throw new ImportError('xlsx_unreadable', `Не удалось прочитать ${path}: ${(e as Error).message}`, `cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return await importDrafts(warehouse, conv.draft ? [conv.draft] : [], conv.issues, opts.source ?? path, { ...opts, format: 'xlsx' });
  } finally {
    conv.dispose?.();
  }
}
