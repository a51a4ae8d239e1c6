import type { DuckDBConnection } from '@duckdb/node-api';
import { pooledTransaction, type Warehouse } from '../../warehouse/open-warehouse';
import { stableImportGeneration } from '../../warehouse/import-generation';
import { currentTransaction, transactionImportGeneration, writeGeneration } from '../audit/serialized-write';
import type { EntryActor } from './entry-actor';
import { lockedPeriods, type LockedPeriod } from './finals-lock';
import { assertWritable, lessonWithStudents, readLessonWithStudents, type LessonWithStudents } from './load-context';
import { sqlRows } from './sql-rows';
import { todayIn } from '../../common/today-in-zone';

// What validating marks reads (the lesson with its students, the finals lock of its group), kept
// between serialized writes. Used only inside serialized writes, where it is checked against every
// change: a write of this process that may change journal data other than new rows bumps
// writeGeneration (before it runs, and again on rollback), and an import moves the import generation
// (warehouse/import-generation.ts) before it writes and after it ends, which each transaction compares
// with the one read before it began (no query). A finals lock is not kept while an admin unlock of
// its group is in force. Whether a kept lesson lies in the future is worked out again on every use
// (it changes at midnight in the school's zone).

// importGeneration undefined: read while an import was writing, kept for that transaction only
interface Store { generation: number; importGeneration: number | undefined; tx?: object; lessons: Map<string, LessonWithStudents>; locks: Map<string, { p: LockedPeriod[] }> }
const stores = new WeakMap<Warehouse, Store>();

async function storeFor(conn: DuckDBConnection, warehouse: Warehouse): Promise<Store> {
  const tx = currentTransaction(conn);
  let s = stores.get(warehouse);
  if (tx && s && s.tx === tx && s.generation === writeGeneration()) return s;
  const importGeneration = transactionImportGeneration(conn);
  if (!s || importGeneration === undefined || s.importGeneration !== importGeneration || s.generation !== writeGeneration()) {
    s = { generation: writeGeneration(), importGeneration, lessons: new Map(), locks: new Map() };
    stores.set(warehouse, s);
  }
  s.tx = tx;
  return s;
}

/**
 * What a write will read, read beforehand outside the serialized section (so that a cold start does
 * not read one write after another inside it). The write takes it only if no import wrote and no
 * other write of journal data started or committed since (same import generation, read before either
 * transaction began while no import was writing, and same writeGeneration); otherwise it reads again inside.
 */
export interface Prefetched { generation: number; importGeneration: number; key: string; l: LessonWithStudents; locks: LockedPeriod[]; keepLocks: boolean }

export async function prefetchLesson(warehouse: Warehouse, actor: EntryActor, lessonId: string): Promise<Prefetched | undefined> {
  const key = JSON.stringify([lessonId, actor.schools]);
  const s = stores.get(warehouse);
  if (s && s.generation === writeGeneration() && s.lessons.has(key)) return undefined;
  const generation = writeGeneration();
  const importGeneration = stableImportGeneration();
  if (importGeneration === undefined) return undefined;
  return pooledTransaction(warehouse, async (conn) => {
    const l = await readLessonWithStudents(conn, actor, lessonId);
    const where = { schoolId: l.school_id, groupId: l.group_id, onDate: l.date };
    const locks = await lockedPeriods(conn, where);
    const [u] = await sqlRows<{ ends_ms: string | null }>(conn, 'entry/unlock-ends', { school_id: where.schoolId, group_id: where.groupId });
    return { generation, importGeneration, key, l, locks, keepLocks: u?.ends_ms == null };
  }).catch(() => undefined);
}

/** lessonWithStudents, kept (outside a serialized write it always reads). */
export async function cachedLesson(conn: DuckDBConnection, warehouse: Warehouse, actor: EntryActor, lessonId: string, pre?: Prefetched): Promise<LessonWithStudents> {
  if (!currentTransaction(conn)) return lessonWithStudents(conn, actor, lessonId);
  const s = await storeFor(conn, warehouse);
  const key = JSON.stringify([lessonId, actor.schools]);
  let l = s.lessons.get(key);
  if (!l && pre && pre.key === key && pre.importGeneration === s.importGeneration && pre.generation === writeGeneration()) {
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
