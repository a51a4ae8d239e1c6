import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import { migrate } from './migrate';

export type Params = Record<string, DuckDBValue>;

/** The one DuckDB instance of this process (DESIGN.md: one process owns the file). */
export interface Warehouse {
  path: string;
  instance: DuckDBInstance;
  /** Runs fn on a fresh connection, closed in finally. */
  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Runs fn inside BEGIN/COMMIT on a fresh connection; rolls back on any error. */
  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  close(): void;
}

const open = new Map<string, Promise<Warehouse>>();
const closed = new WeakSet<Warehouse>();

/** False once `close()` was called (background work such as a debounced refresh checks it). */
export const isOpen = (warehouse: Warehouse): boolean => !closed.has(warehouse);

export function openWarehouse(path: string, opts: { threads?: number } = {}): Promise<Warehouse> {
  let w = open.get(path);
  if (!w) {
    w = create(path, opts.threads ?? 2);
    open.set(path, w);
    w.catch(() => open.delete(path));
  }
  return w;
}

async function create(path: string, threads: number): Promise<Warehouse> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path, {
    threads: String(threads),
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
  const withConnection = async <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> => {
    const conn = await instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  };
  const transaction = <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> => withConnection((conn) => inTransaction(conn, fn));
  const warehouse: Warehouse = {
    path,
    instance,
    withConnection,
    transaction,
    close() {
      closed.add(warehouse);
      open.delete(path);
      for (const conn of pools.get(warehouse)?.idle.splice(0) ?? []) conn.closeSync();
      instance.closeSync();
    },
  };
  await withConnection(async (conn) => {
    await conn.run("load icu; set global TimeZone = 'UTC'; set global checkpoint_threshold = '256MiB'");
    await migrate(conn);
  });
  return warehouse;
}

// Pooled connections, for hot paths that run the same few statements over and over (sign-in, scope
// checks, native entry): a connection stays open between calls, so the statements prepared on it
// (preparedOn) are parsed and planned once. Each caller still gets a connection of its own; one whose
// fn failed is closed, not reused (it may hold an aborted transaction). Only for code that leaves no
// state on the connection: no temp tables, `use`, `set`, attach, or transaction left open.
const maxIdle = 8;
const pools = new WeakMap<Warehouse, { idle: DuckDBConnection[] }>();
const statements = new WeakMap<DuckDBConnection, Map<string, Promise<DuckDBPreparedStatement>>>();

export async function withPooledConnection<T>(warehouse: Warehouse, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  let pool = pools.get(warehouse);
  if (!pool) pools.set(warehouse, (pool = { idle: [] }));
  let conn = pool.idle.pop();
  if (!conn) {
    conn = await warehouse.instance.connect();
    statements.set(conn, new Map());
  }
  let ok = false;
  try {
    const result = await fn(conn);
    ok = true;
    return result;
  } finally {
    if (ok && pool.idle.length < maxIdle && isOpen(warehouse)) pool.idle.push(conn);
    else if (isOpen(warehouse)) conn.closeSync();
  }
}

/** Like `transaction`, on a pooled connection. */
export const pooledTransaction = <T>(warehouse: Warehouse, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> =>
  withPooledConnection(warehouse, (conn) => inTransaction(conn, fn));

/** Runs fn between BEGIN and COMMIT on conn; rolls back on any error. */
async function inTransaction<T>(conn: DuckDBConnection, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  await conn.run('begin transaction');
  try {
    const result = await fn(conn);
    await conn.run('commit');
    return result;
  } catch (err) {
    await conn.run('rollback').catch(() => undefined);
    throw err;
  }
}

/** The statement `sql` prepared on a pooled connection (kept with it), or undefined for any other connection. */
export function preparedOn(conn: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> | undefined {
  const cache = statements.get(conn);
  if (!cache) return undefined;
  let p = cache.get(sql);
  if (!p) {
    p = conn.prepare(sql);
    cache.set(sql, p);
    p.catch(() => cache.delete(sql));
  }
  return p;
}
