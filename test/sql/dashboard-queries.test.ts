import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dashboardQuery } from '../../api/routes/dashboard-query';
import { referenceLists } from '../../api/routes/dashboard-reference';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { smallSchoolWarehouse } from '../fixtures/dashboard/small-school';

let w: Warehouse;
let dir: string;
beforeAll(async () => ({ warehouse: w, dir } = await smallSchoolWarehouse()));
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('dashboard read queries', () => {
  it('lists only the schools in scope; an empty scope sees none', async () => {
    expect((await dashboardQuery(w, 'schools', { allowed_schools: null })).map((r) => r.id)).toEqual(['S1', 'S2']);
    expect((await dashboardQuery(w, 'schools', { allowed_schools: ['S2'] })).map((r) => r.id)).toEqual(['S2']);
    expect(await dashboardQuery(w, 'schools', { allowed_schools: [] })).toEqual([]);
  });

  it('names classes in school order and keeps another school out', async () => {
    const ref = referenceLists(await dashboardQuery(w, 'reference-lists', { school: 'S1' }));
    expect(ref.classes.map((c) => c.name)).toEqual(['7Б', '10А']);
    expect(ref.periods.map((p) => p.id)).toEqual(['Q1', 'Y', 'Q2']);
    expect(ref.groups.find((g) => g.id === 'G7P')).toMatchObject({ subjectId: 'PHYS', classId: 'C7B', teacherId: 'T2', kind: 'subgroup' });
    expect(ref.subjects).toHaveLength(2);
  });

  it('journal: lessons in the window, the class roster over time, marks and absences', async () => {
    const p = { school: 'S1', group: 'G7M', from: '2025-09-01', to: '2025-10-31' };
    const lessons = await dashboardQuery(w, 'journal-lessons', p);
    expect(lessons.map((l) => [l.id, l.topicText, l.homeworkMinutes, l.attendanceTaken])).toEqual([
      ['L1', 'Дроби', 20, true], ['L2', 'Проценты, введение', null, false],
    ]);
    const students = await dashboardQuery(w, 'journal-students', p);
    expect(students.map((s) => [s.id, s.to])).toEqual([['st1', '9999-12-31'], ['st2', '9999-12-31'], ['st3', '2025-10-01']]);
    const late = await dashboardQuery(w, 'journal-students', { ...p, from: '2025-10-02' });
    expect(late.map((s) => s.id)).toEqual(['st1', 'st2']);
    const cells = await dashboardQuery(w, 'journal-cells', p);
    expect(cells.filter((c) => c.kind === 'mark').map((c) => `${c.lessonId}:${c.studentId}=${c.value}`))
      .toEqual(['L1:st1=5', 'L1:st2=2', 'L1:st3=4', 'L2:st1=4']);
    expect(cells.filter((c) => c.kind === 'attendance').map((c) => `${c.lessonId}:${c.studentId}=${c.value}`)).toEqual(['L1:st1=late', 'L2:st2=sick']);
  });

  it('subgroup journal lists its members only', async () => {
    const students = await dashboardQuery(w, 'journal-students', { school: 'S1', group: 'G7P', from: '2025-09-01', to: '2025-09-30' });
    expect(students.map((s) => s.id)).toEqual(['st2']);
  });

  it('diary: the week of the student groups with substitute, marks, absence and side lists', async () => {
    const p = { school: 'S1', student: 'st2', from: '2025-09-08', to: '2025-09-14' };
    const lessons = await dashboardQuery(w, 'diary-lessons', p);
    expect(lessons.map((l) => [l.id, l.subject, l.substitute, l.marks, l.absence])).toEqual([
      ['L1', 'Математика', null, '2', null],
      ['L2', 'Математика', 'Сидоров Пётр', null, 'sick'],
      ['L3', 'Физика', null, '3', null],
    ]);
    const extras = await dashboardQuery(w, 'diary-extras', { ...p, guardian: null });
    expect(extras.filter((e) => e.kind === 'control_work').map((e) => e.text)).toEqual(['ВШК по дробям']);
    expect(extras.filter((e) => e.kind === 'teacher').map((e) => e.text).sort()).toEqual(['Иванова Анна Петровна', 'Петров Олег Иванович']);
    expect(extras.filter((e) => e.kind === 'ack')).toEqual([]);
    const st1 = await dashboardQuery(w, 'diary-extras', { ...p, student: 'st1', guardian: 'P1' });
    expect(st1.find((e) => e.kind === 'ack')).toMatchObject({ date: '2025-09-10', text: '2025-09-10T15:00:00Z' });
    expect(st1.find((e) => e.kind === 'recommendation')).toMatchObject({ title: 'Иванова Анна Петровна', text: 'Повторить дроби' });
  });

  it('class overview: weighted averages of current marks and per-student counts', async () => {
    const p = { school: 'S1', class: 'C7B', period: 'Q1', as_of: null };
    const avg = await dashboardQuery(w, 'class-averages', p);
    // st1 math: (5·1 + 4·2) / 3; st2: math 2 (weight empty = 1), physics 3; st3 left before the period's end
    const cell = (s: string, subj: string) => avg.find((a) => a.studentId === s && a.subjectId === subj);
    expect(cell('st1', 'MATH')?.average).toBeCloseTo(13 / 3, 10);
    expect(cell('st2', 'MATH')?.average).toBe(2);
    expect(cell('st2', 'PHYS')?.average).toBe(3);
    expect(avg.some((a) => a.studentId === 'st3')).toBe(false);
    const students = await dashboardQuery(w, 'class-students', p);
    expect(students.map((s) => [s.id, s.missed, s.unsat, s.guardians, s.consents, s.refusals, s.lastAck])).toEqual([
      ['st1', 0, 0, 1, 1, 0, '2025-09-10'], ['st2', 1, 1, 1, 0, 1, null],
    ]);
  });
});
