import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { enrol, group, klass, lesson, member, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const hw = (id: string, groupId: string, date: string, minutes: number | null, extra = {}) =>
  lesson(id, groupId, date, { teacher_id: 'T9', homework_minutes: minutes, homework_text: minutes ? 'Задание' : null, ...extra });

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH'), subject('ENG'), subject('CHOIR')],
    classes: [klass('1A', 1), klass('3A', 3), klass('4A', 4), klass('7A', 7), klass('8A', 8), klass('9A', 9)],
    enrollments: [enrol('s1', '7A')],
    groups: [
      ...['1A', '3A', '4A', '8A', '9A'].map((c) => group(`G-${c}`, 'MATH', c, 'class', 'T9')),
      group('G-7A', 'MATH', '7A', 'class', 'T9'), group('G-ENG1', 'ENG', '7A', 'subgroup', 'T9'),
      group('G-ENG2', 'ENG', '7A', 'subgroup', 'T9'), group('G-CHOIR', 'CHOIR', null, 'stream', 'T9'),
      group('G-S', 'MATH', '3A', 'class', 'T1'),
    ],
    group_members: [member('G-CHOIR', 's1')],
    lessons: [
      hw('H1', 'G-1A', '2025-09-08', 61), hw('H3', 'G-3A', '2025-09-08', 90), hw('H4', 'G-4A', '2025-09-08', 121),
      hw('H8', 'G-8A', '2025-09-08', 150), hw('H9', 'G-9A', '2025-09-08', 211),
      hw('M1', 'G-7A', '2025-09-08', 50), hw('E1', 'G-ENG1', '2025-09-08', 30), hw('E2', 'G-ENG2', '2025-09-08', 40),
      hw('C1', 'G-CHOIR', '2025-09-08', 20), hw('X1', 'G-7A', '2025-09-08', 100, { status: 'cancelled' }),
      hw('M2', 'G-7A', '2025-09-09', null),
      lesson('S1', 'G-S', '2025-09-08', { conducted_by: 'T2' }), lesson('S2', 'G-S', '2025-09-09', { status: 'cancelled' }),
      lesson('S3', 'G-S', '2025-09-10', { status: 'moved', moved_to_date: '2025-09-17' }), lesson('S4', 'G-S', '2025-09-11'),
      lesson('S5', 'G-S', '2025-09-12', { status: 'planned', conducted_by: 'T3' }), lesson('S6', 'G-S', '2025-09-20', { conducted_by: 'T2' }),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('M-HW-LOAD', () => {
  it('norms by grade: 60 / 90 / 120 / 150 / 210; equal to the norm is not over', async () => {
    const got = await runMetricQuery(w, 'm-hw-load', { as_of: '2025-09-08' });
    expect(got.filter((r) => r.class_id !== '7A').map((r) => [r.class_id, r.grade, r.homework_minutes, r.norm_minutes, r.over_norm, r.over_by_minutes]))
      .toEqual([
        ['1A', 1, 61, 60, true, 1], ['3A', 3, 90, 90, false, 0], ['4A', 4, 121, 120, true, 1],
        ['8A', 8, 150, 150, false, 0], ['9A', 9, 211, 210, true, 1],
      ]);
  });

  it('subgroups of one subject count once (the larger), a stream counts for its members’ class, cancelled lessons not at all', async () => {
    expect(await runMetricQuery(w, 'm-hw-load', { class: '7A', as_of: '2025-09-15' })).toEqual([
      { school_id: S, class_id: '7A', grade: 7, date: '2025-09-08', lessons: 4, homework_minutes: 50 + 40 + 20, norm_minutes: 150, over_norm: false, over_by_minutes: 0 },
      { school_id: S, class_id: '7A', grade: 7, date: '2025-09-09', lessons: 1, homework_minutes: 0, norm_minutes: 150, over_norm: false, over_by_minutes: 0 },
    ]);
  });

  it('per class: days over the norm listed', async () => {
    const got = await runMetricQuery(w, 'm-hw-load.by-class', { as_of: '2025-09-15', class: '1A' });
    expect(got).toEqual([{ school_id: S, class_id: '1A', grade: 1, norm_minutes: 60, days: 1, days_over_norm: 1, max_minutes: 61,
      avg_minutes: 61, over_norm_dates: ['2025-09-08'] }]);
  });
});

describe('M-SUBST', () => {
  it('per teacher × group up to the as-of date: substituted (held or past planned), cancelled, moved', async () => {
    expect(await runMetricQuery(w, 'm-subst', { group: 'G-S', as_of: '2025-09-15' })).toEqual([
      { school_id: S, teacher_id: 'T1', group_id: 'G-S', class_id: '3A', subject_id: 'MATH', lessons: 5, substituted: 2, cancelled: 1, moved: 1 },
    ]);
  });

  it('per teacher: also the lessons he conducted for others', async () => {
    const got = await runMetricQuery(w, 'm-subst.by-teacher', { as_of: '2025-09-15', group: 'G-S' });
    expect(got.map((r) => [r.teacher_id, r.lessons, r.substituted, r.cancelled, r.moved, r.conducted_for_others])).toEqual([
      ['T1', 5, 2, 1, 1, 0], ['T2', 0, 0, 0, 0, 1], ['T3', 0, 0, 0, 0, 1],
    ]);
  });
});
