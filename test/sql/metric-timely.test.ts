import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { group, klass, lesson, mark, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const at = (local: string) => `${local}:00+05:00`;

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  // Asia/Yekaterinburg, Monday 2025-09-08: 7A's last lesson ends 10:45, so homework is due 12:15
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH'), subject('ENG')],
    classes: [klass('7A', 7)],
    groups: [group('G-7A', 'MATH', '7A'), group('G-7A-ENG', 'ENG', '7A', 'class', 'T2')],
    lessons: [
      lesson('L1', 'G-7A', '2025-09-08', { topic_text: 'Дроби', topic_entered_at: at('2025-09-08T20:00'),
        attendance_entered_at: at('2025-09-09T08:00'), homework_text: '№ 5', homework_entered_at: at('2025-09-08T12:00') }),
      lesson('L2', 'G-7A-ENG', '2025-09-08', { starts_at: '10:00', ends_at: '10:45', teacher_id: 'T2',
        attendance_entered_at: at('2025-09-08T11:00') }),
    ],
    marks: [mark('m1', 'L1', 'u1', '5', '2025-09-08T23:30'), mark('m2', 'L1', 'u2', '4', '2025-09-09T00:05')],
  });
  await build(w);
});
afterAll(() => w?.close());

const row = (teacher_id: string, group_id: string, rule_id: string, judged: number, on_time: number) => ({
  school_id: S, teacher_id, group_id, class_id: '7A', subject_id: group_id === 'G-7A' ? 'MATH' : 'ENG', rule_id,
  judged, on_time, late_or_missing: judged - on_time, timely_rate: (100 * on_time) / judged,
});

describe('M-TIMELY', () => {
  it('per teacher × group × rule: share of due records entered on time', async () => {
    expect(await runMetricQuery(w, 'm-timely', { as_of: '2025-09-15' })).toEqual([
      row('T1', 'G-7A', 'R-ATTENDANCE', 1, 0), row('T1', 'G-7A', 'R-HOMEWORK', 1, 1),
      row('T1', 'G-7A', 'R-MARK-DAY', 2, 1), row('T1', 'G-7A', 'R-TOPIC', 1, 1),
      row('T2', 'G-7A-ENG', 'R-ATTENDANCE', 1, 1), row('T2', 'G-7A-ENG', 'R-TOPIC', 1, 0),
    ]);
  });

  it('nothing is judged before its deadline', async () => {
    expect(await runMetricQuery(w, 'm-timely', { as_of: '2025-09-07' })).toEqual([]);
  });

  it('rolled up per class × rule', async () => {
    const got = await runMetricQuery(w, 'm-timely.by-class', { as_of: '2025-09-15' });
    expect(got.map((r) => [r.rule_id, r.judged, r.on_time, r.timely_rate])).toEqual([
      ['R-ATTENDANCE', 2, 1, 50], ['R-HOMEWORK', 1, 1, 100], ['R-MARK-DAY', 2, 1, 50], ['R-TOPIC', 2, 1, 50],
    ]);
  });
});
