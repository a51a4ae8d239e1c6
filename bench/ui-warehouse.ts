import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupDemoAccounts } from '../api/auth/demo-accounts';
import { importBundle } from '../ingest/bundle/import-bundle';
import { generateDistrict } from '../ingest/demo/generate-district';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse';
import { runModels } from '../warehouse/run-models';

/**
 * The ui benchmark's district warehouse in `dir`, with the director's password. Generating, importing
 * and building take minutes on a loaded machine: with UI_BENCH_WAREHOUSE=<folder> the built file and
 * the demo passwords are kept there on the first run and copied from there on the next ones.
 */
export async function benchWarehouse(dir: string, schools: number, students: number): Promise<{ warehouse: Warehouse; password: string }> {
  const keep = process.env.UI_BENCH_WAREHOUSE;
  const path = join(dir, 'w.duckdb');
  if (keep && existsSync(join(keep, 'w.duckdb')) && existsSync(join(keep, 'accounts.json'))) {
    console.log(`ui bench: reusing the warehouse of ${keep} (UI_BENCH_WAREHOUSE)`);
    copyFileSync(join(keep, 'w.duckdb'), path);
    const accounts = JSON.parse(readFileSync(join(keep, 'accounts.json'), 'utf8')) as { login: string; password: string }[];
    return { warehouse: await openWarehouse(path), password: accounts.find((a) => a.login === 'director')!.password };
  }
  console.log(`ui bench: ${schools} schools × ${students} students (generating, importing, building…)`);
  generateDistrict({ schools, seed: 5, outDir: join(dir, 'demo'), students });
  const warehouse = await openWarehouse(path);
  for (const s of readdirSync(join(dir, 'demo')).sort()) await importBundle(warehouse, join(dir, 'demo', s));
  await runModels(warehouse);
  const accounts = await setupDemoAccounts(warehouse);
  if (keep) {
    mkdirSync(keep, { recursive: true });
    await warehouse.withConnection((conn) => conn.run('checkpoint'));
    copyFileSync(path, join(keep, 'w.duckdb'));
    writeFileSync(join(keep, 'accounts.json'), JSON.stringify(accounts));
  }
  return { warehouse, password: accounts.find((a) => a.login === 'director')!.password! };
}
