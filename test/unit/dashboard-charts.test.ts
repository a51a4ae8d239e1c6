import { describe, expect, it } from 'vitest';
import { compareClassLabels, passQualityByClassOption, roundRate } from '../../common/charts/pass-quality-by-class';
import { breachHeatmapOption } from '../../common/charts/breach-heatmap';
import { weekTrend } from '../../common/charts/week-trend';
import { kpisOf, kpiTrends } from '../../common/charts/kpi-tiles';

type AnyOption = { xAxis: { data: string[] }; yAxis: { data: string[] }; series: { name?: string; data: unknown[] }[] };

describe('pass and quality per class', () => {
  it.each([
    [['10А', '2Б', '2А', '11В'], ['2А', '2Б', '10А', '11В']],
    [['7Б', '7А'], ['7А', '7Б']],
    [['7Ж', '7Ё', '7Е', '7Я', '7Д'], ['7Д', '7Е', '7Ё', '7Ж', '7Я']],
    [['5б', '5А', '5В'], ['5А', '5б', '5В']],
    [['9Б', '9', '9А'], ['9', '9А', '9Б']],
  ])('orders classes %j as %j', (input, sorted) => {
    expect([...input].sort(compareClassLabels)).toEqual(sorted);
  });

  it('orders letters as Russian collation does', () => {
    const labels = ['11Ю', '11Э', '11Ь', '11Ш', '11Щ', '11Ё', '11е', '11Е', '11Й', '11И', '11A', '11Z', '11Ф', '11я'];
    expect([...labels].sort(compareClassLabels)).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'ru')));
  });

  it.each([[66.666, 66.7], [100, 100], [0, 0], [null, null], [Number.NaN, null]])('rounds %s to %s', (v, r) => {
    expect(roundRate(v)).toBe(r);
  });

  it('puts classes on the axis and both rates in series, null kept as a gap', () => {
    const o = passQualityByClassOption([
      { classId: 'c10', label: '10А', passRate: 90, qualityRate: 45.55 },
      { classId: 'c2', label: '2А', passRate: 100, qualityRate: null },
    ], { pass: 'Успеваемость', quality: 'Качество' }) as unknown as AnyOption;
    expect(o.xAxis.data).toEqual(['2А', '10А']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['Успеваемость', [100, 90]], ['Качество', [null, 45.6]]]);
  });
});

describe('teacher × rule heatmap', () => {
  const rules = [{ id: 'R-MARK-DAY', label: 'Отметки' }, { id: 'R-TOPIC', label: 'Тема' }];
  it('ranks teachers by breaches, drops zero cells and unknown rules', () => {
    const o = breachHeatmapOption([
      { teacherId: 'a', teacherName: 'Антонова', ruleId: 'R-TOPIC', count: 1 },
      { teacherId: 'b', teacherName: 'Борисов', ruleId: 'R-MARK-DAY', count: 3 },
      { teacherId: 'b', teacherName: 'Борисов', ruleId: 'R-TOPIC', count: 0 },
      { teacherId: 'a', teacherName: 'Антонова', ruleId: 'R-OTHER', count: 9 },
    ], rules) as unknown as AnyOption;
    expect(o.yAxis.data).toEqual(['Антонова', 'Борисов']); // 1 + 9 counted in the ranking
    expect(o.series[0]!.data).toEqual([[1, 0, 1], [0, 1, 3]]);
  });
  it('keeps the top N teachers', () => {
    const cells = ['a', 'b', 'c'].map((t, i) => ({ teacherId: t, teacherName: t, ruleId: 'R-TOPIC', count: i + 1 }));
    expect((breachHeatmapOption(cells, rules, 2) as unknown as AnyOption).yAxis.data).toEqual(['c', 'b']);
  });
});

describe('week-over-week', () => {
  it.each([
    [80, 75, true, { delta: 5, direction: 'better' }],
    [70, 75, true, { delta: -5, direction: 'worse' }],
    [12, 10, false, { delta: 2, direction: 'worse' }],
    [10, 10, true, { delta: 0, direction: 'same' }],
    [10, null, true, { delta: null, direction: 'unknown' }],
  ] as const)('%s vs %s (higher better: %s)', (now, before, higher, expected) => {
    expect(weekTrend(now, before, higher)).toMatchObject(expected);
  });
});

describe('KPI tiles', () => {
  const school = {
    breaches: 7,
    rules: {
      'R-MARK-DAY': { judged: 80, breaches: 4, timely_rate: 95, complete_rate: 100 },
      'R-TOPIC': { judged: 20, breaches: 3, timely_rate: 85, complete_rate: 90 },
      'R-FINALS-LOCK': { judged: 0, breaches: 0, timely_rate: null, complete_rate: null },
    },
  };
  it('weights rates by the records judged and the students counted', () => {
    const k = kpisOf(school, [
      { class_id: 'a', students: 20, passed: 18, quality_rate: 50 },
      { class_id: 'b', students: 30, passed: 30, quality_rate: 60 },
    ], [{ students: 10, reached: 4 }, { students: 30, reached: 30 }]);
    // timely (76 + 17) / 100; complete (80 + 18) / 100; pass 48/50; quality (10 + 18)/50; fill 34/40
    expect(k).toEqual({ timely: 93, complete: 98, fill: 85, pass: 96, quality: 56, breaches: 7 });
  });
  it('says "unknown" rather than 0 when nothing is counted', () => {
    expect(kpisOf(null, [], [])).toEqual({ timely: null, complete: null, fill: null, pass: null, quality: null, breaches: null });
  });
  it('marks fewer breaches as better', () => {
    const a = kpisOf(school, [], []);
    const t = kpiTrends(a, { ...a, breaches: 9, timely: 90 });
    expect(t.breaches).toMatchObject({ delta: -2, direction: 'better' });
    expect(t.timely).toMatchObject({ delta: 3, direction: 'better' });
  });
});
