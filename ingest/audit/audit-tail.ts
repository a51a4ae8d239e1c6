import type { DuckDBConnection } from '@duckdb/node-api';

// The last link of the audit chain (seq, hash), kept in memory per warehouse after the first read so
// that an audited write need not look it up (`order by seq desc limit 1` scans the whole log). Only
// serialized writes of this process keep it: a write transaction starts from the committed tail, moves
// its own copy while appending, and hands it back only when it commits. An append outside a
// serialized write (an import's own transaction) or a failed commit forgets every kept tail, so the
// next write reads the log again.
export interface AuditTail { seq: number; hash: string }

export interface TailHolder { committed?: AuditTail; generation?: number }

interface WriteTx { holder: TailHolder; tail?: AuditTail; generation: number }

let generation = 0;
const txOf = new WeakMap<DuckDBConnection, WriteTx>();

/** Marks `conn` as the connection of a serialized write transaction of the warehouse holding `holder`. */
export function beginTailTx(conn: DuckDBConnection, holder: TailHolder): void {
  txOf.set(conn, { holder, tail: holder.generation === generation ? holder.committed : undefined, generation });
}

/** After the transaction on `conn` ended: keeps its tail when it committed and nothing else appended meanwhile. */
export function endTailTx(conn: DuckDBConnection, committed: boolean): void {
  const tx = txOf.get(conn);
  txOf.delete(conn);
  if (!tx) return;
  tx.holder.committed = committed && tx.generation === generation ? tx.tail : undefined;
  tx.holder.generation = tx.generation;
}

/** The tail to chain from on `conn`, when known without reading the log. */
export function knownTail(conn: DuckDBConnection): AuditTail | undefined {
  return txOf.get(conn)?.tail;
}

/** Records the new tail after links were appended on `conn`. */
export function movedTail(conn: DuckDBConnection, tail: AuditTail): void {
  const tx = txOf.get(conn);
  if (tx) tx.tail = tail;
  // an append by a writer that does not keep the tail: every kept tail may be behind now
  else generation += 1;
}
