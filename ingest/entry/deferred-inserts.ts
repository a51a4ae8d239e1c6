import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAuditMany, type AuditEntry } from '../audit/append-audit';
import { deferInTransaction } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { insertNewRows, type Entity } from './entities';
import type { Row } from './sql-rows';

// New objects (ids just generated, so no row holds them and nothing reads them before the commit)
// are inserted, read back and audited when the group of serialized writes is done with them: the
// rows of all writes of a group in one insert, one read and one audit append. The audit links are
// the ones auditedReplace writes for new ids ('create', before null, after the stored snapshot),
// in the same order.
interface Pending { actor: string; entity: Entity; schoolId: string; ids: string[]; rows: Row[] }

const buffers = new WeakMap<DuckDBConnection, Pending[]>();

/** Inserts and audits rows of new objects (deferred inside a serialized write); returns how many links they get. */
export async function insertNewAudited(conn: DuckDBConnection, w: Pending): Promise<number> {
  let buffer = buffers.get(conn);
  if (!buffer) {
    buffer = [];
    if (!deferInTransaction(conn, () => flush(conn))) {
      return (await auditedReplace(conn, { ...w, newIds: new Set(w.ids) })).length;
    }
    buffers.set(conn, buffer);
  }
  buffer.push(w);
  return w.ids.length;
}

async function flush(conn: DuckDBConnection): Promise<void> {
  const buffer = buffers.get(conn) ?? [];
  buffers.delete(conn);
  const links: AuditEntry[] = [];
  for (let i = 0; i < buffer.length;) {
    // consecutive writes of one entity and school go together
    const { entity, schoolId } = buffer[i]!;
    let j = i;
    while (j < buffer.length && buffer[j]!.entity === entity && buffer[j]!.schoolId === schoolId) j++;
    const run = buffer.slice(i, j);
    const after = await insertNewRows(conn, entity, schoolId, run.flatMap((p) => p.ids), run.flatMap((p) => p.rows));
    for (const p of run) {
      for (const id of p.ids) links.push({ actor: p.actor, action: 'create', entity, entityId: id, schoolId, before: null, after: after.get(id) ?? null });
    }
    i = j;
  }
  await appendAuditMany(conn, links);
}
