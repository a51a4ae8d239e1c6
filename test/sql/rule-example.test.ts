import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../common/metric-ids';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { runModels } from '../../warehouse/run-models';

// The spec's worked examples: /work/shared/examples/yekaterinburg-7b (UTC+5), answers as of 2025-11-05.
const example = join(import.meta.dirname, '..', '..', '..', 'shared', 'examples', 'yekaterinburg-7b');
const expected = JSON.parse(readFileSync(join(example, 'expected.json'), 'utf8')) as {
  as_of: string; queries: Record<string, Record<string, unknown>[]>;
};

let w: Warehouse;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'svodka-rule-example-'));
  w = await openWarehouse(join(dir, 'w.duckdb'));
  await importBundle(w, join(example, 'bundle'));
  await runModels(w);
});
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

const sortKey = (r: Record<string, unknown>) => JSON.stringify(r);

describe('the worked examples of the spec (expected.json)', () => {
  for (const id of ruleIds.filter((r) => r in expected.queries)) {
    it(`${id} answers as expected.json says`, async () => {
      const want = expected.queries[id]!;
      const rows = await queryMetric(w, id, { asOf: expected.as_of });
      const got = rows.map((r) => Object.fromEntries(Object.keys(want[0] ?? {}).map((k) => [k, r[k]])));
      expect(got.sort((a, b) => sortKey(a).localeCompare(sortKey(b))))
        .toEqual([...want].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      if (want.length === 0) expect(rows).toEqual([]);
    });
  }

  it('states deadlines and entries as ISO instants with the school offset', async () => {
    const [mark] = await queryMetric(w, 'R-MARK-DAY', { asOf: '2025-11-05' });
    expect(mark).toEqual({
      rule_id: 'R-MARK-DAY', school_id: 'E1', teacher_id: 'E-T1', class_id: 'E-7B', group_id: 'G-PHY', subject_id: 'PHY',
      record_kind: 'mark', record_id: 'EM2', student_id: 'e2', due_at: '2025-09-11T00:00:00+05:00',
      entered_at: '2025-09-11T00:05:00+05:00', late_minutes: 5,
    });
  });

  it('EL1\'s homework is due 90 minutes after the class\'s last lesson (15:50), not after its own end', async () => {
    const rows = await w.withConnection(async (c) => (await c.runAndReadAll(
      "select record_id, iso_local(due_at, timezone) as due from marts.r_homework order by record_id")).getRowObjectsJson());
    expect(rows).toEqual([
      { record_id: 'EL1', due: '2025-09-09T15:50:00+05:00' },
      { record_id: 'EL2', due: '2025-09-09T15:50:00+05:00' },
    ]);
  });
});
