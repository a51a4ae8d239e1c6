// `npm run bench -- import [--schools 10] [--students 1000] [--seed 1] [--from DIR]`: generates a demo
// district (or takes the bundles under --from), imports every school, builds every model. Prints rows
// imported per second against a plain DuckDB read_csv count of the same files (the baseline), build
// seconds per model, and peak RSS. Targets (issue 2): import >= 1M rows/s; build for 10 schools <= 5 s.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundle } from '../ingest/bundle/import-bundle';
import { openWarehouse } from '../warehouse/open-warehouse';
import { runModels } from '../warehouse/run-models';
import { demoBundles } from './demo-bundles';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: {
    schools: { type: 'string', default: '10' }, students: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' }, from: { type: 'string' } } });
  const work = mkdtempSync(join(tmpdir(), 'svodka-bench-'));
  try {
    const bundles = await demoBundles(values, work);
    const w = await openWarehouse(join(work, 'bench.duckdb'));
    try {
      // baseline: DuckDB reading the same files and counting their rows, nothing else
      const t0 = performance.now();
      let baselineRows = 0;
      await w.withConnection(async (c) => {
        for (const b of bundles) {
          for (const f of readdirSync(b).filter((x) => x.endsWith('.csv'))) {
            const r = await c.runAndReadAll('select count(*)::bigint as n from read_csv($p, all_varchar = true, header = true)', { p: join(b, f) });
            baselineRows += Number(r.getRowObjectsJson()[0]!.n);
          }
        }
      });
      const baselineSec = (performance.now() - t0) / 1000;

      const t1 = performance.now();
      let rows = 0;
      for (const b of bundles) {
        const report = await importBundle(w, b, { actor: 'bench' });
        if (report.status !== 'applied') throw new Error(`${b}: ${report.status}\n${report.issues.slice(0, 5).map((i) => i.logMessage).join('\n')}`);
        rows += report.files.reduce((s, f) => s + f.accepted, 0);
      }
      const importSec = (performance.now() - t1) / 1000;
      console.log(`import: ${fmt(rows)} rows from ${bundles.length} bundles in ${importSec.toFixed(2)} s = ${fmt(rows / importSec)} rows/s (target >= 1,000,000)`);
      console.log(`baseline read_csv count: ${fmt(baselineRows)} rows in ${baselineSec.toFixed(2)} s = ${fmt(baselineRows / baselineSec)} rows/s; import/baseline time ratio ${(importSec / baselineSec).toFixed(2)}x`);

      const t2 = performance.now();
      const timings = await runModels(w);
      const buildSec = (performance.now() - t2) / 1000;
      for (const t of [...timings].sort((a, b) => b.seconds - a.seconds)) {
        console.log(`  ${t.relation.padEnd(40)} ${t.seconds.toFixed(3).padStart(8)} s ${fmt(t.rows).padStart(12)} rows`);
      }
      console.log(`build: ${timings.length} models in ${buildSec.toFixed(2)} s for ${bundles.length} schools (target <= 5 s for 10)`);
    } finally {
      w.close();
    }
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
