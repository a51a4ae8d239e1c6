import { hash } from 'node:crypto';
import { DuckDBTimestampTZValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { sqlRows } from '../entry/sql-rows';
import { knownTail, movedTail } from './audit-tail';

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

export interface AuditLinkFields {
  seq: number; occurredAt: string; actor: string; action: string; entity: string; entityId: string;
  schoolId: string | null; before: string | null; after: string | null; prevHash: string;
}

/**
 * The canonical text a link's hash covers; verification recomputes it from the stored row.
 * `occurredAt` is the ISO text of the instant in UTC with milliseconds (Date#toISOString), which the
 * verifier rebuilds from epoch_ms(occurred_at); `before`/`after` are the exact JSON texts stored
 * (DuckDB keeps JSON text as given).
 */
export function auditLinkText(row: AuditLinkFields): string {
  return JSON.stringify([row.seq, row.occurredAt, row.actor, row.action, row.entity, row.entityId, row.schoolId, row.before, row.after, row.prevHash]);
}

// one-shot crypto.hash: the same digest as createHash(…).update(…).digest('hex'), ~2.5× faster for a link
export const sha256 = (text: string): string => hash('sha256', text, 'hex');

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

async function lastLink(conn: DuckDBConnection): Promise<{ seq: number; hash: string }> {
  const known = knownTail(conn);
  if (known) return known;
  const [last] = await sqlRows(conn, 'entry/audit-last');
  return last ? { seq: Number(last.seq), hash: String(last.hash) } : { seq: 0, hash: GENESIS_HASH };
}

/** Columns in the order of raw.audit_log (warehouse/migrations/001_raw.sql), the stored texts exactly as hashed. */
async function appendLinks(conn: DuckDBConnection, links: (AuditLinkFields & { hash: string })[]): Promise<void> {
  const appender = await conn.createAppender('audit_log', 'raw');
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  let flushed = false;
  try {
    for (const l of links) {
      appender.appendBigInt(BigInt(l.seq));
      appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(l.occurredAt)) * 1000n));
      text(l.actor); text(l.action); text(l.entity); text(l.entityId); text(l.schoolId); text(l.before); text(l.after); text(l.prevHash); text(l.hash);
      appender.endRow();
    }
    appender.flushSync();
    flushed = true;
  } finally {
    closeAppender(appender, flushed);
  }
}

/** Closes an appender; after a failed append its close fails too, and would hide the first error. */
export function closeAppender(appender: DuckDBAppender, flushed: boolean): void {
  if (flushed) return appender.closeSync();
  try {
    appender.closeSync();
  } catch {
    // the append's own error is the one being thrown
  }
}

/** Builds the links following `prev` for the entries, hashes computed. */
function chain(prev: { seq: number; hash: string }, entries: AuditEntry[]): (AuditLinkFields & { hash: string })[] {
  const now = new Date();
  let { seq, hash: prevHash } = prev;
  return entries.map((e) => {
    seq += 1;
    // a Date with milliseconds only: timestamptz keeps microseconds, but we hash what we store
    const fields: AuditLinkFields = {
      seq, occurredAt: new Date((e.occurredAt ?? now).getTime()).toISOString(), actor: e.actor, action: e.action,
      entity: e.entity, entityId: e.entityId, schoolId: e.schoolId ?? null, before: toJson(e.before), after: toJson(e.after), prevHash,
    };
    const hash = sha256(auditLinkText(fields));
    prevHash = hash;
    return { ...fields, hash };
  });
}

/**
 * Appends one link to the hash-chained audit log. Call it inside the transaction of the write it
 * records, so that both land or neither does (and inside `serializedWrite`, so links never race).
 */
export async function appendAudit(conn: DuckDBConnection, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const [link] = await appendAuditMany(conn, [entry]);
  return link!;
}

/** Appends many links at once (bulk entry); same guarantees as appendAudit. */
export async function appendAuditMany(conn: DuckDBConnection, entries: AuditEntry[]): Promise<{ seq: number; hash: string }[]> {
  if (entries.length === 0) return [];
  const links = chain(await lastLink(conn), entries);
  // by the DuckDB appender (in the caller's transaction): half the cost of an insert from JSON for the
  // links of a bulk entry, and for the ~10 links of a group of single marks 4 ms became 1 ms (its
  // flush runs on the JS thread, which the serialized writes wait for far less than for DuckDB)
  await appendLinks(conn, links);
  const last = links[links.length - 1]!;
  movedTail(conn, { seq: last.seq, hash: last.hash });
  return links.map((l) => ({ seq: l.seq, hash: l.hash }));
}
