import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { enrol, final, group, klass, lesson, mark, member, period, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, rows, school, seedRaw } from '../fixtures/metrics/seed-raw';

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    periods: [period('Q1', 'quarter', '2025-09-01', '2025-10-24'), period('Y', 'year', '2025-09-01', '2026-05-29')],
    subjects: [subject('MATH'), subject('ENG')],
    classes: [klass('7A', 7)],
    enrollments: [enrol('f1', '7A'), enrol('f2', '7A'), enrol('f3', '7A'), enrol('f4', '7A')],
    groups: [group('G-MATH', 'MATH', '7A'), group('G-ENG1', 'ENG', '7A', 'subgroup', 'T2')],
    group_members: [member('G-ENG1', 'f1'), member('G-ENG1', 'f2')],
    lessons: [
      lesson('L1', 'G-MATH', '2025-09-08'), lesson('L2', 'G-MATH', '2025-09-15'), lesson('L3', 'G-MATH', '2025-09-22'),
      lesson('L4', 'G-MATH', '2025-10-20'), lesson('L5', 'G-MATH', '2025-09-29', { status: 'cancelled' }),
      lesson('E1', 'G-ENG1', '2025-09-09', { teacher_id: 'T2' }), lesson('E2', 'G-ENG1', '2025-09-16', { teacher_id: 'T2' }),
    ],
    marks: [
      mark('m1', 'L1', 'f1', '5', '2025-09-08T12:00'), mark('m2', 'L2', 'f1', '4', '2025-09-15T12:00'),
      mark('m3', 'L3', 'f1', '4', '2025-09-22T12:00'), mark('m4', 'L1', 'f2', '3', '2025-09-08T12:00'),
      mark('m5', 'L4', 'f2', '4', '2025-10-21T09:00'), mark('m6', 'L5', 'f3', '5', '2025-09-29T12:00'),
      mark('e1', 'E1', 'f1', '5', '2025-09-09T12:00'), mark('e2', 'E2', 'f1', '5', '2025-09-16T12:00'),
      mark('e3', 'E1', 'f2', '4', '2025-09-09T12:00'), mark('e4', 'E2', 'f2', '4', '2025-09-16T12:00'),
      mark('e5', 'E2', 'f2', '5', '2025-09-16T12:05', { work_type: 'written' }),
    ],
    // f4 is taught MATH without marks: no minimum for him
    final_marks: [final('f1', 'MATH', 'Q1', '5'), final('f4', 'MATH', 'Q1', 'безотм')],
  });
  await build(w);
});
afterAll(() => w?.close());

const cell = (group_id: string, student_id: string, marks: number, reached: boolean, lessons: number) => ({
  school_id: S, student_id, group_id, subject_id: group_id === 'G-MATH' ? 'MATH' : 'ENG', period_id: 'Q1', marks,
  required: 3, reached, class_id: '7A', teacher_id: group_id === 'G-MATH' ? 'T1' : 'T2', lessons, marks_per_lesson: marks / lessons,
});

describe('M-FILL', () => {
  it('per student × group × quarter: current marks of due lessons against the quarter minimum (3); year and безотм left out', async () => {
    expect(await runMetricQuery(w, 'm-fill', { as_of: '2025-11-01' })).toEqual([
      cell('G-ENG1', 'f1', 2, false, 2), cell('G-ENG1', 'f2', 3, true, 2),
      cell('G-MATH', 'f1', 3, true, 4), cell('G-MATH', 'f2', 2, false, 4), cell('G-MATH', 'f3', 0, false, 4),
    ]);
  });

  it('as of a date: a mark entered the day after is not there yet', async () => {
    expect(await runMetricQuery(w, 'm-fill', { as_of: '2025-10-20', student: 'f2', group: 'G-MATH' }))
      .toEqual([cell('G-MATH', 'f2', 1, false, 4)]);
  });

  it('by group: fill rate and marks per student per lesson', async () => {
    expect(await runMetricQuery(w, 'm-fill.by-group', { as_of: '2025-11-01' })).toEqual([
      { school_id: S, group_id: 'G-ENG1', subject_id: 'ENG', period_id: 'Q1', teacher_id: 'T2', students: 2, reached: 1, fill_rate: 50, marks: 5, lessons: 2, marks_per_student_lesson: 1.25 },
      { school_id: S, group_id: 'G-MATH', subject_id: 'MATH', period_id: 'Q1', teacher_id: 'T1', students: 3, reached: 1, fill_rate: 100 / 3, marks: 5, lessons: 4, marks_per_student_lesson: 5 / 12 },
    ]);
  });

  it("the school's own minimum applies from its date", async () => {
    await rows(w, `insert into config.rule_params (school_id, rule_id, param, value, effective_from) values ('S1', 'M-FILL', 'min_quarter', '2', date '2025-09-01')`);
    await build(w);
    const got = await runMetricQuery(w, 'm-fill', { as_of: '2025-11-01' });
    expect(got.map((c) => `${c.group_id}/${c.student_id}/${c.required}/${c.reached}`)).toEqual([
      'G-ENG1/f1/2/true', 'G-ENG1/f2/2/true', 'G-MATH/f1/2/true', 'G-MATH/f2/2/true', 'G-MATH/f3/2/false',
    ]);
  });
});
