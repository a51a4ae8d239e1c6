import type { DuckDBConnection } from '@duckdb/node-api';
import { pooledTransaction, type Warehouse } from '../../warehouse/open-warehouse';
import { currentTransaction, writeGeneration } from '../audit/serialized-write';
import type { EntryActor } from './entry-actor';
import { lockedPeriods, type LockedPeriod } from './finals-lock';
import { assertWritable, lessonWithStudents, readLessonWithStudents, type LessonWithStudents } from './load-context';
import { sqlRows } from './sql-rows';

// What validating marks reads (the lesson with its students, the finals lock of its group), kept
// between serialized writes. Used only inside serialized writes, where it is checked against every
// change: a write of this process that may change journal data other than new rows bumps
// writeGeneration (before it runs, and again on rollback), and an import commits a batch row, which
// the first write of each transaction looks for. A finals lock is not kept while an admin unlock of
// its group is in force. Whether a kept lesson lies in the future is worked out again on every use
// (it changes at midnight in the school's zone).

interface Store { generation: number; stamp: string; tx?: object; lessons: Map<string, LessonWithStudents>; locks: Map<string, { p: LockedPeriod[] }> }
const stores = new WeakMap<Warehouse, Store>();

async function storeFor(conn: DuckDBConnection, warehouse: Warehouse): Promise<Store> {
  const tx = currentTransaction(conn);
  let s = stores.get(warehouse);
  if (tx && s && s.tx === tx && s.generation === writeGeneration()) return s;
  const stamp = await importStamp(conn);
  if (!s || s.stamp !== stamp || s.generation !== writeGeneration()) {
    s = { generation: writeGeneration(), stamp, lessons: new Map(), locks: new Map() };
    stores.set(warehouse, s);
  }
  s.tx = tx;
  return s;
}

/**
 * What a write will read, read beforehand outside the serialized section (so that a cold start does
 * not read one write after another inside it), in one snapshot with the import stamp. The write takes
 * it only if no import committed and no other write of journal data started or committed since
 * (same stamp and writeGeneration); otherwise it reads again inside.
 */
export interface Prefetched { generation: number; stamp: string; key: string; l: LessonWithStudents; locks: LockedPeriod[]; keepLocks: boolean }

export async function prefetchLesson(warehouse: Warehouse, actor: EntryActor, lessonId: string): Promise<Prefetched | undefined> {
  const key = JSON.stringify([lessonId, actor.schools]);
  const s = stores.get(warehouse);
  if (s && s.generation === writeGeneration() && s.lessons.has(key)) return undefined;
  const generation = writeGeneration();
  return pooledTransaction(warehouse, async (conn) => {
    const stamp = await importStamp(conn);
    const l = await readLessonWithStudents(conn, actor, lessonId);
    const where = { schoolId: l.school_id, groupId: l.group_id, onDate: l.date };
    const locks = await lockedPeriods(conn, where);
    const [u] = await sqlRows<{ ends_ms: string | null }>(conn, 'entry/unlock-ends', { school_id: where.schoolId, group_id: where.groupId });
    return { generation, stamp, key, l, locks, keepLocks: u?.ends_ms == null };
  }).catch(() => undefined);
}

const importStamp = async (conn: DuckDBConnection) => {
  const [probe] = await sqlRows<{ n: string; last: string | null }>(conn, 'entry/import-stamp');
  return `${probe?.n}:${probe?.last}`;
};

/** lessonWithStudents, kept (outside a serialized write it always reads). */
export async function cachedLesson(conn: DuckDBConnection, warehouse: Warehouse, actor: EntryActor, lessonId: string, pre?: Prefetched): Promise<LessonWithStudents> {
  if (!currentTransaction(conn)) return lessonWithStudents(conn, actor, lessonId);
  const s = await storeFor(conn, warehouse);
  const key = JSON.stringify([lessonId, actor.schools]);
  let l = s.lessons.get(key);
  if (!l && pre && pre.key === key && pre.stamp === s.stamp && pre.generation === writeGeneration()) {
    l = pre.l;
    s.lessons.set(key, l);
    if (pre.keepLocks) s.locks.set(JSON.stringify([l.school_id, l.group_id, l.date]), { p: pre.locks });
  }
  if (!l) {
    // kept per set of schools seen; who may write it is checked for each actor
    l = await readLessonWithStudents(conn, actor, lessonId);
    s.lessons.set(key, l);
  }
  assertWritable(actor, l.group_id);
  return { ...l, in_future: l.date > todayIn(l.timezone) };
}

/** Today's date (YYYY-MM-DD) in a time zone, as `(now() at time zone tz)::date` gives it. */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** lockedPeriods of a group on a date, kept. */
export async function cachedLocks(conn: DuckDBConnection, warehouse: Warehouse, where: { schoolId: string; groupId: string; onDate: string }): Promise<LockedPeriod[]> {
  if (!currentTransaction(conn)) return lockedPeriods(conn, where);
  const s = await storeFor(conn, warehouse);
  const key = JSON.stringify([where.schoolId, where.groupId, where.onDate]);
  const hit = s.locks.get(key);
  if (hit) return hit.p;
  const p = await lockedPeriods(conn, where);
  const [u] = await sqlRows<{ ends_ms: string | null }>(conn, 'entry/unlock-ends', { school_id: where.schoolId, group_id: where.groupId });
  // while an admin unlock is in force the lock is read every time (it comes back when the unlock ends)
  if (u?.ends_ms == null) s.locks.set(key, { p });
  return p;
}
