import type { DuckDBConnection } from '@duckdb/node-api';
import { appendableMarks, appendNewMarks } from './append-new-marks';
import { jsonList, sqlRows, sqlRun, type Row } from './sql-rows';

/**
 * The journal objects native entry writes, each audited under one entity id. The audit link's
 * `after` is the object's snapshot (warehouse/queries/entry/snapshot-<entity>.sql) read back after the
 * write, so that `svodka verify` can compare the stored rows with the chain. `many`: the entity is a
 * set of rows (the attendance of one lesson).
 */
export const entityKinds = {
  lesson: { table: 'raw.lessons', many: false },
  attendance: { table: 'raw.attendance', many: true },
  mark: { table: 'raw.marks', many: false },
  control_work: { table: 'raw.control_works', many: false },
  final_mark: { table: 'raw.final_marks', many: false },
  recommendation: { table: 'raw.recommendations', many: false },
  parent_ack: { table: 'raw.parent_acks', many: false },
  guardian: { table: 'raw.guardians', many: false },
} as const;

export type Entity = keyof typeof entityKinds;
export const isEntity = (e: string): e is Entity => Object.hasOwn(entityKinds, e);

/** A snapshot: one row object, an array of rows (many), or null when there is none. */
export type Snapshot = Row | Row[] | null;

/** The current snapshots of the given ids (ids without rows map to null, or [] for `many`). */
export async function readSnapshots(conn: DuckDBConnection, entity: Entity, schoolId: string, ids: string[]): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>();
  const many = entityKinds[entity].many;
  for (const id of ids) out.set(id, many ? [] : null);
  if (ids.length === 0) return out;
  const rows = await sqlRows(conn, `entry/snapshot-${entity}`, { school_id: schoolId, ids: jsonList(ids) });
  for (const { entity_id, ...row } of rows) {
    const id = String(entity_id);
    if (many) (out.get(id) as Row[]).push(row);
    else out.set(id, row);
  }
  return out;
}

/** Replaces the rows of the given ids by `rows` (each a full row object of the entity's table). */
export async function replaceRows(conn: DuckDBConnection, entity: Entity, schoolId: string, ids: string[], rows: Row[]): Promise<void> {
  // ids to replace (those not in `rows` are deleted)
  if (ids.length) await sqlRun(conn, `entry/delete-${entity}`, { school_id: schoolId, ids: jsonList(ids) });
  if (rows.length) await sqlRun(conn, `entry/insert-${entity}`, { school_id: schoolId, rows: JSON.stringify(rows) });
}

/** Entities whose insert returns their snapshots (entry/insert-<entity>-returning.sql). */
const insertReturns: ReadonlySet<Entity> = new Set(['mark']);

/**
 * Inserts rows of new objects (no row holds their ids) and returns their snapshots as readSnapshots would
 * (marks: by the appender, append-new-marks.ts; otherwise by an insert from JSON returning them).
 */
export async function insertNewRows(conn: DuckDBConnection, entity: Entity, schoolId: string, ids: string[], rows: Row[]): Promise<Map<string, Snapshot>> {
  if (!insertReturns.has(entity) || entityKinds[entity].many || rows.length === 0) {
    await replaceRows(conn, entity, schoolId, [], rows);
    return readSnapshots(conn, entity, schoolId, ids);
  }
  const out = new Map<string, Snapshot>(ids.map((id) => [id, null]));
  if (entity === 'mark' && appendableMarks(rows)) {
    for (const [id, snapshot] of await appendNewMarks(conn, schoolId, rows)) out.set(id, snapshot);
    return out;
  }
  const stored = await sqlRows(conn, `entry/insert-${entity}-returning`, { school_id: schoolId, rows: JSON.stringify(rows) });
  for (const { entity_id, ...row } of stored) out.set(String(entity_id), row);
  return out;
}

/** Rows of a snapshot, to write it back (restore from quarantine). */
export const snapshotRows = (s: Snapshot): Row[] => (s === null ? [] : Array.isArray(s) ? s : [s]);

export const sameSnapshot = (a: Snapshot, b: Snapshot): boolean => JSON.stringify(a) === JSON.stringify(b);
