import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { passFixture } from '../fixtures/metrics/pass-class';
import { runMetricQuery } from '../fixtures/metrics/run-metric-query';
import { build, freshWarehouse, rows, seedRaw } from '../fixtures/metrics/seed-raw';
import { queryMetric } from '../../warehouse/query-metric';

let w: Warehouse;
beforeAll(async () => {
  w = await freshWarehouse();
  await seedRaw(w, passFixture);
  await build(w);
});
afterAll(() => w?.close());

const r = (n: number) => Math.round(n * 10000) / 10000;
const approx = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? r(v) : v])));
const row = (class_id: string, subject_id: string, students: number, passed: number, pass_rate: number,
  quality_rate: number | null, sou: number | null, avg_mark: number | null, school_id = 'S1') =>
  ({ school_id, class_id, subject_id, period_id: 'Q1', students, passed, pass_rate: r(pass_rate),
     quality_rate: quality_rate === null ? null : r(quality_rate), sou: sou === null ? null : r(sou), avg_mark: avg_mark === null ? null : r(avg_mark) });

describe('M-PASS family per class × subject × period', () => {
  it('counts осв/безотм out, н/а and a missing final as not passed, the leaver and the deferral out; mover in his new class; the stream split by class', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S1', as_of: '2025-11-05' }))).toEqual([
      row('7A', 'ENG', 1, 1, 100, 100, 100, 5),
      row('7A', 'MATH', 3, 2, 200 / 3, 100 / 3, 136 / 3, 4),
      row('7A', 'RUS', 6, 4, 400 / 6, 50, 287 / 6, 3.6),
      row('7B', 'ENG', 1, 1, 100, 0, 36, 3),
      row('7B', 'MATH', 2, 2, 100, 100, 82, 4.5),
      row('7B', 'RUS', 2, 2, 100, 100, 82, 4.5),
    ]);
  });

  it('a deferral counts from the end of its day: as of deferred_until itself it is a missing final', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S1', class: '7A', subject: 'MATH', as_of: '2025-11-19' })))
      .toEqual([row('7A', 'MATH', 3, 2, 200 / 3, 100 / 3, 136 / 3, 4)]);
    expect((await runMetricQuery(w, 'm-pass', { school: 'S1', class: '7A', subject: 'MATH', as_of: '2025-11-20' }))[0]?.students).toBe(4);
  });

  it('a half-year applies only to grades with a half-year final; a period without lessons has no finals due', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S1', period: 'H1', as_of: '2026-01-10' })))
      .toEqual([{ ...row('10A', 'MATH', 1, 1, 100, 100, 64, 4), period_id: 'H1' }]);
    expect(await runMetricQuery(w, 'm-pass', { school: 'S1', period: 'Q2', as_of: '2026-01-10' })).toEqual([]);
  });

  it('a deferral that has passed makes the missing final count as not passed', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S1', class: '7A', subject: 'MATH', as_of: '2025-11-25' })))
      .toEqual([row('7A', 'MATH', 4, 2, 50, 25, 34, 4)]);
  });

  it('a period not yet ended as of the date has no rows; finals entered after the date are not there yet', async () => {
    expect(await runMetricQuery(w, 'm-pass', { school: 'S1', period: 'Q2', as_of: '2025-12-25' })).toEqual([]);
    // as of 2025-10-24 (the quarter's last day) every final of the 22nd is in; nothing was entered later
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S1', class: '7B', subject: 'MATH', as_of: '2025-10-24' })))
      .toEqual([row('7B', 'MATH', 2, 2, 100, 100, 82, 4.5)]);
    expect(await runMetricQuery(w, 'm-pass', { school: 'S1', as_of: '2025-10-21' })).toEqual([]);
  });

  it('ten_point: passed from 4, quality from 7, no СОУ; pass_fail: no quality, no СОУ, no average', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S2', as_of: '2025-11-05' })))
      .toEqual([row('5A', 'MATH', 4, 3, 75, 50, null, 6, 'S2')]);
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S3', subject: 'PE', as_of: '2025-11-05' })))
      .toEqual([row('9A', 'PE', 3, 1, 100 / 3, null, null, null, 'S3')]);
  });

  it('scope filters: allowed classes, a teacher, a group', async () => {
    const only7B = await runMetricQuery(w, 'm-pass', { as_of: '2025-11-05', period: 'Q1', allowed_classes: ['7B'] });
    expect(only7B.map((x) => `${x.class_id}/${x.subject_id}`)).toEqual(['7B/ENG', '7B/MATH', '7B/RUS']);
    const t3 = await runMetricQuery(w, 'm-pass', { as_of: '2025-11-05', teacher: 'T3' });
    expect(t3.map((x) => `${x.class_id}/${x.subject_id}/${x.students}`)).toEqual(['7A/ENG/1', '7B/ENG/1']);
    const g = await runMetricQuery(w, 'm-pass', { as_of: '2025-11-05', group: 'G-7A-RUS' });
    expect(g.map((x) => `${x.class_id}/${x.subject_id}/${x.students}`)).toEqual(['7A/RUS/6']);
  });
});

describe('M-PASS family --by student and --by class', () => {
  it('pass_fail per class: a missing final in one subject fails the student even when the others are passed', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass', { school: 'S3', subject: 'ART', as_of: '2025-11-05' })))
      .toEqual([row('9A', 'ART', 3, 2, 200 / 3, null, null, null, 'S3')]);
    expect(await runMetricQuery(w, 'm-pass.by-class', { school: 'S3', as_of: '2025-11-05' })).toEqual([
      { school_id: 'S3', class_id: '9A', period_id: 'Q1', students: 3, passed: 0, pass_rate: 0, quality_rate: null, sou: null, avg_mark: null },
    ]);
  });

  const stu = (class_id: string, student_id: string, subjects: number, passed: number, pass_rate: number,
    quality_rate: number, sou: number, avg_mark: number) =>
    ({ school_id: 'S1', class_id, student_id, period_id: 'Q1', students: 1, subjects, passed, pass_rate: r(pass_rate),
       quality_rate: r(quality_rate), sou: r(sou), avg_mark: r(avg_mark) });

  it('per student: subjects passed ÷ subjects with a final (осв, deferred and missing out, н/а in)', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass.by-student', { school: 'S1', as_of: '2025-11-05' }))).toEqual([
      stu('7A', 'a1', 3, 3, 100, 100, 88, 14 / 3),
      stu('7A', 'a2', 2, 1, 50, 0, 21.5, 3),
      stu('7A', 'a3', 1, 0, 0, 0, 16, 2),
      stu('7A', 'a4', 1, 1, 100, 100, 100, 5),
      stu('7A', 'a5', 1, 1, 100, 100, 64, 4),
      stu('7A', 'a7', 1, 1, 100, 0, 36, 3),
      stu('7B', 'a8', 2, 2, 100, 100, 82, 4.5),
      stu('7B', 'b1', 3, 3, 100, 200 / 3, 200 / 3, 4),
    ]);
  });

  it('per class: students with every final passed ÷ students; СОУ and average over all counted finals', async () => {
    expect(approx(await runMetricQuery(w, 'm-pass.by-class', { school: 'S1', as_of: '2025-11-05' }))).toEqual([
      { school_id: 'S1', class_id: '7A', period_id: 'Q1', students: 6, passed: 3, pass_rate: 50, quality_rate: r(100 / 3), sou: 52.3, avg_mark: 3.875 },
      { school_id: 'S1', class_id: '7B', period_id: 'Q1', students: 2, passed: 2, pass_rate: 100, quality_rate: 50, sou: 72.8, avg_mark: 4.2 },
    ]);
  });
});

describe('M-QUALITY, M-SOU, M-AVG', () => {
  it('answer from the same query as M-PASS (one mart, same columns) for every grain', async () => {
    const { metricQueryName } = await import('../../warehouse/query-metric');
    for (const id of ['M-QUALITY', 'M-SOU', 'M-AVG']) {
      for (const by of [undefined, 'student', 'class']) expect(metricQueryName(id, by)).toBe(metricQueryName('M-PASS', by));
    }
    expect(metricQueryName('M-PASS', 'class')).toBe('metrics/m-pass.by-class');
    const filters = { school: 'S1', class: '7A', asOf: '2025-11-05' };
    const pass = await queryMetric(w, 'M-PASS', filters);
    expect(pass.length).toBeGreaterThan(0);
    for (const id of ['M-QUALITY', 'M-SOU', 'M-AVG']) expect(await queryMetric(w, id, filters)).toEqual(pass);
  });
});

describe('M-PASS parameter denominator (config.rule_params, in effect on the period end)', () => {
  const setDenominator = async (value: string, from: string) => {
    await rows(w, `insert into config.rule_params (school_id, rule_id, param, value, effective_from)
                   values ('S1', 'M-PASS', 'denominator', $value, $from::date)`, { value, from });
    await build(w);
  };
  const q = () => runMetricQuery(w, 'm-pass', { school: 'S1', class: '7A', subject: 'MATH', as_of: '2025-11-05' });

  it('a change from after the quarter leaves the quarter as it was', async () => {
    await setDenominator('graded', '2025-10-25');
    expect(approx(await q())).toEqual([row('7A', 'MATH', 3, 2, 200 / 3, 100 / 3, 136 / 3, 4)]);
  });

  it('graded leaves the student without a final out of both', async () => {
    await setDenominator('graded', '2025-10-01');
    expect(approx(await q())).toEqual([row('7A', 'MATH', 2, 2, 100, 50, 68, 4)]);
    expect(approx(await runMetricQuery(w, 'm-pass.by-class', { school: 'S1', class: '7A', as_of: '2025-11-05' }))).toEqual([
      // a5 keeps RUS 4 and passes; cells: MATH 5,3 + RUS 4,н/а,2,5,4,3 + ENG 5 → СОУ (136+287+100)/9, average 31/8
      { school_id: 'S1', class_id: '7A', period_id: 'Q1', students: 6, passed: 4, pass_rate: r(400 / 6), quality_rate: 50, sou: r(523 / 9), avg_mark: 3.875 },
    ]);
  });
});
