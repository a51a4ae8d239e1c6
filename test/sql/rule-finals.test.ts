import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { pick, twoZonesWarehouse } from '../fixtures/rules/two-zones';

// Finals, the finals lock, the year's setup and the archive on test/fixtures/rules/two-zones.sql.
// Q1 ends Friday 2025-10-24 (a holiday 06..07 Oct inside it): window 2025-10-18 00:00 .. 2025-10-25 00:00 (+05).
let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await twoZonesWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

const keys = ['teacher_id', 'class_id', 'group_id', 'subject_id', 'record_kind', 'record_id', 'student_id', 'due_at', 'entered_at', 'late_minutes'];
const q = async (id: string, asOf: string, extra = {}) => pick(await queryMetric(w, id, { asOf, school: 'S5', ...extra }), keys);
const fin = (teacher_id: string, class_id: string, group_id: string, student: string, subject: string, due_at: string,
  entered_at: string | null, late_minutes: number | null) => ({
  teacher_id, class_id, group_id, subject_id: subject, record_kind: 'final_mark', record_id: `${student}:${subject}:Q1`,
  student_id: student, due_at, entered_at, late_minutes });
const q1End = '2025-10-25T00:00:00+05:00';

describe('R-PERIOD-FINAL', () => {
  it('too early (negative minutes before the window), late, missing; the mover counts in his new class only; the stream per student\'s class', async () => {
    expect(await q('R-PERIOD-FINAL', '2025-11-05')).toEqual([
      fin('T1', '7A', 'G7A-MATH', 's2', 'MATH', q1End, '2025-10-17T23:59:00+05:00', -1),
      fin('T3', '7B', 'GSTR', 's3', 'ELC', q1End, '2025-10-27T09:00:00+05:00', 3420),
      fin('T1', '7B', 'G7B-MATH', 's4', 'MATH', q1End, null, null),
    ]);
  });

  it('a deferred final is no breach before its date, a breach (missing) after it; entered before its date it is on time', async () => {
    expect((await q('R-PERIOD-FINAL', '2025-11-09')).map((r) => r.record_id)).toEqual(['s2:MATH:Q1', 's3:ELC:Q1', 's4:MATH:Q1']);
    expect((await q('R-PERIOD-FINAL', '2025-11-10')).at(-1))
      .toEqual(fin('T2', '7A', 'G7A-RUS', 's2', 'RUS', '2025-11-11T00:00:00+05:00', null, null));
  });

  it('nothing before the period ends; the leaver, the club and the year without finals are not due', async () => {
    expect(await q('R-PERIOD-FINAL', '2025-10-23')).toEqual([]);
    const due = await w.withConnection(async (c) => (await c.runAndReadAll(
      "select record_id from marts.r_period_final where school_id = 'S5' order by record_id")).getRowObjectsJson());
    expect(due.map((r) => r.record_id)).toEqual([
      's1:ELC:Q1', 's1:MATH:Q1', 's1:RUS:Q1', 's2:MATH:Q1', 's2:RUS:Q1', 's3:ELC:Q1', 's3:MATH:Q1', 's4:MATH:Q1', 's5:MATH:Q1', 's5:RUS:Q1',
    ]);
  });

  it('a UTC+10 school: the window and deadline in its own zone', async () => {
    expect(await queryMetric(w, 'R-PERIOD-FINAL', { school: 'S10', asOf: '2025-11-05' })).toEqual([]);
    const [d] = await w.withConnection(async (c) => (await c.runAndReadAll(
      "select iso_local(due_at, timezone) as due, iso_local(opens_at, timezone) as opens from marts.r_period_final where school_id = 'S10'")).getRowObjectsJson());
    expect(d).toEqual({ due: '2025-10-25T00:00:00+10:00', opens: '2025-10-18T00:00:00+10:00' });
  });
});

describe('R-FINALS-LOCK', () => {
  it('a teacher\'s change after the final is a breach; the administrator\'s is not; a change before the final is not', async () => {
    expect(await q('R-FINALS-LOCK', '2025-11-05')).toEqual([
      { teacher_id: 'T1', class_id: '7A', group_id: 'G7A-MATH', subject_id: 'MATH', record_kind: 'mark', record_id: 'M1', student_id: 's1',
        due_at: '2025-10-20T12:00:00+05:00', entered_at: '2025-10-22T10:00:00+05:00', late_minutes: 2760 },
      { teacher_id: 'T2', class_id: '7A', group_id: 'G7A-RUS', subject_id: 'RUS', record_kind: 'final_mark', record_id: 's1:RUS:Q1', student_id: 's1',
        due_at: '2025-10-22T12:00:00+05:00', entered_at: '2025-10-23T09:00:00+05:00', late_minutes: 1260 },
    ]);
  });

  it('a change after the as-of date is not known yet', async () => {
    expect((await q('R-FINALS-LOCK', '2025-10-22')).map((r) => r.record_id)).toEqual(['M1']);
    expect(await q('R-FINALS-LOCK', '2025-10-21')).toEqual([]);
  });
});

describe('R-SETUP', () => {
  it('due 5 September: a holiday created on the 7th is late, no rooms and an individual plan missing; UTC+10 school lacks four items', async () => {
    const setup = (record_id: string, student_id: string | null, entered_at: string | null, late_minutes: number | null) => ({
      teacher_id: null, class_id: null, group_id: null, subject_id: null, record_kind: 'setup', record_id, student_id,
      due_at: '2025-09-06T00:00:00+05:00', entered_at, late_minutes });
    expect(await q('R-SETUP', '2025-11-05')).toEqual([
      setup('holidays', null, '2025-09-07T10:00:00+05:00', 2040),
      setup('iup:s2', 's2', null, null),
      setup('rooms', null, null, null),
    ]);
    expect((await q('R-SETUP', '2025-11-05', { school: 'S10' })).map((r) => r.record_id))
      .toEqual(['control_works', 'curriculum', 'holidays', 'rooms']);
    expect(await q('R-SETUP', '2025-09-04')).toEqual([]);
  });
});

describe('R-ARCHIVE', () => {
  it('not due before 1 July (none as of the year\'s end); then a late and two missing (an unsigned copy does not count)', async () => {
    expect(await q('R-ARCHIVE', '2026-05-29')).toEqual([]);
    const arch = (record_id: string, class_id: string, entered_at: string | null, late_minutes: number | null) => ({
      teacher_id: null, class_id, group_id: null, subject_id: null, record_kind: 'archive', record_id, student_id: null,
      due_at: '2026-07-01T00:00:00+05:00', entered_at, late_minutes });
    expect(await q('R-ARCHIVE', '2026-07-01')).toEqual([
      arch('F-JOURNAL:7B', '7B', null, null),
      arch('F-SUMMARY:7A', '7A', '2026-07-02T00:00:00+05:00', 1440),
      arch('F-SUMMARY:7B', '7B', null, null),
    ]);
  });
});
