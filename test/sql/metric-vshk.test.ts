import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { group, klass, lesson, mark, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH')],
    classes: [klass('7A', 7)],
    groups: [group('G', 'MATH', '7A')],
    lessons: [lesson('P1', 'G', '2025-09-08'), lesson('P2', 'G', '2025-09-10'), lesson('P5', 'G', '2025-09-12'),
      lesson('P3', 'G', '2025-09-15'), lesson('P4', 'G', '2025-09-17')],
    control_works: [
      { school_id: S, control_work_id: 'CW-V', group_id: 'G', kind: 'vshk', title: 'ВШК: дроби', planned_date: '2025-09-15', lesson_id: 'P3' },
      { school_id: S, control_work_id: 'CW-W', group_id: 'G', kind: 'written', title: 'Письменная', planned_date: '2025-09-12', lesson_id: 'P5' },
    ],
    marks: [
      mark('c1', 'P1', 'a', '5', '2025-09-08T12:00'), mark('c2', 'P1', 'b', '3', '2025-09-08T12:00'),
      mark('c3', 'P2', 'a', '4', '2025-09-10T12:00', { weight: 2 }), mark('c4', 'P5', 'a', '1', '2025-09-12T12:00'),
      mark('v1', 'P3', 'a', '5', '2025-09-15T12:00'), mark('v2', 'P3', 'b', '4', '2025-09-15T12:00'),
      mark('v3', 'P3', 'c', '4', '2025-09-15T12:00'), mark('v4', 'P3', 'd', '2', '2025-09-16T12:00'),
      mark('v5', 'P3', 'e', '3', '2025-09-20T12:00'), mark('c5', 'P4', 'a', '2', '2025-09-17T12:00'),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('M-VSHK', () => {
  it('distribution, pass and quality rates, average against the class average before the work (weighted, other works out)', async () => {
    expect(await runMetricQuery(w, 'm-vshk', { as_of: '2025-09-16' })).toEqual([{
      school_id: S, control_work_id: 'CW-V', group_id: 'G', class_id: '7A', subject_id: 'MATH', teacher_id: 'T1', title: 'ВШК: дроби',
      lesson_id: 'P3', date: '2025-09-15', marks: 4, students: 4, n5: 1, n4: 2, n3: 0, n2: 1, n1: 0, distribution: '{"2":1,"4":2,"5":1}',
      passed: 3, pass_rate: 75, quality_rate: 75, avg_mark: 3.75, class_avg_mark: 4, avg_vs_class: -0.25,
    }]);
  });

  it('a mark entered later joins once known; a work not held yet is not listed', async () => {
    const [later] = await runMetricQuery(w, 'm-vshk', { as_of: '2025-09-20' });
    expect(later).toMatchObject({ marks: 5, n3: 1, passed: 4, pass_rate: 80, quality_rate: 60, avg_mark: 3.6 });
    expect(later!.avg_vs_class).toBeCloseTo(-0.4, 10);
    expect(await runMetricQuery(w, 'm-vshk', { as_of: '2025-09-14' })).toEqual([]);
  });
});
