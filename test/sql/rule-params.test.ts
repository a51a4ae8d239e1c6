import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { runModels } from '../../warehouse/run-models';
import { listRuleParams, setRuleParam } from '../../warehouse/rule-params';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// Rule parameters as data: a school's change applies from its date on and never rewrites the past.
let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await twoZonesWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

const ids = async (id: string, school = 'S5') => (await queryMetric(w, id, { school, asOf: '2025-11-05' })).map((r) => `${r.record_id}:${r.late_minutes}`);

describe('rule parameters', () => {
  it('a one-day grace for marks from 2025-10-01 forgives the October mark but not the September one', async () => {
    expect(await ids('R-MARK-DAY')).toEqual(['M2:1', 'M8:600']);
    await setRuleParam(w, { school: 'S5', rule: 'R-MARK-DAY', param: 'days_after', value: '1', from: '2025-10-01' });
    await runModels(w, { schoolId: 'S5' });
    expect(await ids('R-MARK-DAY')).toEqual(['M2:1']);
    // the other school keeps the default
    expect(await ids('R-MARK-DAY', 'S10')).toEqual(['VM1:5']);
  });

  it('a stricter homework deadline (60 min) from a date on', async () => {
    await setRuleParam(w, { school: 'S5', rule: 'R-HOMEWORK', param: 'minutes_after_last_lesson', value: '60', from: '2025-09-09' });
    await runModels(w, { schoolId: 'S5' });
    // 7A's last lesson ends 12:45 -> due 13:45: L1 (14:00) now 15 late, L2 35; the stream 14:45 -> 15:45: 35
    expect(await ids('R-HOMEWORK')).toEqual(['L1:15', 'L2:35', 'L3:35']);
  });

  it('finals lock: exempting teachers as well removes the breaches', async () => {
    await setRuleParam(w, { school: 'S5', rule: 'R-FINALS-LOCK', param: 'exempt_positions', value: 'admin, teacher', from: '2025-09-01' });
    await runModels(w, { schoolId: 'S5' });
    expect(await ids('R-FINALS-LOCK')).toEqual([]);
  });

  it('lists the default and the school\'s own values with their dates', async () => {
    const rows = await listRuleParams(w, 'S5', 'R-MARK-DAY');
    expect(rows.map((r) => [r.school_id, r.value, r.effective_from])).toEqual([['*', '0', '1900-01-01'], ['S5', '1', '2025-10-01']]);
  });

  it('refuses an unknown rule, an unknown param, a bad value, a bad date and an unknown school, in Russian', async () => {
    const base = { school: 'S5', rule: 'R-MARK-DAY', param: 'days_after', value: '1', from: '2025-10-01' };
    await expect(setRuleParam(w, { ...base, rule: 'R-NOPE' })).rejects.toThrow('Неизвестное правило «R-NOPE»');
    await expect(setRuleParam(w, { ...base, param: 'hours' })).rejects.toThrow('нет параметра «hours»');
    await expect(setRuleParam(w, { ...base, value: 'два' })).rejects.toThrow('ожидается целое число');
    await expect(setRuleParam(w, { ...base, value: '99' })).rejects.toThrow('от 0 до 30');
    await expect(setRuleParam(w, { ...base, rule: 'M-PASS', param: 'denominator', value: 'all' })).rejects.toThrow('enrolled, graded');
    await expect(setRuleParam(w, { ...base, rule: 'R-SETUP', param: 'due_month_day', value: '02-30' })).rejects.toThrow('ММ-ДД');
    await expect(setRuleParam(w, { ...base, from: '2025-10-32' })).rejects.toThrow('ГГГГ-ММ-ДД');
    await expect(setRuleParam(w, { ...base, school: 'S99' })).rejects.toThrow('Школа «S99» не найдена');
  });
});

describe('school calendar', () => {
  it('a holiday inside the quarter and weekends are not school days; the day ends at local midnight', async () => {
    const rows = await w.withConnection(async (c) => (await c.runAndReadAll(
      `select date::varchar as date, is_school_day, holiday_id, iso_local(day_end_at, 'Asia/Yekaterinburg') as ends
       from core.school_days where school_id = 'S5' and date between '2025-10-03' and '2025-10-08' order by date`)).getRowObjectsJson());
    expect(rows.map((r) => [r.date, r.is_school_day, r.holiday_id])).toEqual([
      ['2025-10-03', true, null], ['2025-10-04', false, null], ['2025-10-05', false, null],
      ['2025-10-06', false, 'H0'], ['2025-10-07', false, 'H0'], ['2025-10-08', true, null],
    ]);
    expect(rows[0]!.ends).toBe('2025-10-04T00:00:00+05:00');
  });
});
