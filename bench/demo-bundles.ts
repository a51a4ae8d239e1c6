import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoArgs { schools?: string; students?: string; seed?: string; from?: string }

/** Bundle folders of a benchmark: the `--from` folder's, or a demo district generated into `work`. */
export async function demoBundles(values: DemoArgs, work: string): Promise<string[]> {
  let root = values.from;
  if (!root) {
    root = join(work, 'demo');
    const { generateDistrict } = await import('../ingest/demo/generate-district');
    const t = performance.now();
    generateDistrict({ schools: Number(values.schools), students: Number(values.students), seed: Number(values.seed), outDir: root });
    console.log(`generated ${values.schools} schools x ~${values.students} students in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const dir = root;
  return readdirSync(dir).map((d) => join(dir, d)).filter((d) => existsSync(join(d, 'manifest.csv'))).sort();
}
