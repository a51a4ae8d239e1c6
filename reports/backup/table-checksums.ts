import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../../warehouse/sql-file';

export type TableChecksums = Record<string, { rows: number; checksum: string }>;

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * Row count and an order-independent checksum (sum of row hashes) of every base table of a catalog.
 * Table names come from the catalog itself and are quoted as identifiers; no value is interpolated.
 */
export async function tableChecksums(conn: DuckDBConnection, catalog: string): Promise<TableChecksums> {
  const tables = (await conn.runAndReadAll(sqlFile('reports/backup-tables'), { catalog })).getRowObjectsJson() as { schema_name: string; table_name: string }[];
  const out: TableChecksums = {};
  for (const t of tables) {
    const rel = `${ident(catalog)}.${ident(t.schema_name)}.${ident(t.table_name)}`;
    const [r] = (await conn.runAndReadAll(`select count(*)::integer as n, coalesce(sum(hash(t)), 0)::varchar as h from ${rel} t`)).getRowObjectsJson();
    out[`${t.schema_name}.${t.table_name}`] = { rows: Number(r!.n), checksum: String(r!.h) };
  }
  return out;
}
