import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { enrol, group, klass, lesson, mark, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const att = (lessonId: string, student: string, status: string, entered: string) =>
  ({ school_id: S, lesson_id: lessonId, student_id: student, status, entered_at: `${entered}:00+05:00`, entered_by: 'T1' });
const in_ = (school_id: string, row: Record<string, unknown>) => ({ ...row, school_id }) as Record<string, string>;

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S), school('S2', { mark_scale: 'ten_point' }), school('S3', { mark_scale: 'pass_fail' })],
    subjects: [subject('MATH'), in_('S2', subject('MATH')), in_('S3', subject('PE'))],
    classes: [klass('7A', 7), klass('7B', 7), in_('S2', klass('5A', 5)), in_('S3', klass('9A', 9))],
    enrollments: [enrol('u1', '7A'), enrol('u2', '7A', '2025-09-01', '2025-09-30'), enrol('u2', '7B', '2025-10-01'),
      in_('S2', enrol('v1', '5A')), in_('S2', enrol('v2', '5A')), in_('S3', enrol('y1', '9A')), in_('S3', enrol('y2', '9A'))],
    groups: [group('G-MATH', 'MATH', '7A'), group('G-MATH-B', 'MATH', '7B', 'class', 'T2'),
      in_('S2', group('G-5A', 'MATH', '5A')), in_('S3', group('G-9A', 'PE', '9A'))],
    ktp: [
      { school_id: S, topic_id: 'T1', group_id: 'G-MATH', seq: 1, title: 'Дроби', planned_date: '2025-09-08' },
      { school_id: S, topic_id: 'T2', group_id: 'G-MATH', seq: 2, title: 'Линейные уравнения', planned_date: '2025-09-10' },
    ],
    lessons: [
      lesson('L1', 'G-MATH', '2025-09-08', { topic_id: 'T1' }),
      lesson('L2', 'G-MATH', '2025-09-10', { topic_id: 'T2', topic_text: 'Уравнения' }),
      lesson('L3', 'G-MATH', '2025-09-12', { status: 'cancelled' }),
      lesson('L5', 'G-MATH', '2025-09-15', { topic_id: 'T1' }),
      lesson('L4', 'G-MATH-B', '2025-10-02', { topic_text: 'Графики', teacher_id: 'T2' }),
      in_('S2', lesson('V1', 'G-5A', '2025-09-10')), in_('S3', lesson('Y1', 'G-9A', '2025-09-10')),
    ],
    attendance: [
      att('L1', 'u1', 'absent', '2025-09-08T10:00'), att('L2', 'u1', 'late', '2025-09-10T10:00'),
      att('L3', 'u1', 'absent', '2025-09-12T10:00'), att('L2', 'u2', 'sick', '2025-09-10T10:00'),
      att('L4', 'u2', 'excused', '2025-10-03T10:00'),
    ],
    marks: [
      mark('k1', 'L2', 'u1', '2', '2025-09-10T12:00', { work_type: 'test' }),
      mark('k2', 'L5', 'u1', '4', '2025-09-16T12:00', { makeup: true }),
      mark('k3', 'L4', 'u2', '1', '2025-10-02T12:00'),
      mark('k4', 'L2', 'u2', '3', '2025-10-05T12:00', { makeup: true }),
      mark('k5', 'L3', 'u1', '2', '2025-09-12T12:00'),
      in_('S2', mark('k6', 'V1', 'v1', '3', '2025-09-10T12:00')), in_('S2', mark('k7', 'V1', 'v2', '4', '2025-09-10T12:00')),
      in_('S3', mark('k8', 'Y1', 'y1', 'незач', '2025-09-10T12:00')), in_('S3', mark('k9', 'Y1', 'y2', 'зач', '2025-09-10T12:00')),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

const missed = (student_id: string, lesson_id: string, date: string, topic_id: string | null, topic_text: string,
  status: string, made_up: boolean, class_id: string) => ({
  school_id: S, student_id, lesson_id, date, subject_id: 'MATH', topic_id, topic_text, status, made_up, class_id,
  group_id: class_id === '7A' ? 'G-MATH' : 'G-MATH-B', teacher_id: class_id === '7A' ? 'T1' : 'T2',
});

describe('M-MISSED', () => {
  it('absences of due lessons with topics (КТП title when no text); late is not missed; makeup on a later lesson of the topic', async () => {
    expect(await runMetricQuery(w, 'm-missed', { school: S, as_of: '2025-10-04' })).toEqual([
      missed('u1', 'L1', '2025-09-08', 'T1', 'Дроби', 'absent', true, '7A'),
      missed('u2', 'L2', '2025-09-10', 'T2', 'Уравнения', 'sick', false, '7A'),
      missed('u2', 'L4', '2025-10-02', null, 'Графики', 'excused', false, '7B'),
    ]);
  });

  it('as of a date: an absence recorded later is not there, a makeup mark entered later does not credit yet', async () => {
    expect((await runMetricQuery(w, 'm-missed', { school: S, student: 'u2', as_of: '2025-10-02' })).map((r) => `${r.lesson_id}/${r.made_up}`))
      .toEqual(['L2/false']);
    expect((await runMetricQuery(w, 'm-missed', { school: S, student: 'u2', as_of: '2025-10-10' })).map((r) => `${r.lesson_id}/${r.made_up}`))
      .toEqual(['L2/true', 'L4/false']);
  });

  it('the class is the one the student was in on the lesson day', async () => {
    expect((await runMetricQuery(w, 'm-missed', { class: '7B', as_of: '2025-10-10' })).map((r) => r.lesson_id)).toEqual(['L4']);
    expect((await runMetricQuery(w, 'm-missed', { allowed_classes: ['7A'], as_of: '2025-10-10' })).map((r) => r.lesson_id)).toEqual(['L1', 'L2']);
  });
});

describe('M-UNSAT', () => {
  it('five_point marks of 1–2 of due lessons with the topic; a cancelled lesson is out', async () => {
    expect(await runMetricQuery(w, 'm-unsat', { school: S, as_of: '2025-10-10' })).toEqual([
      { school_id: S, student_id: 'u1', lesson_id: 'L2', date: '2025-09-10', subject_id: 'MATH', topic_id: 'T2', topic_text: 'Уравнения',
        value: '2', mark_id: 'k1', class_id: '7A', group_id: 'G-MATH', teacher_id: 'T1', work_type: 'test' },
      { school_id: S, student_id: 'u2', lesson_id: 'L4', date: '2025-10-02', subject_id: 'MATH', topic_id: null, topic_text: 'Графики',
        value: '1', mark_id: 'k3', class_id: '7B', group_id: 'G-MATH-B', teacher_id: 'T2', work_type: 'oral' },
    ]);
    expect((await runMetricQuery(w, 'm-unsat', { school: S, as_of: '2025-10-01' })).map((r) => r.mark_id)).toEqual(['k1']);
  });

  it('ten_point below pass_from (4); pass_fail незач', async () => {
    expect((await runMetricQuery(w, 'm-unsat', { school: 'S2', as_of: '2025-10-10' })).map((r) => `${r.student_id}/${r.value}`)).toEqual(['v1/3']);
    expect((await runMetricQuery(w, 'm-unsat', { school: 'S3', as_of: '2025-10-10' })).map((r) => `${r.student_id}/${r.value}`)).toEqual(['y1/незач']);
  });
});
