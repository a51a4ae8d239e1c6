// Week-over-week change of a KPI tile. Pure.
export interface Trend {
  value: number | null;
  delta: number | null;
  /** whether the change is good news for this KPI (breaches: fewer is better) */
  direction: 'better' | 'worse' | 'same' | 'unknown';
}

export function weekTrend(current: number | null, previous: number | null, higherIsBetter = true): Trend {
  if (current === null || previous === null) return { value: current, delta: null, direction: 'unknown' };
  const delta = Math.round((current - previous) * 10) / 10;
  if (delta === 0) return { value: current, delta: 0, direction: 'same' };
  return { value: current, delta, direction: (delta > 0) === higherIsBetter ? 'better' : 'worse' };
}
