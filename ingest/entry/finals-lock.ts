import type { DuckDBConnection } from '@duckdb/node-api';
import { Conflict } from '../../common/errors';
import { sqlRows } from './sql-rows';

/** Refuses a change to a group's period once its finals are set (unless the admin unlocked it). */
export async function assertNotLocked(conn: DuckDBConnection, where: { schoolId: string; groupId: string; onDate?: string; periodId?: string }): Promise<void> {
  const locked = await sqlRows<{ period_id: string; name: string }>(conn, 'entry/finals-locked', {
    school_id: where.schoolId, group_id: where.groupId, on_date: where.onDate ?? null, period_id: where.periodId ?? null,
  });
  if (locked.length === 0) return;
  const names = locked.map((p) => p.name).join(', ');
  throw new Conflict('period_locked',
    `Период «${names}» закрыт: итоговые оценки выставлены. Изменения возможны только после разблокировки администратором`,
    `period ${locked.map((p) => p.period_id).join(',')} of group ${where.groupId} locked by finals`,
    { periods: locked.map((p) => p.period_id) });
}
