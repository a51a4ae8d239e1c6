// `npm run bench -- rules [--schools 20] [--students 1000] [--seed 1] [--from DIR]`: generates a demo
// district (or takes the bundles under --from), imports it, builds every model; prints seconds per model,
// the total, rows per mart and peak RSS, the floor (a plain scan of the marks in the same run) and the
// build as a multiple of it; then appends one day of entries to one school and times its one-school
// rebuild. Targets (issue 3, 2 cores): 20 schools <= 10 s; 100 schools <= 30 s and RSS <= 4 GiB; refresh <= 300 ms.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundle } from '../ingest/bundle/import-bundle';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse';
import { runModels } from '../warehouse/run-models';
import { demoBundles } from './demo-bundles';
import { sqlFile } from '../warehouse/sql-file';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (t: number) => (performance.now() - t) / 1000;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: {
    schools: { type: 'string', default: '20' }, students: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' }, from: { type: 'string' } } });
  const work = mkdtempSync(join(tmpdir(), 'svodka-bench-rules-'));
  try {
    const bundles = await demoBundles(values, work);
    const w = await openWarehouse(join(work, 'bench.duckdb'));
    try {
      const t0 = performance.now();
      for (const b of bundles) {
        const report = await importBundle(w, b, { actor: 'bench' });
        if (report.status !== 'applied') throw new Error(`${b}: ${report.status}`);
      }
      console.log(`imported ${bundles.length} bundles in ${secs(t0).toFixed(1)} s`);
      await report(w, bundles.length);
    } finally {
      w.close();
    }
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target <= 4096 MB at 100 schools)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function report(w: Warehouse, schools: number): Promise<void> {
  const ts = performance.now();
  const scan = await w.withConnection(async (c) =>
    (await c.runAndReadAll('select count(*)::bigint as n, avg(try_cast(value as double)) as a from raw.marks')).getRowObjectsJson()[0]!);
  const scanSec = secs(ts);
  console.log(`floor: plain scan of ${fmt(Number(scan.n))} marks (count, avg) in ${scanSec.toFixed(3)} s`);

  const tb = performance.now();
  const timings = await runModels(w);
  const buildSec = secs(tb);
  for (const t of [...timings].sort((a, b) => b.seconds - a.seconds)) {
    console.log(`  ${t.relation.padEnd(32)} ${t.seconds.toFixed(3).padStart(8)} s ${fmt(t.rows).padStart(12)} rows`);
  }
  const marts = timings.filter((t) => t.relation.startsWith('marts.'));
  console.log(`rows per mart: ${marts.map((t) => `${t.relation.slice(6)}=${fmt(t.rows)}`).join(', ')}`);
  const target = schools <= 20 ? '<= 10 s for 20' : '<= 30 s for 100';
  console.log(`full build: ${timings.length} models in ${buildSec.toFixed(2)} s for ${schools} schools (target ${target}); ` +
    `${(buildSec / scanSec).toFixed(0)}x the plain scan; models ${timings.reduce((s, t) => s + t.seconds, 0).toFixed(2)} s, ` +
    `swap-in ${(buildSec - timings.reduce((s, t) => s + t.seconds, 0)).toFixed(2)} s`);

  const [first] = await w.withConnection(async (c) =>
    (await c.runAndReadAll('select min(school_id) as s from raw.schools')).getRowObjectsJson());
  const school = String(first!.s);
  await w.transaction(async (c) => { await c.run(sqlFile('bench/append-day'), { school }); });
  const tr = performance.now();
  const refreshed = await runModels(w, { schoolId: school });
  const refreshSec = secs(tr);
  const modelsSec = refreshed.reduce((s, t) => s + t.seconds, 0);
  console.log(`one-school refresh of ${school} after appending a day of entries: ${(refreshSec * 1000).toFixed(0)} ms ` +
    `(target <= 300 ms); ${(refreshSec / buildSec * schools).toFixed(2)}x a 1/${schools} share of the full build`);
  console.log(`  of which: ${refreshed.filter((t) => !t.skipped).length} models rebuilt for the school (${refreshed.filter((t) => t.skipped).length} skipped, nothing they read changed) ${(modelsSec * 1000).toFixed(0)} ms, ` +
    `comparing with the warehouse and writing the changed rows ${((refreshSec - modelsSec) * 1000).toFixed(0)} ms; slowest: ` +
    [...refreshed].sort((a, b) => b.seconds - a.seconds).slice(0, 5).map((t) => `${t.relation} ${(t.seconds * 1000).toFixed(0)} ms`).join(', '));
}
