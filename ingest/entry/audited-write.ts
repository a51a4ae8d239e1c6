import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAuditMany } from '../audit/append-audit';
import { readSnapshots, replaceRows, sameSnapshot, type Entity, type Snapshot } from './entities';
import type { Row } from './sql-rows';

export interface EntityChange {
  entityId: string;
  before: Snapshot;
  after: Snapshot;
}

/**
 * Replaces the rows of `ids` by `rows` and appends one audit link per object that changed, with its
 * snapshot before and after. Runs on the caller's transaction.
 */
export async function auditedReplace(conn: DuckDBConnection, w: {
  actor: string; entity: Entity; schoolId: string; ids: string[]; rows: Row[]; action?: string;
  /** ids just generated (no row can hold them yet): nothing to read or delete for them */
  newIds?: ReadonlySet<string>;
}): Promise<EntityChange[]> {
  const existing = w.newIds ? w.ids.filter((id) => !w.newIds!.has(id)) : w.ids;
  const before = await readSnapshots(conn, w.entity, w.schoolId, existing);
  await replaceRows(conn, w.entity, w.schoolId, existing, w.rows);
  const after = await readSnapshots(conn, w.entity, w.schoolId, w.ids);
  const changes = w.ids
    .map((id) => ({ entityId: id, before: before.get(id) ?? null, after: after.get(id) ?? null }))
    .filter((c) => !sameSnapshot(c.before, c.after));
  await appendAuditMany(conn, changes.map((c) => ({
    actor: w.actor, action: w.action ?? actionOf(c), entity: w.entity, entityId: c.entityId, schoolId: w.schoolId,
    before: c.before, after: c.after,
  })));
  return changes;
}

const empty = (s: Snapshot) => s === null || (Array.isArray(s) && s.length === 0);
const actionOf = (c: EntityChange) => (empty(c.before) ? 'create' : empty(c.after) ? 'delete' : 'update');
