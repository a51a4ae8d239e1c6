import type { DuckDBConnection } from '@duckdb/node-api';
import { preparedOn, type Params } from '../../warehouse/open-warehouse';
import { sqlFile } from '../../warehouse/sql-file';

export type Row = Record<string, unknown>;

/** Runs a query file of warehouse/queries with bound params and returns its rows as JSON values. */
export async function sqlRows<T = Row>(conn: DuckDBConnection, name: string, params: Params = {}): Promise<T[]> {
  const prepared = await preparedOn(conn, sqlFile(name));
  if (!prepared) return (await conn.runAndReadAll(sqlFile(name), params)).getRowObjectsJson() as T[];
  prepared.clearBindings();
  prepared.bind(params);
  return (await prepared.runAndReadAll()).getRowObjectsJson() as T[];
}

/** Runs a statement file of warehouse/queries; returns the number of rows changed. */
export async function sqlRun(conn: DuckDBConnection, name: string, params: Params = {}): Promise<number> {
  const prepared = await preparedOn(conn, sqlFile(name));
  if (!prepared) return Number((await conn.run(sqlFile(name), params)).rowsChanged);
  prepared.clearBindings();
  prepared.bind(params);
  return Number((await prepared.run()).rowsChanged);
}

/** A list bound as one JSON text parameter (read in SQL with from_json($x, '["VARCHAR"]')). */
export const jsonList = (values: readonly string[] | null): string => JSON.stringify(values ?? []);
