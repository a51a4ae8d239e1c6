import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const cache = new Map<string, string>();

/** Text of a read query in warehouse/queries (name without .sql); values are bound as $params. */
export function sqlFile(name: string): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(join(import.meta.dirname, 'queries', `${name}.sql`), 'utf8');
    cache.set(name, sql);
  }
  return sql;
}
