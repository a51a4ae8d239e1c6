import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  schoolId?: string | null;
  before?: unknown;
  after?: unknown;
  /** default: now */
  occurredAt?: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The canonical text a link's hash covers; verification recomputes it from the stored row. */
export function auditLinkText(row: {
  seq: number; occurredAt: string; actor: string; action: string; entity: string; entityId: string;
  schoolId: string | null; before: string | null; after: string | null; prevHash: string;
}): string {
  return JSON.stringify([row.seq, row.occurredAt, row.actor, row.action, row.entity, row.entityId, row.schoolId, row.before, row.after, row.prevHash]);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Appends one link to the hash-chained audit log. Call it inside the transaction of the write it
 * records, so that both land or neither does.
 */
export async function appendAudit(conn: DuckDBConnection, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const last = (await conn.runAndReadAll('select seq, hash from raw.audit_log order by seq desc limit 1')).getRowObjectsJson()[0];
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last ? String(last.hash) : GENESIS_HASH;
  const occurredAt = (entry.occurredAt ?? new Date()).toISOString();
  const before = entry.before === undefined ? null : JSON.stringify(entry.before);
  const after = entry.after === undefined ? null : JSON.stringify(entry.after);
  const schoolId = entry.schoolId ?? null;
  const hash = sha256(auditLinkText({ seq, occurredAt, actor: entry.actor, action: entry.action, entity: entry.entity, entityId: entry.entityId, schoolId, before, after, prevHash }));
  await conn.run(
    `insert into raw.audit_log (seq, occurred_at, actor, action, entity, entity_id, school_id, before, after, prev_hash, hash)
     values ($seq, $at::timestamptz, $actor, $action, $entity, $entity_id, $school_id, $before::json, $after::json, $prev_hash, $hash)`,
    { seq, at: occurredAt, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId, school_id: schoolId, before, after, prev_hash: prevHash, hash },
  );
  return { seq, hash };
}
