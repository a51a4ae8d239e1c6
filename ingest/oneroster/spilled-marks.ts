// Provenance of a marks.csv written by DuckDB (native-results.ts) without a million small objects:
// the marks are the results in file order minus the few dropped ones, so the i-th mark's result is
// found by a binary search over the sorted dropped rows.
import type { SpilledRows } from './bundle-draft';
import { markColumnsByScore, markColumnsByTextScore } from './map-oneroster-gradebook';

/** total: results in the file; dropped / textRids: result indexes (0-based, file order) */
export function spilledMarks(path: string, total: number, dropped: number[], textRids: number[], file: string, lineOf: (rid: number) => number): SpilledRows {
  const d = Int32Array.from(new Set(dropped)).sort();
  const text = Int32Array.from(textRids).sort();
  const count = total - d.length;
  /** the result index of the i-th mark: i + (dropped rows before it) */
  const ridOf = (i: number): number => {
    let lo = 0;
    let hi = d.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d[mid]! - mid <= i) lo = mid + 1;
      else hi = mid;
    }
    return i + lo;
  };
  const has = (a: Int32Array, x: number): boolean => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! < x) lo = mid + 1; else hi = mid; }
    return lo < a.length && a[lo] === x;
  };
  return {
    path, count,
    provAt: (i) => {
      if (i < 0 || i >= count) return undefined;
      const rid = ridOf(i);
      return { file, line: lineOf(rid), columns: has(text, rid) ? markColumnsByTextScore : markColumnsByScore };
    },
  };
}
