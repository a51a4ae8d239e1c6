import type { DuckDBValue } from '@duckdb/node-api';
import { sqlFile } from '../warehouse/sql-file';
import type { Warehouse } from '../warehouse/open-warehouse';

export type Row = Record<string, unknown>;

/** Runs warehouse/queries/reports/<name>.sql, binding only the $params its text uses. */
export async function queryRows<T = Row>(warehouse: Warehouse, name: string, params: Record<string, DuckDBValue> = {}): Promise<T[]> {
  const sql = sqlFile(`reports/${name}`);
  const used = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
  const bound: Record<string, DuckDBValue> = {};
  for (const key of used) bound[key] = params[key] ?? null;
  return warehouse.withConnection(async (conn) => (await conn.runAndReadAll(sql, bound)).getRowObjectsJson() as T[]);
}
