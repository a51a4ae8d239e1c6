import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/open-warehouse';

// Audited writes of one process run one after another: every write appends the next link of the one
// audit chain, and two transactions appending link N+1 at once would make one of them fail on commit.
// One transaction at a time also means no write is lost to DuckDB's optimistic conflict check.
const queues = new WeakMap<Warehouse, Promise<unknown>>();

/** Runs fn in a transaction of its own, after every earlier serialized write of this warehouse. */
export function serializedWrite<T>(warehouse: Warehouse, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const previous = queues.get(warehouse) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => warehouse.transaction(fn));
  queues.set(warehouse, next.catch(() => undefined));
  return next;
}
