// Runs a read query of warehouse/queries/dashboard with the caller's scope bound as $allowed_* lists.
import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { FastifyRequest } from 'fastify';
import { NotAuthenticated } from '../../common/errors';
import type { Caller } from '../caller';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { sqlFile } from '../../warehouse/sql-file';

export type Row = Record<string, unknown>;
export type QueryParams = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему, чтобы увидеть эти данные.', 'no caller on a dashboard route');
  return req.caller;
}

export const scopeParams = (c: Caller): QueryParams => ({
  allowed_schools: c.allowedSchools, allowed_classes: c.allowedClasses, allowed_groups: c.allowedGroups, allowed_students: c.allowedStudents,
});

/** Binds exactly the $params the file uses (DuckDB rejects unused ones); missing ones are NULL. */
export async function dashboardQuery(warehouse: Warehouse, name: string, params: QueryParams): Promise<Row[]> {
  const sql = sqlFile(`dashboard/${name}`);
  const used = new Set([...sql.replace(/--[^\n]*/g, '').matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!));
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const key of used) {
    const v = params[key];
    if (Array.isArray(v)) {
      values[key] = listValue(v);
      types[key] = LIST(VARCHAR);
    } else values[key] = (v ?? null) as DuckDBValue;
  }
  return warehouse.withConnection(async (conn) => (await conn.runAndReadAll(sql, values, types)).getRowObjectsJson() as Row[]);
}
