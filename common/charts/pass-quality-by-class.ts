// Chart option for pass and quality rates per class (M-PASS / M-QUALITY, `by=class`). Pure.
import type { EChartsCoreOption } from 'echarts/core';

export interface ClassRateRow {
  classId: string;
  /** what people call the class, e.g. "7Б" */
  label: string;
  passRate: number | null;
  qualityRate: number | null;
}

export interface PassQualityLabels {
  pass: string;
  quality: string;
}

/** Rates are 0–100 and unrounded in the api; shown with one decimal. `null` stays a gap, not a zero. */
export const roundRate = (v: number | null | undefined): number | null =>
  v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10;

// Russian alphabetical order without a collator: the first localeCompare of a fresh page loads ICU's
// tables (50–170 ms on the first chart's path). As the ru collation: case ignored first, Cyrillic before
// Latin, Ё after Е; then lower case before upper case.
const letterKey = (ch: string): number => {
  const c = ch.toLowerCase();
  const code = c.charCodeAt(0);
  if (c === 'ё') return 'е'.charCodeAt(0) + 0.5;
  return c >= 'a' && c <= 'z' ? 0x10000 + code : code;
};

/** Classes in school order: by grade number, then letter in Russian alphabetical order ("2А" before "10А"). */
export function compareClassLabels(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (na !== nb && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = letterKey(a[i]!) - letterKey(b[i]!);
    if (d !== 0) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] === a[i]!.toLowerCase() ? -1 : 1;
  }
  return 0;
}

export function passQualityByClassOption(rows: readonly ClassRateRow[], labels: PassQualityLabels): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => compareClassLabels(a.label, b.label));
  const bar = (name: string, data: (number | null)[], color: string) => ({
    name, type: 'bar', data, itemStyle: { color },
    // many classes: vertical labels inside the bar so that every number stays readable
    label: sorted.length <= 16
      ? { show: true, position: 'top', fontSize: 10, formatter: '{c}' }
      : { show: true, position: 'insideBottom', rotate: 90, align: 'left', verticalAlign: 'middle', fontSize: 9, color: '#fff', formatter: '{c}' },
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.pass, labels.quality], top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: sorted.map((r) => r.label), axisLabel: { interval: 0, rotate: sorted.length > 16 ? 45 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      bar(labels.pass, sorted.map((r) => roundRate(r.passRate)), '#2f6fb5'),
      bar(labels.quality, sorted.map((r) => roundRate(r.qualityRate)), '#4aa56b'),
    ],
  };
}
