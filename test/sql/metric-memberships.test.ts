import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { build, freshWarehouse, rows, school, seedRaw } from '../fixtures/metrics/seed-raw';

let w: Warehouse;
const S = 'S1';
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, {
    schools: [school(S)],
    classes: [
      { school_id: S, class_id: '5A', grade: 5, letter: 'А', class_teacher_id: 'T1' },
      { school_id: S, class_id: '5B', grade: 5, letter: 'Б', class_teacher_id: 'T1' },
    ],
    enrollments: [
      { school_id: S, student_id: 's1', class_id: '5A', from_date: '2025-09-01' },
      { school_id: S, student_id: 's2', class_id: '5A', from_date: '2025-09-01', to_date: '2025-10-10', reason_out: 'moved_class' },
      { school_id: S, student_id: 's2', class_id: '5B', from_date: '2025-10-11', reason_in: 'moved_class' },
      { school_id: S, student_id: 's3', class_id: '5B', from_date: '2025-09-01' },
    ],
    groups: [
      { school_id: S, group_id: 'G-5A-MATH', subject_id: 'MATH', class_id: '5A', name: '5А мат', kind: 'class', teacher_id: 'T1' },
      { school_id: S, group_id: 'G-ENG-1', subject_id: 'ENG', class_id: '5A', name: '5А англ 1', kind: 'subgroup', teacher_id: 'T2' },
      { school_id: S, group_id: 'G-STREAM', subject_id: 'CHOIR', class_id: null, name: 'Хор 5', kind: 'stream', teacher_id: 'T3' },
    ],
    group_members: [
      { school_id: S, group_id: 'G-ENG-1', student_id: 's1', from_date: '2025-09-01' },
      { school_id: S, group_id: 'G-STREAM', student_id: 's1', from_date: '2025-09-01' },
      { school_id: S, group_id: 'G-STREAM', student_id: 's3', from_date: '2025-09-15', to_date: '2025-12-01' },
    ],
  });
  await build(w);
});
afterAll(() => w?.close());

describe('core.memberships_*', () => {
  it('class spans keep both rows of a move, with grade and an open end as 9999-12-31', async () => {
    expect(await rows(w, `select student_id, class_id, grade, from_date::varchar f, until_date::varchar u
                           from core.memberships_class order by 1, 4`)).toEqual([
      { student_id: 's1', class_id: '5A', grade: 5, f: '2025-09-01', u: '9999-12-31' },
      { student_id: 's2', class_id: '5A', grade: 5, f: '2025-09-01', u: '2025-10-10' },
      { student_id: 's2', class_id: '5B', grade: 5, f: '2025-10-11', u: '9999-12-31' },
      { student_id: 's3', class_id: '5B', grade: 5, f: '2025-09-01', u: '9999-12-31' },
    ]);
  });

  it('a class group has the class enrolment, a subgroup and a stream their listed members', async () => {
    expect(await rows(w, `select group_id, student_id, from_date::varchar f, until_date::varchar u
                           from core.memberships_group order by 1, 2, 3`)).toEqual([
      { group_id: 'G-5A-MATH', student_id: 's1', f: '2025-09-01', u: '9999-12-31' },
      { group_id: 'G-5A-MATH', student_id: 's2', f: '2025-09-01', u: '2025-10-10' },
      { group_id: 'G-ENG-1', student_id: 's1', f: '2025-09-01', u: '9999-12-31' },
      { group_id: 'G-STREAM', student_id: 's1', f: '2025-09-01', u: '9999-12-31' },
      { group_id: 'G-STREAM', student_id: 's3', f: '2025-09-15', u: '2025-12-01' },
    ]);
  });
});
