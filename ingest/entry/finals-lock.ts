import type { DuckDBConnection } from '@duckdb/node-api';
import { Conflict } from '../../common/errors';
import { sqlRows } from './sql-rows';

export interface LockedPeriod { period_id: string; name: string }
type Where = { schoolId: string; groupId: string; onDate?: string; periodId?: string };

/** The periods of a group (holding the date, or the one period) whose finals are set and not unlocked. */
export const lockedPeriods = (conn: DuckDBConnection, where: Where): Promise<LockedPeriod[]> => sqlRows<LockedPeriod>(conn, 'entry/finals-locked', {
  school_id: where.schoolId, group_id: where.groupId, on_date: where.onDate ?? null, period_id: where.periodId ?? null,
});

/** Refuses a change to a group's period once its finals are set (unless the admin unlocked it). */
export async function assertNotLocked(conn: DuckDBConnection, where: Where): Promise<void> {
  refuseLocked(await lockedPeriods(conn, where), where.groupId);
}

export function refuseLocked(locked: LockedPeriod[], groupId: string): void {
  if (locked.length === 0) return;
  const names = locked.map((p) => p.name).join(', ');
  throw new Conflict('period_locked',
    `Период «${names}» закрыт: итоговые оценки выставлены. Изменения возможны только после разблокировки администратором`,
    `period ${locked.map((p) => p.period_id).join(',')} of group ${groupId} locked by finals`,
    { periods: locked.map((p) => p.period_id) });
}
