import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { enrol, group, klass, lesson, member, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const topic = (id: string, seq: number, planned: string) =>
  ({ school_id: S, topic_id: id, group_id: 'G-MATH', seq, title: `Тема ${seq}`, planned_date: planned });
const plan = (cl: string, subj: string, hours: number) => ({ school_id: S, class_id: cl, subject_id: subj, hours_per_year: hours });

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  // a one-month "year": 22 weekdays of September 2025, minus a holiday week = 17 school days
  await seedRaw(w, {
    schools: [school(S, { year_starts_on: '2025-09-01', year_ends_on: '2025-09-30' })],
    holidays: [{ school_id: S, holiday_id: 'H', name: 'Каникулы', starts_on: '2025-09-22', ends_on: '2025-09-26' }],
    subjects: [subject('MATH'), subject('CHOIR')],
    classes: [klass('7A', 7), klass('7B', 7)],
    enrollments: [enrol('s1', '7A'), enrol('s2', '7B')],
    groups: [group('G-MATH', 'MATH', '7A'), group('G-CHOIR', 'CHOIR', null, 'stream', 'T3')],
    group_members: [member('G-CHOIR', 's1'), member('G-CHOIR', 's2')],
    curriculum: [plan('7A', 'MATH', 34), plan('7A', 'CHOIR', 17), plan('7B', 'CHOIR', 20)],
    ktp: [topic('T1', 1, '2025-09-01'), topic('T2', 2, '2025-09-03'), topic('T3', 3, '2025-09-10'),
      topic('T4', 4, '2025-09-12'), topic('T5', 5, '2025-09-29')],
    lessons: [
      lesson('L1', 'G-MATH', '2025-09-01', { topic_id: 'T1' }), lesson('L2', 'G-MATH', '2025-09-03', { topic_id: 'T2' }),
      lesson('L3', 'G-MATH', '2025-09-05'), lesson('L4', 'G-MATH', '2025-09-08', { topic_id: 'T1' }),
      lesson('L5', 'G-MATH', '2025-09-10', { topic_id: 'T3', status: 'cancelled' }),
      lesson('L6', 'G-MATH', '2025-09-15', { topic_id: 'T4' }),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('M-COVERAGE', () => {
  it('hours prorated by school days, held lessons, КТП topics due vs covered by a held lesson', async () => {
    expect(await runMetricQuery(w, 'm-coverage', { as_of: '2025-09-12' })).toEqual([
      { school_id: S, class_id: '7A', group_id: 'G-MATH', subject_id: 'MATH', as_of: '2025-09-12', planned_hours: 20, held_lessons: 4,
        coverage: 20, topics_due: 4, topics_done: 2, missed_topic_ids: ['T3', 'T4'], teacher_id: 'T1', hours_per_year: 34 },
      // a stream: the largest plan among its members' classes
      { school_id: S, class_id: null, group_id: 'G-CHOIR', subject_id: 'CHOIR', as_of: '2025-09-12', planned_hours: 200 / 17, held_lessons: 0,
        coverage: 0, topics_due: 0, topics_done: 0, missed_topic_ids: [], teacher_id: 'T3', hours_per_year: 20 },
    ]);
  });

  it("at the year's end the whole plan is due", async () => {
    const [math] = await runMetricQuery(w, 'm-coverage', { group: 'G-MATH', as_of: '2025-09-30' });
    expect(math).toMatchObject({ planned_hours: 34, held_lessons: 5, topics_due: 5, topics_done: 3, missed_topic_ids: ['T3', 'T5'] });
    expect(math!.coverage).toBeCloseTo(500 / 34, 10);
  });
});
