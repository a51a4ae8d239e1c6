// The public example (../shared/examples/yekaterinburg-7b): imported through the real bundle importer,
// built, and M-PASS compared with its expected.json (worked out in its README).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../ingest/bundle/import-bundle';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse } from '../fixtures/metrics/seed-raw';

const example = '/work/shared/examples/yekaterinburg-7b';
let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await importBundle(w, `${example}/bundle`);
  await build(w);
});
afterAll(() => w?.close());

describe('example yekaterinburg-7b', () => {
  it('M-PASS family as of 2025-11-05 equals expected.json', async () => {
    const expected = JSON.parse(readFileSync(`${example}/expected.json`, 'utf8'));
    const got = await runMetricQuery(w, 'm-pass', { as_of: expected.as_of });
    const want = expected.queries['M-PASS'] as Record<string, number | string>[];
    expect(got).toHaveLength(want.length);
    for (const row of want) {
      const match = got.find((g) => g.subject_id === row.subject_id)!;
      for (const [k, v] of Object.entries(row)) {
        if (typeof v === 'number') expect(match[k] as number).toBeCloseTo(v, 3);
        else expect(match[k]).toBe(v);
      }
    }
    expect(got.find((g) => g.subject_id === 'GEO')).toMatchObject({ students: 4, passed: 2, sou: 42.75, avg_mark: 4.5 });
  });
});
