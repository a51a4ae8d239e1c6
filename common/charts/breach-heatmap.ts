// Chart option for the director's teacher × rule heatmap of open breaches. Pure.
import type { EChartsCoreOption } from 'echarts/core';

export interface BreachCell {
  teacherId: string;
  teacherName: string;
  ruleId: string;
  count: number;
}

/** Teachers with the most breaches first (at most `limit`), rules in the given order. */
export function breachHeatmapOption(
  cells: readonly BreachCell[], rules: readonly { id: string; label: string }[], limit = 20,
): EChartsCoreOption {
  const totals = new Map<string, { name: string; total: number }>();
  for (const c of cells) {
    const t = totals.get(c.teacherId) ?? { name: c.teacherName, total: 0 };
    t.total += c.count;
    totals.set(c.teacherId, t);
  }
  const teachers = [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[1].name.localeCompare(b[1].name, 'ru'))
    .slice(0, limit);
  const teacherIndex = new Map(teachers.map(([id], i) => [id, i]));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const data: [number, number, number][] = [];
  for (const c of cells) {
    const x = ruleIndex.get(c.ruleId);
    const y = teacherIndex.get(c.teacherId);
    if (x !== undefined && y !== undefined && c.count > 0) data.push([x, y, c.count]);
  }
  const max = data.reduce((m, d) => Math.max(m, d[2]), 0);
  return {
    aria: { enabled: true },
    tooltip: { position: 'top' },
    grid: { left: 170, right: 16, top: 8, bottom: 90 },
    xAxis: { type: 'category', data: rules.map((r) => r.label), axisLabel: { interval: 0, rotate: 35 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: teachers.map(([, t]) => t.name), inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: false, show: false, inRange: { color: ['#fff4e5', '#f29d38', '#c0392b'] } },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  };
}
