import { existsSync, readFileSync } from 'node:fs';
import type { IntegrityCheck } from '../../ingest/audit/integrity-check';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryRows } from '../query-rows';
import type { ArchiveEntry } from './archive-entry';
import { sha256Hex } from './archive-file';

export interface ArchiveCheck {
  entry: ArchiveEntry;
  status: 'ok' | 'changed' | 'missing';
  actualSha256: string | null;
}

/** Re-hashes every archived file that is still kept and reports any that changed or disappeared. */
export async function verifyArchive(warehouse: Warehouse, filter: { school?: string; year?: string } = {}): Promise<{ ok: boolean; checked: number; problems: ArchiveCheck[] }> {
  const entries = (await queryRows<ArchiveEntry>(warehouse, 'archive-list', { school: filter.school ?? null, year: filter.year ?? null }))
    .filter((e) => !e.deleted_at);
  const problems: ArchiveCheck[] = [];
  for (const entry of entries) {
    if (!existsSync(entry.file_path)) {
      problems.push({ entry, status: 'missing', actualSha256: null });
      continue;
    }
    const actual = sha256Hex(readFileSync(entry.file_path));
    if (actual !== entry.sha256) problems.push({ entry, status: 'changed', actualSha256: actual });
  }
  return { ok: problems.length === 0, checked: entries.length, problems };
}

/** The archive check of `svodka verify` (ingest/audit/integrity-check.ts): every kept file re-hashed. */
export const archiveCheck: IntegrityCheck = {
  name: 'archive',
  title: 'Архив подписанных документов: контрольные суммы файлов',
  async run(warehouse) {
    const r = await verifyArchive(warehouse);
    return {
      ok: r.ok,
      checked: r.checked,
      problems: r.problems.map((p) => ({
        message: `${p.status === 'missing' ? 'Файл отсутствует' : 'Файл изменён'}: ${p.entry.form_id} ${p.entry.school_id} ${p.entry.academic_year}${p.entry.class_id ? ` класс ${p.entry.class_id}` : ''} (${p.entry.file_path})`,
        logMessage: `archive entry ${p.entry.entry_id} ${p.status}: ${p.entry.file_path}`,
      })),
    };
  },
};
