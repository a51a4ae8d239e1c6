// A one-school build gives exactly the full build's rows of every metric mart for that school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModels } from '../../warehouse/model-graph';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { passFixture } from '../fixtures/metrics/pass-class';
import { build, freshWarehouse, rows, seedRaw } from '../fixtures/metrics/seed-raw';

const marts = loadModels().filter((m) => m.relation.startsWith('marts.m_')).map((m) => m.relation);
const snapshot = async (w: Warehouse, school: string) => Object.fromEntries(await Promise.all(marts.map(async (m) =>
  [m, (await rows(w, `select * from ${m} where school_id = $s`, { s: school })).map((r) => JSON.stringify(r)).sort()] as const)));

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, passFixture);
  await build(w);
});
afterAll(() => w?.close());

describe('incremental build of the metric marts', () => {
  it('rebuilding S1 alone after new S1 rows equals a full build; other schools untouched', async () => {
    expect(marts.length).toBeGreaterThanOrEqual(13);
    await seedRaw(w, { final_marks: [{ school_id: 'S1', student_id: 'a5', subject_id: 'MATH', period_id: 'Q1', value: '4',
      entered_at: '2025-10-23T12:00:00+05:00', entered_by: 'T1' }] });
    const s2Before = await snapshot(w, 'S2');
    await runModels(w, { schoolId: 'S1' });
    const incremental = await snapshot(w, 'S1');
    expect(await snapshot(w, 'S2')).toEqual(s2Before);
    await build(w);
    expect(incremental).toEqual(await snapshot(w, 'S1'));
    expect(incremental['marts.m_pass']!.some((r) => r.includes('"student_id":"a5"') && r.includes('"value":"4"'))).toBe(true);
  });
});
