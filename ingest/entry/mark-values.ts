// Mark values by the school's scale (spec/journal-bundle.md "Mark values").
export type MarkScale = 'five_point' | 'ten_point' | 'pass_fail';

const scales: Record<MarkScale, { values: string[]; label: string }> = {
  five_point: { values: ['1', '2', '3', '4', '5'], label: '1–5' },
  ten_point: { values: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], label: '1–10' },
  pass_fail: { values: ['зач', 'незач'], label: 'зач / незач' },
};

/** Finals may also say exempt, not certified, taught without marks. */
export const finalOnlyValues = ['осв', 'н/а', 'безотм'];

/** Why a current mark's value is not allowed, or null. */
export function markValueProblem(value: string, scale: MarkScale): string | null {
  const s = scales[scale] ?? scales.five_point;
  return s.values.includes(value) ? null : `оценка «${value}» не по шкале школы (${s.label})`;
}

export function finalValueProblem(value: string, scale: MarkScale): string | null {
  if (finalOnlyValues.includes(value)) return null;
  const s = scales[scale] ?? scales.five_point;
  return s.values.includes(value) ? null : `итоговая оценка «${value}» не по шкале школы (${s.label}) и не ${finalOnlyValues.join(' / ')}`;
}
