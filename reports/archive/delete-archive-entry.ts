import { rmSync } from 'node:fs';
import { Conflict, NotFound } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { formatDateRu } from '../html/format-ru';
import { queryRows } from '../query-rows';

/**
 * Deletes an archived file once its retention period is over (the registry row stays, marked deleted).
 * Before that the deletion is refused: the summary sheet is kept 25 years, the journal 5.
 */
export async function deleteArchiveEntry(warehouse: Warehouse, entryId: string, now: Date = new Date()): Promise<void> {
  const [entry] = await queryRows<{ entry_id: string; form_id: string; file_path: string; retain_until: string; deleted_at: string | null }>(
    warehouse, 'archive-entry', { entry_id: entryId });
  if (!entry || entry.deleted_at) throw new NotFound('archive_entry_not_found', `Запись архива «${entryId}» не найдена`, `archive entry ${entryId} not found`);
  const today = now.toISOString().slice(0, 10);
  if (today <= entry.retain_until) {
    throw new Conflict('retention_not_over',
      `Удаление запрещено: документ ${entry.form_id} хранится до ${formatDateRu(entry.retain_until)} включительно`,
      `archive entry ${entryId} is retained until ${entry.retain_until}`);
  }
  await queryRows(warehouse, 'archive-mark-deleted', { entry_id: entryId, at: now.toISOString() });
  rmSync(entry.file_path, { force: true });
}
