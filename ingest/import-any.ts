// `svodka import --format X`: one importer per format. Every importer returns the same ImportReport;
// the OneRoster and XLSX importers (ingest/oneroster, ingest/xlsx) convert to a bundle and call
// importBundle. To add a format: one line in `importers`.
import { ValidationError } from '../common/errors';
import type { ImportReport } from '../common/import-report';
import type { Warehouse } from '../warehouse/open-warehouse';
import { importBundle, type ImportOptions } from './bundle/import-bundle';
import { importOneRoster } from './oneroster/import-oneroster';
import { importXlsx } from './xlsx/import-xlsx';

export type Importer = (warehouse: Warehouse, path: string, opts: ImportOptions) => Promise<ImportReport>;

export const importers: Record<string, Importer> = {
  bundle: importBundle,
  oneroster: importOneRoster,
  xlsx: importXlsx,
};

export async function importAny(warehouse: Warehouse, path: string, format: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const importer = importers[format];
  if (!importer) {
    const known = Object.keys(importers).join(', ');
    throw new ValidationError('unknown_format', `Неизвестный формат импорта «${format}»; доступны: ${known}`, `unknown import format "${format}" (known: ${known})`);
  }
  return importer(warehouse, path, opts);
}
