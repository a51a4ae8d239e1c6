import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
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
  const transaction = <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> =>
    withConnection(async (conn) => {
      await conn.run('begin transaction');
      try {
        const result = await fn(conn);
        await conn.run('commit');
        return result;
      } catch (err) {
        await conn.run('rollback').catch(() => undefined);
        throw err;
      }
    });
  const warehouse: Warehouse = {
    path,
    instance,
    withConnection,
    transaction,
    close() {
      closed.add(warehouse);
      open.delete(path);
      instance.closeSync();
    },
  };
  await withConnection(async (conn) => {
    await conn.run("load icu; set global TimeZone = 'UTC'");
    await migrate(conn);
  });
  return warehouse;
}
