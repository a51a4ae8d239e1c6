import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { enrol, group, klass, lesson, member, S, subject } from '../fixtures/metrics/lesson-rows';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, school, seedRaw } from '../fixtures/metrics/seed-raw';

const at = (local: string) => `${local}:00+05:00`;
const guardian = (id: string, student: string, consent: string | null, recorded: string | null, channel = 'web') =>
  ({ school_id: S, guardian_id: id, student_id: student, full_name: id, consent, consent_recorded_at: recorded ? at(recorded) : null, channel });
const ack = (id: string, student: string, when: string) =>
  ({ school_id: S, guardian_id: id, student_id: student, acknowledged_at: at(when), covers_until: when.slice(0, 10) });
const plan = (cl: string, subj: string, perYear: number) => ({ school_id: S, class_id: cl, subject_id: subj, hours_per_year: perYear });

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    subjects: [subject('MATH'), subject('PHYS'), subject('ELECT', 'additional')],
    classes: [klass('7A', 7), klass('7B', 7), klass('10A', 10, 'science'), klass('10B', 10, 'humanities')],
    enrollments: [
      enrol('p1', '7A'), enrol('p2', '7A'), enrol('p3', '7A', '2025-09-01', '2025-09-30'), enrol('p4', '7B', '2025-09-01', '2025-09-30'),
      enrol('p4', '7A', '2025-10-01'), enrol('p5', '7A'), enrol('p6', '7B'), enrol('s1', '10A'), enrol('s2', '10B'),
    ],
    guardians: [
      guardian('g1', 'p1', 'given', '2025-09-02T10:00'), guardian('g2', 'p1', 'refused', '2025-10-05T10:00', 'paper'),
      guardian('g3', 'p2', null, null), guardian('g4', 'p4', 'given', '2025-09-01T10:00'), guardian('g5', 'p3', 'given', '2025-09-01T10:00'),
    ],
    parent_acks: [ack('g1', 'p1', '2025-10-01T19:00'), ack('g1', 'p1', '2025-10-10T19:00'), ack('g3', 'p2', '2025-09-25T19:00'),
      ack('g4', 'p4', '2025-10-03T23:30'), ack('g5', 'p3', '2025-10-02T19:00')],
    curriculum: [plan('10A', 'MATH', 6), plan('10A', 'PHYS', 4), plan('10B', 'MATH', 3)],
    groups: [group('G-M1', 'MATH', '10A', 'subgroup'), group('G-M2', 'MATH', '10A', 'subgroup'), group('G-P', 'PHYS', '10A'),
      group('G-EL', 'ELECT', null, 'elective'), group('G-B', 'MATH', '10B')],
    group_members: [member('G-M1', 's1'), member('G-EL', 's1'), member('G-EL', 's2')],
    lessons: [
      lesson('a1', 'G-M1', '2025-09-08'), lesson('a2', 'G-M1', '2025-09-10'), lesson('a3', 'G-M1', '2025-09-12'),
      lesson('b1', 'G-M2', '2025-09-08'), lesson('b2', 'G-M2', '2025-09-10'),
      lesson('c1', 'G-P', '2025-09-09'), lesson('c2', 'G-P', '2025-09-16', { status: 'cancelled' }),
      lesson('d1', 'G-EL', '2025-09-09'), lesson('d2', 'G-EL', '2025-09-16'),
      lesson('e1', 'G-B', '2025-09-08'), lesson('e2', 'G-B', '2025-09-15'), lesson('e3', 'G-B', '2025-10-06'),
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('M-PARENTS', () => {
  it("per class on the as-of day: the class's students then, consent known by then, acknowledged in the last 7 days, paper", async () => {
    expect(await runMetricQuery(w, 'm-parents', { as_of: '2025-10-03', class: '7A' })).toEqual([{
      school_id: S, class_id: '7A', students: 4, guardians: 4, consent_given: 2, consent_refused: 0, consent_missing: 2,
      acknowledged_7d: 2, ack_rate: 50, paper_recipients: 1, students_without_guardian: 1,
    }]);
    expect(await runMetricQuery(w, 'm-parents', { as_of: '2025-10-10', class: '7A' })).toMatchObject([
      { consent_given: 2, consent_refused: 1, consent_missing: 1, acknowledged_7d: 1, ack_rate: 25 },
    ]);
    expect(await runMetricQuery(w, 'm-parents', { as_of: '2025-10-03', class: '7B' })).toEqual([{
      school_id: S, class_id: '7B', students: 1, guardians: 0, consent_given: 0, consent_refused: 0, consent_missing: 0,
      acknowledged_7d: 0, ack_rate: null, paper_recipients: 0, students_without_guardian: 1,
    }]);
  });
});

describe('M-PLAN', () => {
  it('per class × subject: lessons held against the year plan; subgroups count once (the larger); a stream for each class', async () => {
    expect(await runMetricQuery(w, 'm-plan', { as_of: '2025-09-30', allowed_classes: ['10A', '10B'] })).toEqual([
      { school_id: S, class_id: '10A', profile: 'science', grade: 10, subject_id: 'ELECT', hours_planned: null, hours_held: 2, execution_rate: null },
      { school_id: S, class_id: '10A', profile: 'science', grade: 10, subject_id: 'MATH', hours_planned: 6, hours_held: 3, execution_rate: 50 },
      { school_id: S, class_id: '10A', profile: 'science', grade: 10, subject_id: 'PHYS', hours_planned: 4, hours_held: 1, execution_rate: 25 },
      { school_id: S, class_id: '10B', profile: 'humanities', grade: 10, subject_id: 'ELECT', hours_planned: null, hours_held: 2, execution_rate: null },
      { school_id: S, class_id: '10B', profile: 'humanities', grade: 10, subject_id: 'MATH', hours_planned: 3, hours_held: 2, execution_rate: 200 / 3 },
    ]);
  });

  it('per class: subjects of the plan only', async () => {
    expect(await runMetricQuery(w, 'm-plan.by-class', { as_of: '2025-09-30', allowed_classes: ['10A', '10B'] })).toEqual([
      { school_id: S, class_id: '10A', profile: 'science', grade: 10, hours_planned: 10, hours_held: 4, execution_rate: 40 },
      { school_id: S, class_id: '10B', profile: 'humanities', grade: 10, hours_planned: 3, hours_held: 2, execution_rate: 200 / 3 },
    ]);
  });
});
