// Five-point marks from a student's ability and a subject's difficulty: mostly 3–5, some 2, rare 1.
import type { Rng } from './prng';

export function markValue(rng: Rng, ability: number, difficulty: number): string {
  const x = 3.95 + ability + difficulty + rng.normal() * 0.75;
  return x >= 4.5 ? '5' : x >= 3.5 ? '4' : x >= 2.45 ? '3' : x >= 1.3 ? '2' : '1';
}

/** the period final from the current marks: their mean rounded half up; no marks -> н/а */
export function finalFromMarks(values: readonly number[]): string {
  if (values.length === 0) return 'н/а';
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return String(Math.max(2, Math.min(5, Math.floor(mean + 0.5))));
}
