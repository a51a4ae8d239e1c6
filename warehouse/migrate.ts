import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const dir = join(import.meta.dirname, 'migrations');

/** Applies numbered migrations (NNN_name.sql) not yet applied, each in its own transaction. */
export async function migrate(conn: DuckDBConnection): Promise<string[]> {
  await conn.run('create schema if not exists meta');
  await conn.run('create table if not exists meta.migrations (id varchar primary key, applied_at timestamptz not null)');
  const done = new Set(
    (await conn.runAndReadAll('select id from meta.migrations')).getRowObjectsJson().map((r) => String(r.id)),
  );
  const files = readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    await conn.run('begin transaction');
    try {
      await conn.run(readFileSync(join(dir, file), 'utf8'));
      await conn.run('insert into meta.migrations values ($id, now())', { id: file });
      await conn.run('commit');
    } catch (err) {
      await conn.run('rollback');
      throw new Error(`migration ${file} failed: ${(err as Error).message}`);
    }
    applied.push(file);
  }
  return applied;
}
