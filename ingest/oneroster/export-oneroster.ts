import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { exportBundle } from '../bundle/export-bundle';
import { bundleToOneRoster, type OneRosterFileOut } from './bundle-to-oneroster';

/** One school of the warehouse as OneRoster 1.2 CSV files in DIR (through its bundle export). */
export async function exportOneRoster(warehouse: Warehouse, schoolId: string, dir: string): Promise<OneRosterFileOut[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'svodka-or-export-'));
  try {
    await exportBundle(warehouse, schoolId, tmp);
    return bundleToOneRoster(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
