import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { sqlFile } from '../warehouse/sql-file';
import { preparedOn, withPooledConnection, type Warehouse } from '../warehouse/open-warehouse';

export type Row = Record<string, unknown>;
export type ParamValue = DuckDBValue | string[];

/**
 * Runs warehouse/queries/reports/<name>.sql, binding only the $params its text uses (string[] as VARCHAR[]),
 * on a pooled connection where the statement stays prepared (forms run the same few queries per class).
 */
export async function queryRows<T = Row>(warehouse: Warehouse, name: string, params: Record<string, ParamValue> = {}): Promise<T[]> {
  const sql = sqlFile(`reports/${name}`);
  const used = new Set([...sql.replace(/--[^\n]*/g, '').matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
  const bound: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const key of used) {
    const v = params[key] ?? null;
    if (Array.isArray(v)) {
      bound[key] = listValue(v);
      types[key] = LIST(VARCHAR);
    } else bound[key] = v;
  }
  return withPooledConnection(warehouse, async (conn) => {
    const prepared = await preparedOn(conn, sql);
    if (!prepared) return (await conn.runAndReadAll(sql, bound, types)).getRowObjectsJson() as T[];
    prepared.clearBindings();
    prepared.bind(bound, types);
    return (await prepared.runAndReadAll()).getRowObjectsJson() as T[];
  });
}
