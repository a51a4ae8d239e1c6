// On a generated school: it imports clean with every row accepted, and export -> import -> export is
// byte-identical.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../ingest/bundle/export-bundle';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { generateDistrict } from '../../ingest/demo/generate-district';
import { freshWarehouse, tempDir } from '../fixtures/bundles/bundle-fixture';

describe('a generated school', () => {
  it('imports clean and survives export -> import -> export byte for byte', async () => {
    const { schools } = generateDistrict({ schools: 1, seed: 1, students: 60, outDir: join(tempDir('demo-'), 'demo') });
    const school = schools[0]!;
    const first = join(tempDir('export-'), school.schoolId);
    const second = join(tempDir('export-'), school.schoolId);
    for (const [from, to] of [[school.dir, first], [first, second]] as const) {
      const w = await freshWarehouse();
      try {
        const report = await importBundle(w, from);
        expect(report.issues).toEqual([]);
        expect(report.status).toBe('applied');
        for (const f of report.files.filter((x) => x.present)) {
          expect(f.accepted, f.file).toBe(school.counts[f.file.replace('.csv', '')]);
        }
        await exportBundle(w, school.schoolId, to);
      } finally {
        w.close();
      }
    }
    expect(readdirSync(second).sort()).toEqual(readdirSync(first).sort());
    for (const f of readdirSync(first)) expect(readFileSync(join(second, f), 'utf8'), f).toBe(readFileSync(join(first, f), 'utf8'));
  });
});
