import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { group, klass, lesson, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const cw = (id: string, groupId: string, planned: string, lessonId: string | null = null) =>
  ({ school_id: S, control_work_id: id, group_id: groupId, kind: 'test', title: id, planned_date: planned, lesson_id: lessonId });
const plan = (cl: string, subj: string, perWeek: number, perYear: number) =>
  ({ school_id: S, class_id: cl, subject_id: subj, hours_per_week: perWeek, hours_per_year: perYear });

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH'), subject('RUS'), subject('ART')],
    classes: [klass('7A', 7), klass('7B', 7)],
    groups: [group('G-7A-M', 'MATH', '7A'), group('G-7A-R', 'RUS', '7A'), group('G-7A-A', 'ART', '7A'), group('G-7B-M', 'MATH', '7B')],
    curriculum: [plan('7A', 'MATH', 5, 10), plan('7A', 'RUS', 3, 102), plan('7A', 'ART', 1, 34), plan('7B', 'MATH', 5, 170)],
    lessons: [
      lesson('L1', 'G-7A-M', '2025-10-06', { lesson_no: 1, starts_at: '08:00', ends_at: '08:45' }),
      lesson('L2', 'G-7A-R', '2025-10-06', { lesson_no: 2, starts_at: '09:00', ends_at: '09:45', control_work_id: 'CW2' }),
      lesson('L3', 'G-7A-A', '2025-10-06', { lesson_no: 3, starts_at: '10:00', ends_at: '10:45' }),
    ],
    control_works: [
      cw('CW1', 'G-7A-M', '2025-10-06', 'L1'), cw('CW2', 'G-7A-R', '2025-10-06'), cw('CW3', 'G-7A-A', '2025-10-06', 'L3'),
      cw('CW4', 'G-7A-M', '2025-10-20'), cw('CW5', 'G-7B-M', '2025-10-20'), cw('CW6', 'G-7B-M', '2025-11-07'),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('M-CW-LOAD', () => {
  it('the four conditions of the joint letter', async () => {
    expect(await runMetricQuery(w, 'm-cw-load', { school: S })).toEqual([
      // first lesson of the day; ART (1 lesson a week) on the last lesson is allowed
      { school_id: S, class_id: '7A', grade: 7, condition: 'first_or_last_lesson', subject_id: 'MATH', date: '2025-10-06', control_work_ids: ['CW1'], works: 1, limit_value: null },
      // 2 works > 10% of 10 hours
      { school_id: S, class_id: '7A', grade: 7, condition: 'over_10_percent', subject_id: 'MATH', date: null, control_work_ids: ['CW1', 'CW4'], works: 2, limit_value: 1 },
      { school_id: S, class_id: '7A', grade: 7, condition: 'several_per_day', subject_id: null, date: '2025-10-06', control_work_ids: ['CW1', 'CW2', 'CW3'], works: 3, limit_value: 1 },
      // grade 7 MATH: 6 Oct then 20 Oct (14 days; 7A and 7B that day are one procedure); 7 Nov is 18 days later
      { school_id: S, class_id: null, grade: 7, condition: 'too_frequent', subject_id: 'MATH', date: '2025-10-20', control_work_ids: ['CW1', 'CW4', 'CW5'], works: 3, limit_value: 17.5 },
    ]);
  });

  it('a class filter keeps its grade-wide findings', async () => {
    expect((await runMetricQuery(w, 'm-cw-load', { class: '7B' })).map((r) => r.condition)).toEqual(['too_frequent']);
  });
});
