// `npm run bench -- demo [schools] [students]`: how fast the demo district is generated, in rows per
// second, against a baseline measured in the same run — writing the same number of constant CSV rows
// of the same width (the cost of the output alone).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDistrict } from './generate-district';

export async function run(args: string[]): Promise<void> {
  const schools = Number(args[0] ?? 1);
  const students = Number(args[1] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-demo-'));
  try {
    const t0 = performance.now();
    const result = generateDistrict({ schools, seed: 1, outDir: join(dir, 'demo'), students });
    const seconds = (performance.now() - t0) / 1000;
    const rows = result.schools.reduce((a, s) => a + Object.values(s.counts).reduce((x, y) => x + y, 0), 0);
    const line = 'S01-M0000001,S01-L000001,S01-P00001,4,oral,1,2025-09-01T09:18:33+03:00,S01-T041,false,';
    const t1 = performance.now();
    const parts: string[] = [];
    for (let i = 0; i < rows; i++) parts.push(line);
    writeFileSync(join(dir, 'baseline.csv'), `${parts.join('\n')}\n`);
    const baseline = (performance.now() - t1) / 1000;
    console.log(`demo: ${schools} school(s) × ${students} students: ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s, ${(seconds / schools).toFixed(2)} s per school)`);
    console.log(`baseline (write ${rows} constant rows): ${baseline.toFixed(2)} s; generator / baseline = ${(seconds / baseline).toFixed(1)}×`);
    console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
