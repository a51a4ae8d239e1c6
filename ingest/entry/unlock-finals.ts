import { randomUUID } from 'node:crypto';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { appendAudit } from '../audit/append-audit';
import { serializedWrite } from '../audit/serialized-write';
import type { EntryActor } from './entry-actor';
import { FieldErrors } from './field-errors';
import { groupForWrite } from './load-context';
import { sqlRows, sqlRun } from './sql-rows';

/** The admin lifts the finals lock of a group's period for `hours` (default 24), with a reason. */
export async function unlockFinals(warehouse: Warehouse, admin: EntryActor, input: { groupId: string; periodId: string; reason: string; hours?: number }): Promise<{ unlockId: string; until: string }> {
  return serializedWrite(warehouse, async (conn) => {
    const g = await groupForWrite(conn, admin, input.groupId);
    const errors = new FieldErrors();
    const [period] = await sqlRows(conn, 'entry/period', { school_id: g.school_id, period_id: input.periodId });
    if (!period) errors.add('periodId', `период «${input.periodId}» не найден`);
    if (typeof input.reason !== 'string' || input.reason.trim().length < 5) errors.add('reason', 'укажите причину разблокировки (не короче 5 символов)');
    const hours = input.hours ?? 24;
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 14) errors.add('hours', 'целое число часов от 1 до 336');
    errors.throwIfAny();
    const unlockId = `UL-${randomUUID()}`;
    const until = new Date(Date.now() + hours * 3600_000).toISOString();
    const row = { school_id: g.school_id, group_id: input.groupId, period_id: input.periodId, reason: input.reason.trim(), unlocked_by: admin.login, until };
    await sqlRun(conn, 'entry/unlock-insert', { unlock_id: unlockId, ...row });
    await appendAudit(conn, { actor: admin.login, action: 'unlock', entity: 'finals_lock', entityId: `${input.groupId}:${input.periodId}`, schoolId: g.school_id, after: row });
    return { unlockId, until };
  });
}
