import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { pick, twoZonesWarehouse } from '../fixtures/rules/two-zones';

// Lesson and mark deadlines on test/fixtures/rules/two-zones.sql (S5 = UTC+5, S10 = UTC+10); every
// expected row below is computed by hand in the comments of that file.
let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await twoZonesWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

const keys = ['school_id', 'teacher_id', 'class_id', 'group_id', 'record_id', 'student_id', 'due_at', 'entered_at', 'late_minutes'];
const q = async (id: string, asOf: string, extra = {}) => pick(await queryMetric(w, id, { asOf, ...extra }), keys);
const row = (school_id: string, teacher_id: string | null, class_id: string | null, group_id: string | null, record_id: string,
  student_id: string | null, due_at: string, entered_at: string | null, late_minutes: number | null) =>
  ({ school_id, teacher_id, class_id, group_id, record_id, student_id, due_at, entered_at, late_minutes });

describe('R-MARK-DAY', () => {
  it('end of the lesson\'s day in the school\'s zone: 23:59 local on time, 00:01 late; UTC+10 too; makeup and vshk/written marks out', async () => {
    expect(await q('R-MARK-DAY', '2025-11-05')).toEqual([
      row('S10', 'T9', '5A', 'G5-MATH', 'VM1', 'v1', '2025-09-10T00:00:00+10:00', '2025-09-10T00:05:00+10:00', 5),
      row('S5', 'T1', '7A', 'G7A-MATH', 'M2', 's2', '2025-09-10T00:00:00+05:00', '2025-09-10T00:01:00+05:00', 1),
      // a `test` control work follows R-MARK-DAY
      row('S5', 'T1', '7B', 'G7B-MATH', 'M8', 's3', '2025-10-18T00:00:00+05:00', '2025-10-18T10:00:00+05:00', 600),
    ]);
  });

  it('as of the lesson\'s own day a mark entered after it is missing (entered_at null); the day before nothing is due', async () => {
    expect(await q('R-MARK-DAY', '2025-09-09', { school: 'S5' })).toEqual([
      row('S5', 'T1', '7A', 'G7A-MATH', 'M2', 's2', '2025-09-10T00:00:00+05:00', null, null),
    ]);
    expect(await q('R-MARK-DAY', '2025-09-08')).toEqual([]);
  });
});

describe('R-HOMEWORK', () => {
  it('the class\'s last lesson decides (7A: 12:45 + 90 min = 14:15); a stream uses its own lessons', async () => {
    expect(await q('R-HOMEWORK', '2025-11-05')).toEqual([
      row('S5', 'T2', '7A', 'G7A-RUS', 'L2', null, '2025-09-09T14:15:00+05:00', '2025-09-09T14:20:00+05:00', 5),
      row('S5', 'T3', null, 'GSTR', 'L3', null, '2025-09-09T16:15:00+05:00', '2025-09-09T16:20:00+05:00', 5),
    ]);
  });
});

describe('R-ATTENDANCE and R-TOPIC', () => {
  it('a held lesson without attendance and a past lesson still planned are breaches; a cancelled one is not due', async () => {
    expect(await q('R-ATTENDANCE', '2025-11-05')).toEqual([
      row('S5', 'T2', '7B', 'G7B-MATH', 'L4', null, '2025-09-10T00:00:00+05:00', null, null),
      row('S5', 'T1', '7A', 'G7A-MATH', 'L5', null, '2025-09-11T00:00:00+05:00', null, null),
    ]);
  });

  it('a topic one minute after local midnight is late; exactly at midnight (UTC+10) is on time', async () => {
    expect(await q('R-TOPIC', '2025-11-05')).toEqual([
      row('S5', 'T2', '7B', 'G7B-MATH', 'L4', null, '2025-09-10T00:00:00+05:00', '2025-09-10T00:01:00+05:00', 1),
      row('S5', 'T1', '7A', 'G7A-MATH', 'L5', null, '2025-09-11T00:00:00+05:00', null, null),
    ]);
  });

  it('a planned lesson of a day after the as-of date is not due yet', async () => {
    expect((await q('R-ATTENDANCE', '2025-09-09')).map((r) => r.record_id)).toEqual(['L4']);
  });
});

describe('R-SUBSTITUTION', () => {
  it('recorded after the lesson record is late (due = topic_entered_at); never recorded is missing; teacher = the substitute', async () => {
    expect(await q('R-SUBSTITUTION', '2025-11-05')).toEqual([
      row('S5', 'T2', '7B', 'G7B-MATH', 'L4', null, '2025-09-10T00:01:00+05:00', '2025-09-10T00:11:00+05:00', 10),
      row('S5', 'T3', '7B', 'G7B-MATH', 'L7', null, '2025-09-11T10:40:00+05:00', null, null),
    ]);
  });
});

describe('R-CONTROL-WORK and R-WRITTEN-WORK', () => {
  it('vshk held on Friday: due by the end of Monday (3 calendar days, across the weekend)', async () => {
    expect(await q('R-CONTROL-WORK', '2025-11-05')).toEqual([
      row('S5', 'T1', '7A', 'G7A-MATH', 'M5', 's2', '2025-10-21T00:00:00+05:00', '2025-10-21T00:30:00+05:00', 30),
    ]);
    // as of Monday the 20th nothing is late yet: M4 came at 23:59, M5 is not due before the end of the day
    expect(await q('R-CONTROL-WORK', '2025-10-19')).toEqual([]);
  });

  it('written work: 7 days, due by the end of the next Friday', async () => {
    expect(await q('R-WRITTEN-WORK', '2025-11-05')).toEqual([
      row('S5', 'T2', '7A', 'G7A-RUS', 'M7', 's2', '2025-10-25T00:00:00+05:00', '2025-10-25T01:00:00+05:00', 60),
    ]);
    expect(await q('R-WRITTEN-WORK', '2025-10-23')).toEqual([]);
  });
});

describe('filters and scope', () => {
  it('filters by teacher, class, group, subject and period; scope lists restrict in SQL', async () => {
    expect((await q('R-ATTENDANCE', '2025-11-05', { teacher: 'T1' })).map((r) => r.record_id)).toEqual(['L5']);
    expect((await q('R-MARK-DAY', '2025-11-05', { class: '7B' })).map((r) => r.record_id)).toEqual(['M8']);
    expect((await q('R-MARK-DAY', '2025-11-05', { subject: 'MATH', school: 'S5', group: 'G7A-MATH' })).map((r) => r.record_id)).toEqual(['M2']);
    expect((await q('R-MARK-DAY', '2025-11-05', { period: 'Q1', school: 'S5' })).map((r) => r.record_id)).toEqual(['M2', 'M8']);
    const scoped = await queryMetric(w, 'R-HOMEWORK', { asOf: '2025-11-05' }, { schools: ['S5'], classes: ['7A'], groups: ['G7A-RUS', 'GSTR'] });
    expect(scoped.map((r) => r.record_id)).toEqual(['L2', 'L3']);
    const noStream = await queryMetric(w, 'R-HOMEWORK', { asOf: '2025-11-05' }, { classes: ['7A'] });
    expect(noStream.map((r) => r.record_id)).toEqual(['L2']);
    expect(await queryMetric(w, 'R-MARK-DAY', { asOf: '2025-11-05' }, { schools: [] })).toEqual([]);
  });

  it('refuses an unknown id, a bad grain and a bad date with a Russian message', async () => {
    await expect(queryMetric(w, 'R-NOPE')).rejects.toThrow('Неизвестный показатель');
    await expect(queryMetric(w, 'R-MARK-DAY', { asOf: '2025-02-30' })).rejects.toThrow('ГГГГ-ММ-ДД');
    await expect(queryMetric(w, 'R-MARK-DAY', { by: 'planet' })).rejects.toThrow('Недопустимое значение by');
  });
});
