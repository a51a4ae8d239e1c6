import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { group, klass, lesson, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, rows, school, seedRaw } from '../fixtures/metrics/seed-raw';

const at = (local: string) => `${local}:00+05:00`;
const full = (day: string) => ({ topic_text: 'Тема', topic_entered_at: at(`${day}T12:00`), attendance_entered_at: at(`${day}T12:00`),
  homework_text: 'Упр. 1', homework_entered_at: at(`${day}T12:00`) });

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH'), subject('ENG')],
    classes: [klass('1A', 1), klass('7A', 7)],
    groups: [group('G-1A', 'MATH', '1A'), group('G-7A', 'MATH', '7A'), group('G-7A-ENG', 'ENG', '7A', 'class', 'T2')],
    lessons: [
      lesson('A1', 'G-7A', '2025-09-08', full('2025-09-08')),
      lesson('A2', 'G-7A', '2025-09-09', { topic_text: 'Тема', topic_entered_at: at('2025-09-10T10:00') }),
      lesson('A3', 'G-7A', '2025-09-10', { status: 'planned' }),
      lesson('A4', 'G-7A', '2025-09-11', { ...full('2025-09-11'), status: 'cancelled' }),
      lesson('A5', 'G-7A', '2025-09-20', { status: 'planned' }),
      lesson('A6', 'G-7A', '2025-09-12', { topic_id: 'K1', attendance_entered_at: at('2025-09-12T12:00'), homework_minutes: 20,
        homework_entered_at: at('2025-09-12T12:00') }),
      lesson('B1', 'G-1A', '2025-09-08', { topic_text: 'Счёт', topic_entered_at: at('2025-09-08T12:00'), attendance_entered_at: at('2025-09-08T12:00') }),
      lesson('B2', 'G-1A', '2025-09-09'),
      lesson('C1', 'G-7A-ENG', '2025-09-08', { ...full('2025-09-08'), teacher_id: 'T2', conducted_by: 'T1' }),
      lesson('C2', 'G-7A-ENG', '2025-09-09', { teacher_id: 'T2' }),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

const row = (teacher_id: string, group_id: string, held: number, topic: number, att: number, hwDue: number, hw: number, complete: number) => ({
  school_id: S, teacher_id, group_id, class_id: group_id === 'G-1A' ? '1A' : '7A', subject_id: group_id === 'G-7A-ENG' ? 'ENG' : 'MATH',
  held_lessons: held, with_topic: topic, topic_rate: (100 * topic) / held, with_attendance: att, attendance_rate: (100 * att) / held,
  homework_due: hwDue, with_homework: hw, homework_rate: hwDue ? (100 * hw) / hwDue : null,
  complete_lessons: complete, complete_rate: (100 * complete) / held,
});

describe('M-COMPLETE', () => {
  it('per teacher × group: topic, attendance, homework from grade 2; the substitute answers for his lesson', async () => {
    expect(await runMetricQuery(w, 'm-complete', { as_of: '2025-09-15' })).toEqual([
      row('T1', 'G-1A', 2, 1, 1, 0, 0, 1),
      row('T1', 'G-7A', 4, 3, 2, 4, 2, 2),
      row('T1', 'G-7A-ENG', 1, 1, 1, 1, 1, 1),
      row('T2', 'G-7A-ENG', 1, 0, 0, 1, 0, 0),
    ]);
  });

  it('as of a date: a topic entered the next day is not there yet', async () => {
    expect(await runMetricQuery(w, 'm-complete', { group: 'G-7A', as_of: '2025-09-09' })).toEqual([row('T1', 'G-7A', 2, 1, 1, 2, 1, 1)]);
  });

  it('by teacher', async () => {
    const got = await runMetricQuery(w, 'm-complete.by-teacher', { as_of: '2025-09-15' });
    expect(got.map((r) => [r.teacher_id, r.held_lessons, r.with_topic, r.with_attendance, r.homework_due, r.with_homework, r.homework_rate, r.complete_lessons]))
      .toEqual([['T1', 7, 5, 4, 5, 3, 60, 4], ['T2', 1, 0, 0, 1, 0, 0, 0]]);
  });

  it('homework_from_grade set to 1 applies from its date on', async () => {
    await rows(w, `insert into config.rule_params (school_id, rule_id, param, value, effective_from) values ('S1', 'M-COMPLETE', 'homework_from_grade', '1', date '2025-09-09')`);
    await build(w);
    expect(await runMetricQuery(w, 'm-complete', { group: 'G-1A', as_of: '2025-09-15' })).toEqual([row('T1', 'G-1A', 2, 1, 1, 1, 0, 1)]);
  });
});
